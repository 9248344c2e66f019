/** `*.templates.json`: the workspace's catalog of approved WhatsApp templates (schema, parse, find on disk). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { createCatalog, type TemplateCatalog, type TemplateDefinition } from './templates';
import { MAX_FILE_BYTES, readTextFile } from './read-file';

export const CATALOG_SUFFIX = '.templates.json';

const button = z.strictObject({
  type: z.enum(['quick_reply', 'url', 'phone_number', 'copy_code']).describe('What the button does.'),
  text: z.string().min(1).max(25).describe('Button label (1-25 characters).'),
  url: z.string().max(2000).optional().describe('For `url` buttons: the URL; `{{1}}` at the end is filled from the send\'s button parameter.'),
  phone_number: z.string().max(20).optional().describe('For `phone_number` buttons: the number to call.'),
});

export const templateDefinitionSchema = z.strictObject({
  name: z.string().min(1).max(512).describe('Template name as approved (1-512 characters), e.g. `order_update`, or `namespace:name` for legacy templates.'),
  language: z.string().min(2).max(15).optional().describe('Language code of this translation, e.g. `en_US`. Leave out to match any language.'),
  namespace: z.string().optional().describe('On-Premises / legacy namespace of the template.'),
  category: z.enum(['MARKETING', 'UTILITY', 'AUTHENTICATION']).optional().describe('Template category.'),
  header: z
    .union([
      z.strictObject({ type: z.literal('text').describe('A text header.'), text: z.string().min(1).max(60).describe('Header text (up to 60 characters); may hold `{{1}}`.') }),
      z.strictObject({ type: z.enum(['image', 'video', 'document', 'location']).describe('A media header: the send supplies the media.') }),
    ])
    .optional()
    .describe('Optional header.'),
  body: z.string().min(1).max(1024).describe('Body text (up to 1024 characters) with `{{1}}`, `{{2}}`... parameters.'),
  footer: z.string().min(1).max(60).optional().describe('Footer text (up to 60 characters).'),
  buttons: z
    .array(button)
    .max(10)
    .superRefine((buttons, ctx) => {
      // WhatsApp's template rules: at most 2 URL buttons and 1 phone-number button.
      const limits: Record<string, number> = { url: 2, phone_number: 1 };
      for (const [type, max] of Object.entries(limits)) {
        const of = buttons.map((b, i) => ({ b, i })).filter((x) => x.b.type === type);
        if (of.length > max) ctx.addIssue({ code: 'custom', path: [of[max].i, 'type'], message: `A template has at most ${max} ${type === 'url' ? 'URL buttons' : 'phone-number button'}; this is number ${max + 1}. Remove it or change its type.` });
      }
    })
    .optional()
    .describe('Up to 10 buttons (at most 2 URL buttons and 1 phone button).'),
});

export const templateCatalogSchema = z
  .strictObject({
    $schema: z.string().optional(),
    templates: z.array(templateDefinitionSchema).describe('Your approved templates, one entry per name and language.'),
  })
  .describe('Message Workbench template catalog: the text of your approved WhatsApp templates, so previews fill in parameters and lint checks their count.');

export function parseCatalog(text: string): TemplateDefinition[] {
  try {
    const parsed = templateCatalogSchema.safeParse(JSON.parse(text));
    return parsed.success ? (parsed.data.templates as TemplateDefinition[]) : [];
  } catch {
    return [];
  }
}

/** Catalog files in `dir` and its ancestors, up to and including the first with `.git` or `package.json`. */
export function findCatalogFiles(dir: string): string[] {
  const found: string[] = [];
  for (let d = path.resolve(dir), i = 0; i < 32; i++) {
    let entries: string[] = [];
    try {
      entries = fs.readdirSync(d);
    } catch {
      break;
    }
    for (const e of entries) if (e.endsWith(CATALOG_SUFFIX)) found.push(path.join(d, e));
    if (entries.includes('.git') || entries.includes('package.json')) break;
    const up = path.dirname(d);
    if (up === d) break;
    d = up;
  }
  return found;
}

export function loadCatalogFromDisk(dir: string): TemplateCatalog {
  const defs: TemplateDefinition[] = [];
  for (const f of findCatalogFiles(dir)) {
    // A FIFO, a device or a huge file named *.templates.json is skipped, never waited on; validating the
    // catalog file itself says why.
    const read = readTextFile(f, MAX_FILE_BYTES, 'a template catalog');
    if (read.ok) defs.push(...parseCatalog(read.text));
  }
  return createCatalog(defs);
}
