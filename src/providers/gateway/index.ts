/** A token WhatsApp gateway (seed 003): the endpoint is the user's own URL; the token goes in the body. */
import { defineProvider } from '../types';
import { rec } from '../common/fields';
import { GATEWAY_TOKEN } from '../common/auth';
import { once } from '../lazy';
import { toModel } from './model';
import { GATEWAY_RULES } from './rules';
import { buildRequest, GATEWAY_SANDBOX_PATH } from './request';
import { readResponse } from './response';
import { explainError, WINDOW_CLOSED_CODES } from './errors';
import { PACE } from './rate';

// Built on first use (see ../lazy.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const schema = once(() => (require('./schema') as typeof import('./schema')).gatewayPayload);

export const provider = defineProvider({
  id: 'gateway',
  suffix: '.gateway.json',
  label: 'WhatsApp token gateway',
  get schema() {
    return schema();
  },
  detect(value) {
    const p = rec(value);
    if (!p) return 0;
    return 'phone' in p && 'message' in p ? 0.9 : 'phone' in p || 'message' in p ? 0.3 : 0;
  },
  toModel,
  rules: GATEWAY_RULES,
  auth: [GATEWAY_TOKEN],
  // Every gateway has its own URL: the user gives it (profile endpoint or --endpoint).
  endpoint: () => undefined,
  sandboxEndpoint: (base) => base + GATEWAY_SANDBOX_PATH,
  buildRequest,
  readResponse,
  explainError,
  windowClosedCodes: WINDOW_CLOSED_CODES,
  pace: PACE,
});
