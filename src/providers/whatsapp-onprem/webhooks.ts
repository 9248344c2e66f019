/**
 * WhatsApp On-Premises webhooks: flat `messages` / `statuses`, the Cloud API's objects without the
 * envelope. The On-Premises API signs nothing (a deployment protected its webhook with its own TLS
 * and network rules), so a request cannot be verified: `verified` is null, said in words.
 */
import { arr, rec } from '../common/fields';
import type { WebhookDef } from '../webhook-types';
import { errorEvents, messageEvents, messageObjectOf, statusEvents, statusObjectOf } from '../whatsapp/webhooks';
import { once } from '../lazy';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const schema = once(() => (require('./webhook-schema') as typeof import('./webhook-schema')).onpremWebhook);

function looksLikeWhatsApp(items: unknown, key: string): boolean {
  const first = rec(arr(items)[0]);
  return !!first && typeof first[key] === 'string' && typeof first.id === 'string';
}

export const webhooks: WebhookDef = {
  providerId: 'whatsapp-onprem',
  suffix: '.whatsapp-onprem-webhook.json',
  label: 'WhatsApp On-Premises API webhook',
  get schema() {
    return schema();
  },
  detect(value) {
    const v = rec(value);
    if (!v || 'object' in v || 'message_uuid' in v) return 0;
    if (looksLikeWhatsApp(v.statuses, 'recipient_id') || looksLikeWhatsApp(v.messages, 'from')) return 0.85;
    if (Array.isArray(v.statuses) || Array.isArray(v.messages)) return 0.55;
    return 0;
  },
  events: (value) => {
    const v = rec(value);
    return v ? [...messageEvents(v.messages, '/messages'), ...statusEvents(v.statuses, '/statuses'), ...errorEvents(v.errors, '/errors')] : [];
  },
  verify: async () => ({ verified: null, reason: 'The On-Premises API does not sign its webhooks: nothing to verify.' }),
  headers: async () => ({ 'content-type': 'application/json' }),
  build: {
    status: (spec) => ({ statuses: [statusObjectOf(spec)] }),
    inbound: (spec) => ({ contacts: [{ profile: { name: spec.profileName ?? 'Sandbox Customer' }, wa_id: spec.from }], messages: [messageObjectOf(spec)] }),
  },
};
