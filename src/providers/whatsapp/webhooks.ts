/**
 * WhatsApp Cloud API webhooks: the events in Meta's envelope, X-Hub-Signature-256 (verify and sign),
 * and the bodies the sandbox posts. The message and status parts serve On-Premises too.
 *
 * Meta signs each POST with `X-Hub-Signature-256: sha256=` + hex HMAC-SHA256 of the raw body under
 * the app secret (and `X-Hub-Signature: sha1=...`), sends `Content-Type: application/json` and
 * `User-Agent: facebookexternalua`, and verifies the endpoint with a GET carrying hub.mode,
 * hub.verify_token and hub.challenge (https://developers.facebook.com/docs/graph-api/webhooks/getting-started).
 */
import { nodeCrypto } from '../../core/lazy-crypto';
import { compact, isoTime, type WebhookEvent } from '../../core/webhook-event';
import { arr, num, rec, str } from '../common/fields';
import type { InboundSpec, StatusSpec, Verification, WebhookDef, WebhookRequest, WebhookSecrets } from '../webhook-types';
import { once } from '../lazy';

// Built on first use, as the payload schemas are (../lazy.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const schema = once(() => (require('./webhook-schema') as typeof import('./webhook-schema')).whatsappWebhook);

/** The sandbox's WhatsApp Business Account id and phone number id when a send did not name one. */
export const SANDBOX_WABA_ID = '100000000000002';
export const SANDBOX_PHONE_NUMBER_ID = '100000000000001';

export const META_WEBHOOK_HEADERS = { 'content-type': 'application/json', 'user-agent': 'facebookexternalua' } as const;

function header(headers: WebhookRequest['headers'], name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

const hmac = (algorithm: 'sha256' | 'sha1', secret: string, data: Buffer | string) => nodeCrypto().createHmac(algorithm, secret).update(data).digest();

/** `sha256=` + hex HMAC-SHA256 of the exact bytes, as Meta sends it. */
export function metaSignature(body: Buffer, appSecret: string): string {
  return 'sha256=' + hmac('sha256', appSecret, body).toString('hex');
}

/** A header value for a message: its length and a printable start, never raw control characters. */
function shown(value: string): string {
  const start = JSON.stringify(value.slice(0, 24));
  return value.length > 24 ? `${start.slice(0, -1)}..." (${value.length} characters)` : start;
}

/** Checks X-Hub-Signature-256 over the raw bytes, in constant time. */
export function verifyMetaSignature(request: WebhookRequest, appSecret: string | undefined): Verification {
  const given = header(request.headers, 'x-hub-signature-256');
  if (!appSecret) {
    return {
      verified: null,
      reason: given ? 'WHATSAPP_APP_SECRET is not set, so X-Hub-Signature-256 was not checked.' : 'WHATSAPP_APP_SECRET is not set and the request has no X-Hub-Signature-256: nothing was checked.',
    };
  }
  if (given === undefined) return { verified: false, reason: 'No X-Hub-Signature-256 header: Meta signs every webhook POST, so this did not come from Meta (or a proxy dropped the header).' };
  const m = /^sha256=([0-9a-fA-F]{64})$/.exec(given.trim());
  if (!m) return { verified: false, reason: `Malformed X-Hub-Signature-256 ${shown(given)}: expected "sha256=" followed by 64 hex digits.` };
  const givenBytes = Buffer.from(m[1], 'hex');
  if (nodeCrypto().timingSafeEqual(givenBytes, hmac('sha256', appSecret, request.body))) return { verified: true };
  // The classic mistake: the signer hashed JSON.stringify(JSON.parse(body)), not the bytes on the wire.
  // Meta's bytes escape non-ASCII (\u00e9) and slashes (\/), so a handler that hashes parsed JSON fails the same way.
  let reserialised: string | undefined;
  try {
    reserialised = JSON.stringify(JSON.parse(request.body.toString('utf8')));
  } catch {
    reserialised = undefined;
  }
  if (reserialised !== undefined && reserialised !== request.body.toString('utf8') && nodeCrypto().timingSafeEqual(givenBytes, hmac('sha256', appSecret, reserialised))) {
    return {
      verified: false,
      reason:
        'X-Hub-Signature-256 matches the body re-serialised (JSON.stringify of the parsed JSON), not the bytes that arrived: whoever signed it hashed parsed JSON. Sign and verify the raw request bytes: Meta escapes characters (\\u00e9, \\/) that a re-serialised body does not, so a handler that hashes parsed JSON rejects real webhooks.',
    };
  }
  return {
    verified: false,
    reason:
      "X-Hub-Signature-256 does not match the HMAC-SHA256 of the body under WHATSAPP_APP_SECRET: the secret is not this app's (Meta app dashboard: App settings > Basic > App secret), or the body changed on the way.",
  };
}

/** The headers Meta sends with these bytes; signed when the app secret is given. */
export async function metaHeaders(body: Buffer, secrets: WebhookSecrets): Promise<Record<string, string>> {
  const out: Record<string, string> = { ...META_WEBHOOK_HEADERS };
  if (secrets.whatsappAppSecret) {
    out['x-hub-signature'] = 'sha1=' + hmac('sha1', secrets.whatsappAppSecret, body).toString('hex');
    out['x-hub-signature-256'] = metaSignature(body, secrets.whatsappAppSecret);
  }
  return out;
}

// ---- events ----

/** What a customer's message says, as one line of text. */
function messageText(m: Record<string, unknown>, type: string | undefined): string | undefined {
  const part = rec(m[type ?? '']);
  switch (type) {
    case 'text':
      return str(part?.body);
    case 'image':
    case 'video':
    case 'document':
      return str(part?.caption) ?? str(part?.filename) ?? `[${type}]`;
    case 'location':
      return str(part?.name) ?? str(part?.address) ?? `[location ${num(part?.latitude)}, ${num(part?.longitude)}]`;
    case 'reaction':
      return str(part?.emoji) || '[reaction removed]';
    case 'button':
      return str(part?.text);
    case 'interactive': {
      const reply = rec(part?.button_reply) ?? rec(part?.list_reply);
      return str(reply?.title) ?? (part?.type === 'nfm_reply' ? '[flow completed]' : undefined);
    }
    default:
      return type ? `[${type}]` : undefined;
  }
}

function replyOf(m: Record<string, unknown>): { id: string; title: string } | undefined {
  const interactive = rec(m.interactive);
  const r = rec(interactive?.button_reply) ?? rec(interactive?.list_reply);
  if (r && typeof r.id === 'string') return { id: r.id, title: str(r.title) ?? '' };
  const button = rec(m.button);
  if (button && typeof button.payload === 'string') return { id: button.payload, title: str(button.text) ?? '' };
  return undefined;
}

const MEDIA_KIND: Record<string, NonNullable<WebhookEvent['media']>['kind']> = { image: 'image', video: 'video', audio: 'audio', voice: 'audio', document: 'file', sticker: 'sticker' };

/** The parts of a customer's message the conversation view draws: media, location, reaction. */
function drawnParts(m: Record<string, unknown>, type: string | undefined): Pick<WebhookEvent, 'media' | 'location' | 'reaction'> {
  const part = rec(m[type ?? '']);
  const kind = MEDIA_KIND[type ?? ''];
  if (kind && part) return { media: compact({ kind, caption: str(part.caption), filename: str(part.filename), mime: str(part.mime_type) }) };
  if (type === 'location' && part) return { location: compact({ latitude: num(part.latitude), longitude: num(part.longitude), name: str(part.name), address: str(part.address) }) };
  if (type === 'reaction' && part) return { reaction: { emoji: str(part.emoji) ?? '' } };
  return {};
}

/** Events of a `messages` array (Cloud `value.messages`, On-Premises top-level `messages`). */
export function messageEvents(messages: unknown, pointer: string, business?: string): WebhookEvent[] {
  return arr(messages).flatMap((raw, i) => {
    const m = rec(raw);
    if (!m) return [];
    const type = str(m.type);
    const reply = replyOf(m);
    const context = str(rec(m.context)?.id) ?? (type === 'reaction' ? str(rec(m.reaction)?.message_id) : undefined);
    const event: WebhookEvent = {
      kind: 'message',
      messageId: str(m.id) ?? '',
      from: str(m.from),
      to: business,
      type,
      timestamp: isoTime(m.timestamp),
      text: messageText(m, type),
      pointer: `${pointer}/${i}`,
    };
    if (reply) event.reply = reply;
    if (context) event.context = context;
    Object.assign(event, drawnParts(m, type));
    return [event];
  });
}

/** Events of a `statuses` array. */
export function statusEvents(statuses: unknown, pointer: string, business?: string): WebhookEvent[] {
  return arr(statuses).flatMap((raw, i) => {
    const st = rec(raw);
    if (!st) return [];
    const error = rec(arr(st.errors)[0]);
    const pricing = rec(st.pricing);
    const event: WebhookEvent = {
      kind: 'status',
      messageId: str(st.id) ?? '',
      status: str(st.status),
      to: str(st.recipient_id),
      from: business,
      timestamp: isoTime(st.timestamp),
      pointer: `${pointer}/${i}`,
    };
    if (error) {
      event.errorCode = num(error.code) ?? str(error.code);
      event.errorTitle = str(error.title) ?? str(error.message);
    }
    if (pricing)
      event.pricing = { billable: typeof pricing.billable === 'boolean' ? pricing.billable : undefined, model: str(pricing.pricing_model), category: str(pricing.category), type: str(pricing.type) };
    return [event];
  });
}

/** Errors not tied to one message (`value.errors`). */
export function errorEvents(errors: unknown, pointer: string): WebhookEvent[] {
  return arr(errors).flatMap((raw, i) => {
    const e = rec(raw);
    return e ? [{ kind: 'error' as const, messageId: '', errorCode: num(e.code) ?? str(e.code), errorTitle: str(e.title) ?? str(e.message), pointer: `${pointer}/${i}` }] : [];
  });
}

function events(value: unknown): WebhookEvent[] {
  const out: WebhookEvent[] = [];
  arr(rec(value)?.entry).forEach((entry, e) => {
    arr(rec(entry)?.changes).forEach((change, c) => {
      const v = rec(rec(change)?.value);
      if (!v) return;
      const at = `/entry/${e}/changes/${c}/value`;
      const business = str(rec(v.metadata)?.display_phone_number);
      out.push(...messageEvents(v.messages, `${at}/messages`, business), ...statusEvents(v.statuses, `${at}/statuses`, business), ...errorEvents(v.errors, `${at}/errors`));
    });
  });
  return out;
}

// ---- bodies the sandbox posts ----

const seconds = (ms: number) => String(Math.floor(ms / 1000));

/** A status object as the Cloud and On-Premises APIs write it. */
export function statusObjectOf(spec: StatusSpec): Record<string, unknown> {
  const status: Record<string, unknown> = { id: spec.messageId, status: spec.status, timestamp: seconds(spec.at), recipient_id: spec.to };
  if (spec.pricing && spec.status !== 'failed') status.pricing = { billable: spec.pricing.billable, pricing_model: 'PMP', category: spec.pricing.category, type: spec.pricing.type };
  if (spec.error) {
    status.errors = [
      {
        code: spec.error.code,
        title: spec.error.title,
        message: spec.error.title,
        error_data: { details: spec.error.detail },
        href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
      },
    ];
  }
  return status;
}

/** A customer's message object (Cloud and On-Premises). */
export function messageObjectOf(spec: InboundSpec): Record<string, unknown> {
  const m: Record<string, unknown> = { from: spec.from, id: spec.messageId, timestamp: seconds(spec.at) };
  if (spec.context) m.context = { from: spec.to, id: spec.context };
  const r = spec.reply;
  if (r?.kind === 'template-button') Object.assign(m, { type: 'button', button: { payload: r.id, text: r.title } });
  else if (r?.kind === 'list')
    Object.assign(m, { type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: r.id, title: r.title, ...(r.description ? { description: r.description } : {}) } } });
  else if (r) Object.assign(m, { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: r.id, title: r.title } } });
  else Object.assign(m, { type: 'text', text: { body: spec.text ?? '' } });
  return m;
}

function envelope(business: string, phoneNumberId: string | undefined, value: Record<string, unknown>): unknown {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: SANDBOX_WABA_ID,
        changes: [{ value: { messaging_product: 'whatsapp', metadata: { display_phone_number: business, phone_number_id: phoneNumberId ?? SANDBOX_PHONE_NUMBER_ID }, ...value }, field: 'messages' }],
      },
    ],
  };
}

export const webhooks: WebhookDef = {
  providerId: 'whatsapp',
  suffix: '.whatsapp-webhook.json',
  label: 'WhatsApp Cloud API webhook',
  get schema() {
    return schema();
  },
  detect(value, headers) {
    const v = rec(value);
    if (!v) return 0;
    if (v.object === 'whatsapp_business_account') return 0.95;
    if ('entry' in v && headers?.['x-hub-signature-256']) return 0.8;
    return 0;
  },
  events,
  secretVariable: 'WHATSAPP_APP_SECRET',
  verify: async (request, secrets) => verifyMetaSignature(request, secrets.whatsappAppSecret),
  headers: (body, secrets) => metaHeaders(body, secrets),
  build: {
    status: (spec) => envelope(spec.from, spec.phoneNumberId, { statuses: [statusObjectOf(spec)] }),
    inbound: (spec) => envelope(spec.to, spec.phoneNumberId, { contacts: [{ profile: { name: spec.profileName ?? 'Sandbox Customer' }, wa_id: spec.from }], messages: [messageObjectOf(spec)] }),
  },
};
