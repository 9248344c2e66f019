/** Vonage Messages API v1: every channel and message type, `POST /v1/messages`. */
import { defineProvider } from '../types';
import { rec } from '../common/fields';
import { VONAGE_BASIC, VONAGE_JWT } from '../common/auth';
import { once } from '../lazy';
import { toModel } from './model';
import { VONAGE_RULES } from './rules';
import { buildMarkRead, buildRequest, VONAGE_API } from './request';
import { readResponse } from './response';
import { explainError, WINDOW_CLOSED_CODES } from './errors';
import { webhooks } from './webhooks';
import { PACE } from './rate';

// Built on first use (see ../lazy.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const schema = once(() => (require('./schema') as typeof import('./schema')).vonagePayload);

export const provider = defineProvider({
  id: 'vonage',
  suffix: '.vonage.json',
  label: 'Vonage Messages API v1',
  get schema() {
    return schema();
  },
  detect(value) {
    const p = rec(value);
    if (!p) return 0;
    // `channel` + `message_type` is unique to v1; either alone is a strong hint (others use `type`).
    if ('message_type' in p && 'channel' in p) return 0.95;
    if ('message_type' in p) return 0.7;
    if ('channel' in p && typeof p.channel === 'string' && !('message' in p)) return 0.55;
    return 0;
  },
  toModel,
  rules: VONAGE_RULES,
  // JWT first: the Vonage SDKs prefer it when both are configured.
  auth: [VONAGE_JWT, VONAGE_BASIC],
  endpoint: () => VONAGE_API,
  sandboxEndpoint: (base) => base,
  buildRequest,
  buildMarkRead,
  readResponse,
  explainError: (code) => explainError(Number(code) || 0, code),
  windowClosedCodes: WINDOW_CLOSED_CODES,
  webhooks,
  pace: PACE,
});
