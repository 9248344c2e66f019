/**
 * Everything the extension needs from the domain, bundled apart (dist/domain.js) and loaded on
 * first use, so activation stays cheap: zod and the schemas cost ~40 ms to load.
 */
export { validateText, resolveProvider, type ValidationResult } from './pipeline/validate';
export { createCatalog } from './core/templates';
export { parseCatalog } from './core/template-catalog-file';
export { prepareSend, sendPrepared, markRead, type SendResult } from './pipeline/send';
export { checkProfile } from './pipeline/profiles';
export { PROVIDERS, providerOf, authDefOf } from './providers/registry';
export { toCurl } from './core/http/curl';
export { signVonageJwt, applicationIdProblem, DEFAULT_TTL_SECONDS, MAX_TTL_SECONDS } from './core/auth/jwt';
export { privateKeyProblem } from './core/auth/private-key';
export { decodeToken } from './core/auth/decode';
export { createSandbox, type Sandbox } from './sandbox/server';
export { renderPreview } from './preview/document';
export { clockTime } from './preview/clock';
export { locateProblems, type PreviewProblem } from './preview/problems';
export { parseWebviewMessage, type HostMessage } from './shared/protocol';
