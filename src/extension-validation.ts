/**
 * What the editor needs to check and preview payload files, bundled apart (dist/validation.js) and
 * loaded on the first validation, after activation: zod and the schemas, not the HTTP client,
 * JWTs or the sandbox (those are dist/domain.js, loaded on the first send).
 */
export { validateText, resolveProvider, type ValidationResult } from './pipeline/validate';
export { createCatalog } from './core/templates';
export { parseCatalog, readCatalog } from './core/template-catalog-file';
export { renderPreview } from './preview/document';
export { renderWebhookPreview } from './preview/webhook';
export { clockTime } from './preview/clock';
export { locateProblems, type PreviewProblem } from './preview/problems';
export { parseWebviewMessage, type HostMessage } from './shared/protocol';
export { convertText, convertedFileName, CONVERSIONS, type ConvertResult } from './convert';
