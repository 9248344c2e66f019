/**
 * JSON Schemas for VS Code's `contributes.jsonValidation`, generated from the zod schemas
 * (the single source of truth). Written to `schemas/` by the build; a unit test fails when
 * the committed files are stale.
 */
import { z } from 'zod';
import { PROVIDERS } from '../providers/registry';
import { templateCatalogSchema, CATALOG_SUFFIX } from '../core/template-catalog-file';

export interface GeneratedSchema {
  /** File name under schemas/. */
  file: string;
  /** The glob VS Code matches payload files with. */
  fileMatch: string;
  schema: Record<string, unknown>;
}

function toJson(schema: z.ZodType, title: string): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { target: 'draft-7', unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
  return { ...json, title };
}

export function generateSchemas(): GeneratedSchema[] {
  const out: GeneratedSchema[] = PROVIDERS.map((p) => ({
    file: `${p.id}.schema.json`,
    fileMatch: `*${p.suffix}`,
    schema: toJson(p.schema, `${p.label} payload (Message Workbench)`),
  }));
  out.push({ file: 'templates.schema.json', fileMatch: `*${CATALOG_SUFFIX}`, schema: toJson(templateCatalogSchema, 'Message Workbench template catalog') });
  return out;
}

export function serialize(schema: Record<string, unknown>): string {
  return JSON.stringify(schema, null, 2) + '\n';
}
