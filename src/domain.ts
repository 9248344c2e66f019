/**
 * Everything the extension needs from the domain, bundled apart (dist/domain.js) and loaded on
 * first use, so activation stays cheap: zod and the schemas cost ~40 ms to load.
 */
export { validateText, type ValidationResult } from './core/validate';
export { applyEdits } from './core/edits';
export { LineIndex } from './core/position';
export { createCatalog, BUILTIN_TEMPLATES } from './core/templates';
export { parseCatalog, CATALOG_SUFFIX } from './core/template-catalog-file';
export { PROVIDERS, providerForFile, isPayloadFile } from './providers/registry';
