/**
 * Where each provider lives inside one running sandbox. The paths after each base are the
 * provider's real ones, so a profile only swaps its endpoint to talk to the sandbox.
 */
import type { ProviderId } from '../core/model';

export type SandboxAuth = 'jwt' | 'basic' | 'bearer' | 'd360' | 'token';

/** Base paths under the sandbox's origin (Vonage and Meta Cloud use the origin itself). */
export const SANDBOX_BASES = {
  d360Cloud: '/360',
  onprem: '/onprem/v1',
  gateway: '/gateway/send',
} as const;

/** The control endpoints that only the sandbox has. */
export const CONTROL_PATHS = {
  inbound: '/_sandbox/inbound',
  messages: '/_sandbox/messages',
  health: '/_sandbox/health',
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
  `POST ${CONTROL_PATHS.inbound} {"from": "<number>"}`,
  `GET ${CONTROL_PATHS.messages}`,
  `GET ${CONTROL_PATHS.health}`,
];

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/**
 * The endpoint (base URL) a profile should use to reach this provider in the sandbox running at
 * `baseUrl` (e.g. `http://127.0.0.1:4010`). For `gateway` the endpoint is the full URL.
 */
export function sandboxEndpoint(baseUrl: string, providerId: ProviderId, auth?: SandboxAuth): string {
  const base = trimSlash(baseUrl);
  switch (providerId) {
    case 'vonage':
    case 'vonage-legacy':
      return base;
    case 'whatsapp':
      return auth === 'd360' ? base + SANDBOX_BASES.d360Cloud : base;
    case 'whatsapp-onprem':
      return base + SANDBOX_BASES.onprem;
    case 'gateway':
      return base + SANDBOX_BASES.gateway;
  }
}

/** One line per provider: its sandbox base URL and what to send there (for `mwb sandbox`). */
export function describeEndpoints(baseUrl: string): { provider: string; endpoint: string; note: string }[] {
  return [
    { provider: 'vonage', endpoint: sandboxEndpoint(baseUrl, 'vonage'), note: 'POST /v1/messages, JWT or Basic' },
    { provider: 'vonage-legacy', endpoint: sandboxEndpoint(baseUrl, 'vonage-legacy'), note: 'POST /v0.1/messages or /beta/messages, JWT' },
    { provider: 'whatsapp (Meta)', endpoint: sandboxEndpoint(baseUrl, 'whatsapp', 'bearer'), note: 'POST /{graphVersion}/{phoneNumberId}/messages, Bearer token' },
    { provider: 'whatsapp (360dialog)', endpoint: sandboxEndpoint(baseUrl, 'whatsapp', 'd360'), note: 'POST /messages, D360-API-KEY' },
    { provider: 'whatsapp-onprem', endpoint: sandboxEndpoint(baseUrl, 'whatsapp-onprem'), note: 'POST /messages, D360-API-KEY' },
    { provider: 'gateway', endpoint: sandboxEndpoint(baseUrl, 'gateway'), note: 'POST, "token" in the body' },
  ];
}
