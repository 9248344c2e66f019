/**
 * Vonage Messages API v1 webhooks: the events in a status or inbound body, signed-webhook
 * verification and signing (webhook-signature.ts), and the bodies the sandbox posts. Statuses map
 * from neutral words: sent -> submitted, failed -> rejected (Vonage's words for them).
 */
import { nodeCrypto } from '../../core/lazy-crypto';
import { compact, isoTime, type WebhookEvent } from '../../core/webhook-event';
import { num, rec, str } from '../common/fields';
import type { InboundSpec, StatusSpec, WebhookDef } from '../webhook-types';
import { vonageHeaders, verifyVonageSignature } from './webhook-signature';
import { once } from '../lazy';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const schema = once(() => (require('./webhook-schema') as typeof import('./webhook-schema')).vonageWebhook);

export const VONAGE_STATUS: Record<StatusSpec['status'], string> = { sent: 'submitted', delivered: 'delivered', read: 'read', failed: 'rejected' };

/** Vonage writes the code as `title` (a number), in the `type` link's fragment, or (older) as `code`. */
export function vonageErrorCode(error: Record<string, unknown> | undefined): number | string | undefined {
  if (!error) return undefined;
  const title = error.title;
  if (typeof title === 'number') return title;
  if (typeof title === 'string' && /^\d+$/.test(title)) return Number(title);
  const fragment = /#(\d+)$/.exec(str(error.type) ?? '');
  if (fragment) return Number(fragment[1]);
  return num(error.code) ?? (typeof error.code === 'string' && /^\d+$/.test(error.code) ? Number(error.code) : str(error.code));
}

function inboundText(v: Record<string, unknown>, type: string | undefined): string | undefined {
  if (typeof v.text === 'string') return v.text;
  const part = rec(v[type ?? '']);
  if (type === 'reply') return str(part?.title);
  if (type === 'button') return str(part?.text);
  if (type === 'reaction') return str(part?.emoji) ?? '[reaction]';
  if (type === 'location') return str(part?.name) ?? `[location ${num(part?.lat)}, ${num(part?.long)}]`;
  return str(part?.caption) ?? str(part?.name) ?? (type ? `[${type}]` : undefined);
}

/** A status body's event (v1 and v0.1 alike): its status, error code and words, and cost. */
export function vonageStatusEvent(v: Record<string, unknown>, base: Omit<WebhookEvent, 'kind'>): WebhookEvent {
  const error = rec(v.error);
  const usage = rec(v.usage);
  const event: WebhookEvent = { kind: 'status', ...base, status: str(v.status) };
  const code = vonageErrorCode(error);
  if (code !== undefined) event.errorCode = code;
  if (error) event.errorTitle = str(error.detail) ?? str(error.reason);
  if (usage) event.pricing = { price: str(usage.price), currency: str(usage.currency) };
  return event;
}

function events(value: unknown): WebhookEvent[] {
  const v = rec(value);
  if (!v) return [];
  const base = { messageId: str(v.message_uuid) ?? '', from: str(v.from), to: str(v.to), timestamp: isoTime(v.timestamp), pointer: '' };
  if (typeof v.status === 'string') return [vonageStatusEvent(v, base)];
  if (typeof v.message_type === 'string') {
    const type = v.message_type;
    const event: WebhookEvent = { kind: 'message', ...base, type, text: inboundText(v, type) };
    const reply = rec(v.reply);
    const button = rec(v.button);
    if (reply && typeof reply.id === 'string') event.reply = { id: reply.id, title: str(reply.title) ?? '' };
    else if (button && typeof button.payload === 'string') event.reply = { id: button.payload, title: str(button.text) ?? '' };
    const context = str(rec(v.context)?.message_uuid);
    if (context) event.context = context;
    const part = rec(v[type]);
    if (part && ['image', 'video', 'audio', 'file', 'sticker', 'vcard'].includes(type))
      event.media = compact({ kind: type as NonNullable<WebhookEvent['media']>['kind'], caption: str(part.caption), filename: str(part.name) });
    if (part && type === 'location') event.location = compact({ latitude: num(part.lat), longitude: num(part.long), name: str(part.name), address: str(part.address) });
    if (part && type === 'reaction') event.reaction = { emoji: part.action === 'unreact' ? '' : (str(part.emoji) ?? '') };
    return [event];
  }
  return [{ kind: 'other', ...base }];
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function vonageStatusBody(spec: StatusSpec): Record<string, unknown> {
  const body: Record<string, unknown> = {
    message_uuid: spec.messageId,
    to: spec.to,
    from: spec.from,
    timestamp: iso(spec.at),
    status: VONAGE_STATUS[spec.status],
    channel: spec.channel ?? 'whatsapp',
  };
  if (spec.error)
    body.error = {
      type: `https://developer.vonage.com/api-errors/messages#${spec.error.code}`,
      title: spec.error.code,
      detail: spec.error.detail,
      instance: nodeCrypto().randomBytes(16).toString('hex'),
    };
  if (spec.usage) body.usage = spec.usage;
  if (spec.clientRef) body.client_ref = spec.clientRef;
  return body;
}

function inboundBody(spec: InboundSpec): Record<string, unknown> {
  const body: Record<string, unknown> = { channel: spec.channel ?? 'whatsapp', message_uuid: spec.messageId, to: spec.to, from: spec.from, timestamp: iso(spec.at) };
  if ((spec.channel ?? 'whatsapp') === 'whatsapp') body.profile = { name: spec.profileName ?? 'Sandbox Customer' };
  body.context_status = spec.context ? 'available' : 'none';
  if (spec.context) body.context = { message_uuid: spec.context, message_from: spec.to };
  const r = spec.reply;
  if (r?.kind === 'template-button') Object.assign(body, { message_type: 'button', button: { payload: r.id, text: r.title } });
  else if (r) Object.assign(body, { message_type: 'reply', reply: { id: r.id, title: r.title, ...(r.description ? { description: r.description } : {}) } });
  else Object.assign(body, { message_type: 'text', text: spec.text ?? '' });
  return body;
}

export const webhooks: WebhookDef = {
  providerId: 'vonage',
  suffix: '.vonage-webhook.json',
  label: 'Vonage Messages API v1 webhook',
  get schema() {
    return schema();
  },
  detect(value) {
    const v = rec(value);
    if (!v || typeof v.message_uuid !== 'string') return 0;
    return typeof v.to === 'string' || typeof v.from === 'string' ? 0.9 : 0;
  },
  events,
  secretVariable: 'VONAGE_SIGNATURE_SECRET',
  verify: verifyVonageSignature,
  headers: vonageHeaders,
  build: { status: vonageStatusBody, inbound: inboundBody },
};
