/**
 * A Vonage Messages API beta/v0.1 payload -> the v1 payload that means the same. The legacy shape
 * wraps addresses in `{type, number|id}` objects and the content in `message.content`; v1 has
 * `to`/`from` as strings, `channel`, and `message_type` with its object at the top level.
 * Pure: no I/O, never throws on a half-written payload. Notes say what v1 has no place for.
 */
import { arr, rec, str } from '../providers/common/fields';
import type { Conversion, ConversionNote } from './types';

/** Channels whose v1 media objects take no caption. */
const NO_CAPTION = new Set(['messenger']);

function address(value: unknown): unknown {
  const a = rec(value);
  return a ? (a.number ?? a.id) : undefined;
}

function templateParameter(v: unknown): unknown {
  const obj = rec(v);
  return obj && 'default' in obj ? obj.default : v;
}

export function legacyToV1(value: unknown): Conversion {
  const p = rec(value);
  const notes: ConversionNote[] = [];
  if (!p) return { payload: {}, notes: [{ pointer: '', message: 'The file is not a JSON object: nothing to convert.' }] };
  const message = rec(p.message) ?? {};
  const content = rec(message.content) ?? {};
  const type = str(content.type);
  const channel = str(rec(p.to)?.type) ?? str(rec(p.from)?.type);

  const out: Record<string, unknown> = {};
  if (type !== undefined) out.message_type = type;
  if (channel !== undefined) out.channel = channel;
  if (p.to !== undefined) out.to = address(p.to);
  if (p.from !== undefined) out.from = address(p.from);

  if (type === 'template') {
    const t = rec(content.template) ?? {};
    out.template = { ...t, ...(t.parameters !== undefined ? { parameters: arr(t.parameters).map(templateParameter) } : {}) };
    if (arr(t.parameters).some((x) => rec(x) && 'default' in (rec(x) ?? {}))) {
      notes.push({ pointer: '/message/content/template/parameters', message: 'Parameters written as {"default": "..."} became plain strings, as v1 takes them.' });
    }
  } else if (type !== undefined && type in content) {
    let media = content[type];
    const m = rec(media);
    if (m && channel && NO_CAPTION.has(channel) && 'caption' in m) {
      const { caption: _caption, ...rest } = m;
      media = rest;
      notes.push({ pointer: `/message/content/${type}/caption`, message: `Dropped the caption: v1 ${channel} media takes no caption. Send it as a text message if it matters.` });
    }
    out[type] = media;
  }
  for (const key of Object.keys(content)) {
    if (key !== 'type' && key !== type) notes.push({ pointer: `/message/content/${key}`, message: `Dropped \`message.content.${key}\`: a "${type ?? '?'}" message has no such field in v1.` });
  }

  // Channel settings move from `message` to the top level, as v1 has them.
  for (const [key, v] of Object.entries(message)) {
    if (key === 'content') continue;
    if (key === 'whatsapp') {
      const w = rec(v) ?? {};
      const { policy, ...rest } = w;
      if (policy !== undefined && policy !== 'deterministic') {
        notes.push({ pointer: '/message/whatsapp/policy', message: `Dropped language policy ${JSON.stringify(policy)}: v1 only knows "deterministic", the template's exact language.` });
        out.whatsapp = rest;
      } else out.whatsapp = w;
    } else out[key] = v;
  }
  if (p.client_ref !== undefined) out.client_ref = p.client_ref;
  for (const key of Object.keys(p)) {
    if (!['from', 'to', 'message', 'client_ref'].includes(key)) out[key] = p[key];
  }
  for (const who of ['from', 'to'] as const) {
    const a = rec(p[who]);
    if (a && a.number !== undefined && a.id !== undefined) notes.push({ pointer: `/${who}/id`, message: `\`${who}\` had both a number and an id; v1 takes one string, so the number was kept.` });
  }
  return { payload: out, notes };
}
