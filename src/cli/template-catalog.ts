/** The workspace template catalog for a file's folder, read from disk only when a rule first asks for a template. */
import { loadCatalogFromDisk } from '../core/template-catalog-file';
import type { TemplateCatalog } from '../core/templates';

const cache = new Map<string, TemplateCatalog>();

export function loadTemplateCatalog(dir: string): TemplateCatalog {
  let c = cache.get(dir);
  if (!c) {
    let loaded: TemplateCatalog | undefined;
    const catalog = () => (loaded ??= loadCatalogFromDisk(dir));
    c = {
      find: (name, language) => catalog().find(name, language),
      lookup: (name, language) => catalog().lookup(name, language),
      all: () => catalog().all(),
      get pulled() {
        return catalog().pulled;
      },
    };
    cache.set(dir, c);
  }
  return c;
}
