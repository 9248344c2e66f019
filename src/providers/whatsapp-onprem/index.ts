/** The WhatsApp On-Premises API as 360dialog served it (seed 004); retired by Meta on 23 October 2025. */
import { defineProvider } from '../types';
import { rec } from '../common/fields';
import { D360_KEY } from '../common/auth';
import { once } from '../lazy';
import { toModel } from './model';
import { ONPREM_RULES } from './rules';
import { RETIREMENT_NOTICE } from './retired';
import { buildMarkRead, buildRequest, ONPREM_API, ONPREM_SANDBOX_BASE } from './request';
import { readResponse } from './response';
import { explainError, WINDOW_CLOSED_CODES } from './errors';
import { webhooks } from './webhooks';
import { PACE } from './rate';

/** How much a value looks like an On-Premises body; 0 when it carries another API's marks. */
function detect(value: unknown): number {
  const p = rec(value);
  // Cloud has messaging_product; Vonage v1 has message_type/channel; legacy Vonage has message.content.
  if (!p || 'messaging_product' in p || 'message_type' in p || 'channel' in p || 'message' in p) return 0;
  const template = rec(p.template);
  if (template && ('namespace' in template || 'policy' in (rec(template.language) ?? {}))) return 0.9;
  if ('recipient_type' in p) return 0.85;
  if ('type' in p && 'to' in p) return 0.75;
  // A bare {"status":"read"} is also Vonage's mark-as-read body (PATCH): lean here, but not strongly.
  if (p.status === 'read' && Object.keys(p).length === 1) return 0.5;
  return 0;
}

// Built on first use (see ../lazy.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const schema = once(() => (require('./schema') as typeof import('./schema')).onpremPayload);

export const provider = defineProvider({
  id: 'whatsapp-onprem',
  suffix: '.whatsapp-onprem.json',
  label: 'WhatsApp On-Premises API (360dialog)',
  retired: RETIREMENT_NOTICE,
  get schema() {
    return schema();
  },
  detect,
  toModel,
  rules: ONPREM_RULES,
  auth: [D360_KEY],
  endpoint: () => ONPREM_API,
  sandboxEndpoint: (base) => base + ONPREM_SANDBOX_BASE,
  buildRequest,
  buildMarkRead,
  readResponse,
  explainError,
  windowClosedCodes: WINDOW_CLOSED_CODES,
  webhooks,
  pace: PACE,
});
