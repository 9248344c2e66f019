/**
 * Where each provider lives inside one running sandbox. The paths after each base are the
 * provider's real ones, so a profile only swaps its endpoint to talk to the sandbox.
 */
import type { AuthKind } from '../core/auth/kinds';
import { PROVIDERS, providerOf } from '../providers/registry';
import { D360_SANDBOX_BASE } from '../providers/whatsapp/request';
import { ONPREM_SANDBOX_BASE } from '../providers/whatsapp-onprem/request';
import { GATEWAY_SANDBOX_PATH } from '../providers/gateway/request';

/** Base paths under the sandbox's origin (Vonage and Meta Cloud use the origin itself); each provider defines its own. */
export const SANDBOX_BASES = {
  d360Cloud: D360_SANDBOX_BASE,
  onprem: ONPREM_SANDBOX_BASE,
  gateway: GATEWAY_SANDBOX_PATH,
} as const;

/** The control endpoints that only the sandbox has. */
export const CONTROL_PATHS = {
  inbound: '/_sandbox/inbound',
  messages: '/_sandbox/messages',
  health: '/_sandbox/health',
  webhooks: '/_sandbox/webhooks',
} as const;

/** Every path the sandbox answers, for 404 messages, `mwb sandbox` and the health endpoint. */
export const SANDBOX_ROUTES: readonly string[] = [
  'POST /v1/messages (vonage)',
  'PATCH /v1/messages/{message_uuid} (vonage mark as read)',
  'POST /v0.1/messages and POST /beta/messages (vonage-legacy)',
  'POST /{graphVersion}/{phoneNumberId}/messages (whatsapp, Meta Cloud API; also mark as read)',
  `POST ${SANDBOX_BASES.d360Cloud}/messages (whatsapp, 360dialog Cloud; also mark as read)`,
  `POST ${SANDBOX_BASES.onprem}/messages and PUT ${SANDBOX_BASES.onprem}/messages/{id} (whatsapp-onprem)`,
  `POST ${SANDBOX_BASES.gateway} (gateway)`,
  'GET, POST and DELETE /{graphVersion}/{wabaId}/message_templates (WhatsApp templates, Meta)',
  `GET and POST ${SANDBOX_BASES.d360Cloud}/v1/configs/templates, DELETE ${SANDBOX_BASES.d360Cloud}/v1/configs/templates/{name} (WhatsApp templates, 360dialog)`,
  `POST ${CONTROL_PATHS.inbound} {"from": "<number>", "text": "..."} or {"from", "reply": {"id", "title"}, "context": "<message id>"}`,
  `GET ${CONTROL_PATHS.messages}`,
  `GET ${CONTROL_PATHS.health}`,
  `GET ${CONTROL_PATHS.webhooks}`,
];

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/**
 * The endpoint (base URL) a profile should use to reach this provider in the sandbox running at
 * `baseUrl` (e.g. `http://127.0.0.1:4010`). For `gateway` the endpoint is the full URL.
 */
export function sandboxEndpoint(baseUrl: string, providerId: string, auth?: AuthKind): string {
  const provider = providerOf(providerId);
  return provider.sandboxEndpoint(trimSlash(baseUrl), auth ?? provider.auth[0].kind);
}

/** One line per provider and auth method: its sandbox base URL and how to authenticate (for `mwb sandbox`). */
export function describeEndpoints(baseUrl: string): { provider: string; endpoint: string; note: string }[] {
  return PROVIDERS.flatMap((p) => {
    const endpoints = new Map<string, string[]>();
    for (const a of p.auth) {
      const e = sandboxEndpoint(baseUrl, p.id, a.kind);
      endpoints.set(e, [...(endpoints.get(e) ?? []), a.label]);
    }
    return [...endpoints].map(([endpoint, labels]) => ({ provider: p.id, endpoint, note: labels.join(' or ') }));
  });
}
