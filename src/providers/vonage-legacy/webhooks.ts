/**
 * Vonage Messages API beta/v0.1 webhooks: `from`/`to` objects, `error: {code, reason}`, inbound
 * text in `message.content`. Signed as v1 is (webhook-signature.ts). The v0.1 shape has no reply
 * buttons, so the sandbox posts only text inbound in it.
 */
import { isoTime, type WebhookEvent } from '../../core/webhook-event';
import { num, rec, str } from '../common/fields';
import type { InboundSpec, StatusSpec, WebhookDef } from '../webhook-types';
import { vonageHeaders, verifyVonageSignature } from '../vonage/webhook-signature';
import { VONAGE_STATUS, vonageStatusEvent } from '../vonage/webhooks';
import { once } from '../lazy';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const schema = once(() => (require('./webhook-schema') as typeof import('./webhook-schema')).vonageLegacyWebhook);

const address = (v: unknown) => str(rec(v)?.number) ?? str(rec(v)?.id);
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
/** v0.1 names Viber's channel differently. */
const legacyType = (channel: string | undefined) => (channel === 'viber_service' ? 'viber_service_msg' : (channel ?? 'whatsapp'));

function events(value: unknown): WebhookEvent[] {
  const v = rec(value);
  if (!v) return [];
  const base = { messageId: str(v.message_uuid) ?? '', from: address(v.from), to: address(v.to), timestamp: isoTime(v.timestamp), pointer: '' };
  if (typeof v.status === 'string') return [vonageStatusEvent(v, base)];
  const content = rec(rec(v.message)?.content);
  if (content) {
    const type = str(content.type);
    const location = rec(content.location);
    const text = str(content.text) ?? (location ? `[location ${num(location.lat)}, ${num(location.long)}]` : type ? `[${type}]` : undefined);
    return [{ kind: 'message', ...base, type, text }];
  }
  return [{ kind: 'other', ...base }];
}

export const webhooks: WebhookDef = {
  providerId: 'vonage-legacy',
  suffix: '.vonage-legacy-webhook.json',
  label: 'Vonage Messages API beta/v0.1 webhook',
  get schema() {
    return schema();
  },
  detect(value) {
    const v = rec(value);
    if (!v || typeof v.message_uuid !== 'string') return 0;
    return rec(v.to) || rec(v.from) ? 0.9 : 0;
  },
  events,
  secretVariable: 'VONAGE_SIGNATURE_SECRET',
  verify: verifyVonageSignature,
  headers: vonageHeaders,
  build: {
    status: (spec: StatusSpec) => {
      const type = legacyType(spec.channel);
      const body: Record<string, unknown> = {
        message_uuid: spec.messageId,
        to: { type, number: spec.to },
        from: { type, number: spec.from },
        timestamp: iso(spec.at),
        status: VONAGE_STATUS[spec.status],
      };
      if (spec.error) body.error = { code: spec.error.code, reason: spec.error.detail };
      if (spec.usage) body.usage = spec.usage;
      if (spec.clientRef) body.client_ref = spec.clientRef;
      return body;
    },
    inbound: (spec: InboundSpec) => {
      const type = legacyType(spec.channel);
      return {
        message_uuid: spec.messageId,
        to: { type, number: spec.to },
        from: { type, number: spec.from },
        timestamp: iso(spec.at),
        direction: 'inbound',
        message: { content: { type: 'text', text: spec.text ?? spec.reply?.title ?? '' } },
      };
    },
  },
};
