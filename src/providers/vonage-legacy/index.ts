/** Vonage/Nexmo Messages API beta and v0.1 (seeds 000-002): same host, auth and errors as v1. */
import { defineProvider } from '../types';
import { rec } from '../common/fields';
import { VONAGE_JWT } from '../common/auth';
import { once } from '../lazy';
import { toModel } from './model';
import { LEGACY_RULES } from './rules';
import { buildRequest } from './request';
import { VONAGE_API } from '../vonage/request';
import { readResponse } from '../vonage/response';
import { explainError, WINDOW_CLOSED_CODES } from '../vonage/errors';
import { webhooks } from './webhooks';
import { PACE } from './rate';

// Built on first use (see ../lazy.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const schema = once(() => (require('./schema') as typeof import('./schema')).vonageLegacyPayload);

export const provider = defineProvider({
  id: 'vonage-legacy',
  suffix: '.vonage-legacy.json',
  label: 'Vonage Messages API beta/v0.1',
  get schema() {
    return schema();
  },
  detect(value) {
    const p = rec(value);
    if (!p) return 0;
    const message = rec(p.message);
    // `message.content` is unique to this shape; `from`/`to` as objects are a strong hint.
    if (message && 'content' in message) return 0.9;
    if (rec(p.to) && 'type' in (rec(p.to) ?? {})) return 0.6;
    return 0;
  },
  toModel,
  rules: LEGACY_RULES,
  auth: [VONAGE_JWT],
  endpoint: () => VONAGE_API,
  sandboxEndpoint: (base) => base,
  buildRequest,
  readResponse,
  explainError: (code) => explainError(Number(code) || 0, code),
  windowClosedCodes: WINDOW_CLOSED_CODES,
  webhooks,
  pace: PACE,
});
