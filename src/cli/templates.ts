import { loadCatalogFromDisk } from '../core/template-catalog-file';
import type { TemplateCatalog } from '../core/templates';

const cache = new Map<string, TemplateCatalog>();

export function loadTemplateCatalog(dir: string): TemplateCatalog {
  let c = cache.get(dir);
  if (!c) cache.set(dir, (c = loadCatalogFromDisk(dir)));
  return c;
}
