/**
 * Files in Meta's template format rather than messages: single definitions (`*.template.json`,
 * `*.whatsapp-template.json`, or a file of that shape with no known suffix, or any file with
 * `--provider whatsapp-template`) and catalogs (`*.templates.json`). How a file is recognised as one,
 * and the problems found in it (schema, then Meta's rules).
 */
import { createContext } from '../core/lint/context';
import type { ParsedDocument } from '../core/parse';
import type { Problem } from '../core/problem';
import { schemaProblems } from '../core/schema-check';
import { createCatalog } from '../core/templates';
import { CATALOG_SUFFIX } from '../core/template-catalog-file';
import { templateCatalogSchema } from './catalog-schema';
import { templateDefinitionSchema } from './definition-schema';
import { lintDefinition } from './lint';

/** What `--provider` names a definition by, and what `mwb validate --json` reports as its provider. */
export const DEFINITION_KIND = 'whatsapp-template';
export const DEFINITION_SUFFIXES = ['.whatsapp-template.json', '.template.json'] as const;

export type TemplateFileKind = 'definition' | 'catalog';

/** A definition by its shape: name, language, category and components, as Meta's API has them. */
export function looksLikeDefinition(value: unknown): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return typeof v.name === 'string' && typeof v.language === 'string' && typeof v.category === 'string' && Array.isArray(v.components);
}

export function isDefinitionFileName(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  return DEFINITION_SUFFIXES.some((s) => lower.endsWith(s));
}

/**
 * Which template file this is, if any. `hasProviderSuffix`: the name already says it is a message
 * for a provider (then only `--provider whatsapp-template` makes it a definition).
 */
export function templateFileKind(fileName: string | undefined, providerId: string | undefined, value: unknown, hasProviderSuffix: boolean): TemplateFileKind | undefined {
  if (providerId !== undefined) return providerId === DEFINITION_KIND ? 'definition' : undefined;
  const lower = fileName?.toLowerCase() ?? '';
  if (lower.endsWith(CATALOG_SUFFIX)) return 'catalog';
  if (isDefinitionFileName(lower)) return 'definition';
  if (!hasProviderSuffix && looksLikeDefinition(value)) return 'definition';
  return undefined;
}

/** Problems of a template file: its schema (when `schema`), then, for a definition, Meta's rules. */
export function templateFileProblems(doc: ParsedDocument, kind: TemplateFileKind, schema: boolean, sink: Problem[], onRuleError?: (error: unknown, where: string) => void): void {
  if (schema) sink.push(...schemaProblems(doc, kind === 'catalog' ? templateCatalogSchema : templateDefinitionSchema));
  if (kind === 'definition') lintDefinition(createContext(doc, 'whatsapp', undefined, createCatalog(), sink), onRuleError);
}
