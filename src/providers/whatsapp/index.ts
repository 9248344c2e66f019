/** WhatsApp Cloud API, as Meta serves it (Graph API, Bearer token) and as 360dialog relays it (D360-API-KEY). */
import { defineProvider } from '../types';
import { rec } from '../common/fields';
import { D360_KEY, META_BEARER } from '../common/auth';
import { once } from '../lazy';
import { toModel } from './model';
import { WHATSAPP_RULES } from './rules';
import { buildMarkRead, buildRequest, DEFAULT_GRAPH_VERSION, GRAPH_API, D360_CLOUD_API, D360_SANDBOX_BASE } from './request';
import { readResponse } from './response';
import { explainError, WINDOW_CLOSED_CODES } from './errors';
import { webhooks } from './webhooks';
import { PACE } from './rate';

// Built on first use (see ../lazy.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const schema = once(() => (require('./schema') as typeof import('./schema')).whatsappPayload);

export const provider = defineProvider({
  id: 'whatsapp',
  suffix: '.whatsapp.json',
  label: 'WhatsApp Cloud API',
  get schema() {
    return schema();
  },
  // `messaging_product` is the Cloud API's mark: neither On-Premises nor Vonage bodies carry it.
  detect(value) {
    const p = rec(value);
    if (!p || !('messaging_product' in p)) return 0;
    return p.messaging_product === 'whatsapp' ? 0.95 : 0.6;
  },
  toModel,
  rules: WHATSAPP_RULES,
  auth: [META_BEARER, D360_KEY],
  endpoint: (auth) => (auth === 'd360' ? D360_CLOUD_API : GRAPH_API),
  sandboxEndpoint: (base, auth) => (auth === 'd360' ? base + D360_SANDBOX_BASE : base),
  // The WABA id is where the account's message templates live (src/templates/account-api.ts).
  profileEnv: { phoneNumberId: 'WHATSAPP_PHONE_NUMBER_ID', graphVersion: 'WHATSAPP_GRAPH_VERSION', wabaId: 'WHATSAPP_WABA_ID' },
  sandboxProfile: { phoneNumberId: '100000000000001', graphVersion: DEFAULT_GRAPH_VERSION, wabaId: '102290129340398' },
  buildRequest,
  buildMarkRead,
  readResponse,
  explainError,
  windowClosedCodes: WINDOW_CLOSED_CODES,
  webhooks,
  pace: PACE,
});
