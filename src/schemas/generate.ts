/**
 * JSON Schemas for VS Code's `contributes.jsonValidation`, generated from the zod schemas
 * (the single source of truth). Written to `schemas/` by the build; a unit test fails when
 * the committed files are stale. A payload's schema is for completion and hover only
 * (./editor-schema.ts): its problems are ours.
 */
import { z } from 'zod';
import { PROVIDERS } from '../providers/registry';
import { CATALOG_SUFFIX } from '../core/template-catalog-file';
import { templateCatalogSchema } from '../templates/catalog-schema';
import { templateDefinitionSchema } from '../templates/definition-schema';
import { DEFINITION_KIND, DEFINITION_SUFFIXES } from '../templates/template-file';
import type { SnippetDef } from '../core/snippets';
import { forEditor } from './editor-schema';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface GeneratedSchema {
  /** File name under schemas/. */
  file: string;
  /** The glob (or globs) VS Code matches payload files with. */
  fileMatch: string | string[];
  schema: Record<string, unknown>;
}

function toJson(schema: z.ZodType, title: string): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { target: 'draft-7', unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
  return { ...json, title };
}

/** snippets/<provider>.json, read from the project root. */
export function readSnippets(root: string, providerId: string): Record<string, SnippetDef> {
  const file = path.join(root, 'snippets', `${providerId}.json`);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, SnippetDef>) : {};
}

/**
 * The provider's snippets as JSON Schema `defaultSnippets`, so completion in an empty payload file
 * offers exactly that provider's message types.
 */
function defaultSnippets(snippets: Record<string, SnippetDef>): Record<string, unknown>[] {
  return Object.entries(snippets).map(([label, s]) => ({ label, description: s.description, bodyText: Array.isArray(s.body) ? s.body.join('\n') : s.body }));
}

export function generateSchemas(root: string): GeneratedSchema[] {
  const out: GeneratedSchema[] = PROVIDERS.map((p) => {
    const snippets = defaultSnippets(readSnippets(root, p.id));
    return {
      file: `${p.id}.schema.json`,
      fileMatch: `*${p.suffix}`,
      schema: { ...(forEditor(toJson(p.schema, `${p.label} payload (Message Workbench)`)) as Record<string, unknown>), ...(snippets.length ? { defaultSnippets: snippets } : {}) },
    };
  });
  // What each provider posts to your webhooks: same generation, its own suffix. Our diagnostics cover
  // these files too (the editor checks them as `mwb validate` does): completion and hover only.
  for (const p of PROVIDERS) {
    if (!p.webhooks) continue;
    const snippets = defaultSnippets(readSnippets(root, `${p.id}-webhook`));
    out.push({ file: `${p.id}-webhook.schema.json`, fileMatch: `*${p.webhooks.suffix}`, schema: { ...(forEditor(toJson(p.webhooks.schema, `${p.webhooks.label} (Message Workbench)`)) as Record<string, unknown>), ...(snippets.length ? { defaultSnippets: snippets } : {}) } });
  }
  // The catalog is not sent and our diagnostics do not cover it, so VS Code still validates it.
  out.push({ file: 'templates.schema.json', fileMatch: `*${CATALOG_SUFFIX}`, schema: toJson(templateCatalogSchema, 'Message Workbench template catalog') });
  const templateSnippets = defaultSnippets(readSnippets(root, DEFINITION_KIND));
  // A template definition is sent too (Submit Template), and our diagnostics cover it: completion and hover only, as for payloads.
  out.push({ file: 'whatsapp-template.schema.json', fileMatch: DEFINITION_SUFFIXES.map((s) => `*${s}`), schema: { ...(forEditor(toJson(templateDefinitionSchema, 'WhatsApp message template (Meta format)')) as Record<string, unknown>), ...(templateSnippets.length ? { defaultSnippets: templateSnippets } : {}) } });
  return out;
}

export function serialize(schema: Record<string, unknown>): string {
  return JSON.stringify(schema, null, 2) + '\n';
}
