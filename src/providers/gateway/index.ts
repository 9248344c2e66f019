/** A token WhatsApp gateway (seed 003): the endpoint is the user's own URL; the token goes in the body. */
import { defineProvider } from '../types';
import { rec } from '../common/fields';
import { GATEWAY_TOKEN } from '../common/auth';
import { gatewayPayload } from './schema';
import { toModel } from './model';
import { GATEWAY_RULES } from './rules';
import { buildRequest, GATEWAY_SANDBOX_PATH } from './request';
import { readResponse } from './response';
import { explainError, WINDOW_CLOSED_CODES } from './errors';

export const provider = defineProvider({
  id: 'gateway',
  suffix: '.gateway.json',
  label: 'WhatsApp token gateway',
  schema: gatewayPayload,
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
});
