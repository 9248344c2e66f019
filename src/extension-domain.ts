/**
 * What the extension needs to send, sign and simulate, bundled apart (dist/domain.js) and loaded
 * on first use: the HTTP client, JWTs, profiles and the sandbox. Checking and previewing files
 * is dist/validation.js (extension-validation.ts).
 */
export { prepareSend, sendPrepared, markRead, webhookRefusal, type SendResult } from './pipeline/send';
export { checkProfile } from './pipeline/profiles';
export { PROVIDERS, providerOf, authDefOf } from './providers/registry';
export { curlFor } from './pipeline/curl';
export { redact } from './core/auth/apply';
export { summarizeMessage } from './core/model-summary';
export { signVonageJwt, applicationIdProblem, DEFAULT_TTL_SECONDS, MAX_TTL_SECONDS } from './core/auth/jwt';
export { privateKeyProblem } from './core/auth/private-key';
export { decodeToken } from './core/auth/decode';
export { createSandbox, type Sandbox } from './sandbox/server';
export { alwaysOpen } from './sandbox/customer-window';
export { pullTemplates, pushTemplate, templateApiTarget, pulledCatalogText, statusCounts, PULLED_CATALOG_FILE } from './templates/account-api';
export { writeTemplateMessage, fittingTemplates } from './templates/message-writer';
export { configureProxy, type ProxySettings } from './core/http/agent';
export { runBulk, BulkError, type BulkSummary } from './bulk/runner';
export { RecipientsError } from './bulk/recipients';
export { createReceiver, type Receiver } from './webhooks/receiver';
export { humanLines as webhookLines } from './webhooks/lines';
export { ConversationBook, type SendRecord } from './conversations/book';
export { conversationsView } from './conversations/view';
export { replyPayload } from './conversations/reply-payload';
export { renderConversations } from './preview/conversation';
export { createCatalog } from './core/templates';
export { parseConversationsPageMessage, type ConversationsHostMessage, type ConversationAction } from './shared/protocol';
export { explainFailure } from './conversations/explain';
