/**
 * A WhatsApp On-Premises payload -> the Cloud API payload that means the same. Meta retired
 * On-Premises on 23 October 2025; its message objects mostly live on in the Cloud API, so this
 * adds `messaging_product`, moves what moved and drops what the Cloud API has no place for,
 * saying so in a note each time. Pure: no I/O, never throws on a half-written payload.
 */
import { arr, rec } from '../providers/common/fields';
import type { Conversion, ConversionNote } from './types';

const MEDIA_KEYS = new Set(['image', 'video', 'audio', 'document', 'sticker']);

/** On-Premises media ids name files on the On-Premises client; the Cloud API has its own media store. */
function noteMediaIds(value: unknown, pointer: string, notes: ConversionNote[]): void {
  if (Array.isArray(value)) value.forEach((v, i) => noteMediaIds(v, `${pointer}/${i}`, notes));
  const r = rec(value);
  if (!r) return;
  for (const [key, v] of Object.entries(r)) {
    const at = `${pointer}/${key}`;
    if (MEDIA_KEYS.has(key) && rec(v) && 'id' in (rec(v) ?? {})) {
      notes.push({
        pointer: `${at}/id`,
        message: `\`${key}.id\` is an On-Premises media id, which the Cloud API does not know: upload the file again (POST /{phone-number-id}/media) and use the new id, or give \`link\` instead.`,
      });
    } else noteMediaIds(v, at, notes);
  }
}

/** Cloud template `language` is `{code}`: the only policy left is deterministic, and it is implied. */
function language(value: unknown, pointer: string, notes: ConversionNote[]): Record<string, unknown> {
  const l = rec(value) ?? {};
  const { policy, ...rest } = l;
  if (policy !== undefined && policy !== 'deterministic') {
    notes.push({
      pointer: `${pointer}/policy`,
      message: `Language policy ${JSON.stringify(policy)} has no Cloud API equivalent: the Cloud API always sends the template in exactly the language given.`,
    });
  }
  return rest;
}

function template(value: unknown, pointer: string, notes: ConversionNote[]): Record<string, unknown> {
  const t = rec(value) ?? {};
  // The Cloud API's docs write `name` first; the rest keeps the file's order.
  const out: Record<string, unknown> = 'name' in t ? { name: t.name } : {};
  for (const [key, v] of Object.entries(t)) {
    if (key === 'namespace') {
      notes.push({ pointer: `${pointer}/namespace`, message: 'Dropped `namespace`: the Cloud API finds a template by its name and language in your WhatsApp Business Account.' });
    } else if (key === 'language') out.language = language(v, `${pointer}/language`, notes);
    else out[key] = v;
  }
  return out;
}

/** One `localizable_params` entry -> a Cloud body parameter; the localisation Cloud does not do becomes its fallback text. */
function hsmParameter(value: unknown, pointer: string, notes: ConversionNote[]): Record<string, unknown> {
  const p = rec(value) ?? {};
  const fallback = p.default;
  const currency = rec(p.currency);
  if (currency) {
    return { type: 'currency', currency: { fallback_value: fallback, code: currency.currency_code, amount_1000: currency.amount_1000 } };
  }
  if (p.date_time !== undefined) {
    notes.push({
      pointer: `${pointer}/date_time`,
      message: "The date's components are not carried over: the Cloud API shows a date parameter's `fallback_value` as it is, so that text is what the customer sees.",
    });
    return { type: 'date_time', date_time: { fallback_value: fallback } };
  }
  return { type: 'text', text: fallback };
}

/** The oldest template send: `hsm` (`element_name`, `localizable_params`) -> `template`. */
function hsm(value: unknown, notes: ConversionNote[]): Record<string, unknown> {
  const h = rec(value) ?? {};
  if (h.namespace !== undefined) notes.push({ pointer: '/hsm/namespace', message: 'Dropped `namespace`: the Cloud API finds a template by its name and language in your WhatsApp Business Account.' });
  const out: Record<string, unknown> = { name: h.element_name, language: language(h.language, '/hsm/language', notes) };
  const params = arr(h.localizable_params);
  if (params.length > 0) out.components = [{ type: 'body', parameters: params.map((p, i) => hsmParameter(p, `/hsm/localizable_params/${i}`, notes)) }];
  for (const key of Object.keys(h)) {
    if (!['namespace', 'element_name', 'language', 'localizable_params'].includes(key))
      notes.push({ pointer: `/hsm/${key}`, message: `Dropped \`hsm.${key}\`: the Cloud API's template has no such field.` });
  }
  return out;
}

export function onpremToCloud(value: unknown): Conversion {
  const p = rec(value);
  const notes: ConversionNote[] = [];
  if (!p) return { payload: { messaging_product: 'whatsapp' }, notes: [{ pointer: '', message: 'The file is not a JSON object: nothing to convert.' }] };

  // Mark-as-read: On-Premises puts the message id in the URL (PUT /messages/{id}); Cloud in the body.
  if (p.status === 'read' && p.to === undefined && p.type === undefined) {
    notes.push({
      pointer: '',
      message:
        'The message id was in the On-Premises URL (PUT /messages/{message-id}); the Cloud API takes it in the body as `message_id`: set MESSAGE_ID in your environment, or write the wamid there.',
    });
    return { payload: { messaging_product: 'whatsapp', status: 'read', message_id: '{{MESSAGE_ID}}' }, notes };
  }

  const out: Record<string, unknown> = { messaging_product: 'whatsapp' };
  let previewUrl: unknown;
  for (const [key, v] of Object.entries(p)) {
    if (key === 'preview_url') previewUrl = v;
    else if (key === 'type') out.type = v === 'hsm' ? 'template' : v;
    else if (key === 'template') out.template = template(v, '/template', notes);
    else if (key === 'hsm') out.template = hsm(v, notes);
    else out[key] = v;
  }
  // On-Premises had `preview_url` beside `text`; the Cloud API has it inside.
  if (previewUrl !== undefined) {
    const text = rec(out.text);
    out.text = text ? { ...text, preview_url: previewUrl } : { preview_url: previewUrl };
  }
  if (p.type === 'hsm') notes.push({ pointer: '/type', message: 'The `hsm` message is now a `template` message: `element_name` became `name`, `localizable_params` the body parameters.' });
  noteMediaIds(p, '', notes);
  return { payload: out, notes };
}
