/**
 * `*.templates.json`: the workspace's template catalogs, found on disk and read in any of their
 * forms (Meta's GET answer as pulled, an array of Meta definitions, or the older
 * `{"templates": [...]}`). Reading is lenient: an entry that is not a template is skipped, never
 * the whole file; the file's own validation (templates/catalog-schema.ts) says what is wrong.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createCatalog, toDefinition, type LegacyCatalogEntry, type TemplateCatalog, type TemplateDefinition } from './templates';
import { MAX_FILE_BYTES, readTextFile } from './read-file';
import { rec } from './json-values';

export const CATALOG_SUFFIX = '.templates.json';

export interface CatalogContent {
  definitions: TemplateDefinition[];
  /** The file is an account's templates as pulled (Meta's GET answer): complete, not hand-picked. */
  pulled: boolean;
}

/** One entry, Meta's format or the older one; undefined when it is neither. */
function entry(v: unknown): TemplateDefinition | undefined {
  const r = rec(v);
  if (!r || typeof r.name !== 'string' || r.name === '') return undefined;
  if (Array.isArray(r.components)) return { ...(r as TemplateDefinition), components: r.components.filter((c) => rec(c) && typeof rec(c)!.type === 'string') as TemplateDefinition['components'] };
  if (typeof r.body === 'string') return toDefinition(r as unknown as LegacyCatalogEntry);
  return undefined;
}

export function readCatalogValue(value: unknown): CatalogContent {
  const r = rec(value);
  const list = Array.isArray(value) ? value : Array.isArray(r?.data) ? r.data : Array.isArray(r?.templates) ? r.templates : [];
  return { definitions: (list as unknown[]).flatMap((v) => entry(v) ?? []), pulled: Array.isArray(r?.data) };
}

export function readCatalog(text: string): CatalogContent {
  try {
    return readCatalogValue(JSON.parse(text));
  } catch {
    return { definitions: [], pulled: false };
  }
}

export function parseCatalog(text: string): TemplateDefinition[] {
  return readCatalog(text).definitions;
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
  let pulled = false;
  for (const f of findCatalogFiles(dir)) {
    // A FIFO, a device or a huge file named *.templates.json is skipped, never waited on; validating the
    // catalog file itself says why.
    const read = readTextFile(f, MAX_FILE_BYTES, 'a template catalog');
    if (!read.ok) continue;
    const content = readCatalog(read.text);
    defs.push(...content.definitions);
    pulled ||= content.pulled;
  }
  return createCatalog(defs, { pulled });
}
