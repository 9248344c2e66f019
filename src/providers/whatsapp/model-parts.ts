/**
 * Mapping of the message objects Cloud and On-Premises share to the common model. Every reader is
 * defensive: a half-written file yields a partial model, never an exception.
 */
import type { Button, Contact, Header, ListSection, Location, MessageKind, MessageModel, TemplateRef, TextRef } from '../../core/model';
import { readTemplateSend } from '../../core/template-send';
import { arr, num, rec, str, textRef } from '../common/fields';
import { newerInteractive } from './model-interactive';
import { MEDIA_KINDS, mapMedia } from './model-media';

// Media objects are mapped in model-media.ts (the newer interactive types need them too).
export { MEDIA_KINDS, mapMedia } from './model-media';

/** Coordinates may be written as numbers or numeric strings. */
export function coordinate(v: unknown): number | undefined {
  if (typeof v === 'string' && v.trim() !== '') return num(Number(v));
  return num(v);
}

export function mapLocation(value: unknown, pointer: string): Location | undefined {
  const l = rec(value);
  if (!l) return undefined;
  const latitude = coordinate(l.latitude);
  const longitude = coordinate(l.longitude);
  if (latitude === undefined || longitude === undefined) return undefined;
  return { latitude, longitude, name: str(l.name), address: str(l.address), pointer };
}

export function mapContacts(value: unknown): Contact[] {
  return arr(value).flatMap((c) => {
    const r = rec(c);
    if (!r) return [];
    const name = rec(r.name);
    const phones = arr(r.phones).flatMap((p) => {
      const n = str(rec(p)?.phone) ?? str(rec(p)?.wa_id);
      return n ? [n] : [];
    });
    return [{ name: str(name?.formatted_name) ?? [str(name?.first_name), str(name?.last_name)].filter(Boolean).join(' '), phones }];
  });
}

function mapHeader(value: unknown, pointer: string): Header | undefined {
  const h = rec(value);
  if (!h) return undefined;
  const type = str(h.type);
  if (type === 'text') {
    const t = textRef(h.text, `${pointer}/text`);
    return t ? { kind: 'text', ...t } : undefined;
  }
  const media = type ? mapMedia(type, h[type], `${pointer}/${type}`) : undefined;
  return media ? { kind: 'media', media } : undefined;
}

/** The parts of the model an `interactive` object fills. */
export type InteractivePart = Pick<MessageModel, 'text' | 'header' | 'footer' | 'buttons' | 'list' | 'cards'> & { kind: MessageKind };

export function mapInteractive(value: unknown, pointer: string): InteractivePart {
  const i = rec(value);
  const type = str(i?.type);
  const action = rec(i?.action);
  const part: InteractivePart = {
    kind: type === 'list' ? 'list' : type === 'button' || type === 'cta_url' || type === 'flow' || type === 'location_request_message' ? 'buttons' : 'custom',
    text: textRef(rec(i?.body)?.text, `${pointer}/body/text`),
    header: mapHeader(i?.header, `${pointer}/header`),
    footer: textRef(rec(i?.footer)?.text, `${pointer}/footer/text`),
  };
  const newer = newerInteractive(type, i, pointer);
  if (newer) {
    part.kind = newer.cards ? 'carousel' : 'buttons';
    Object.assign(part, newer);
  } else if (type === 'button') {
    const buttons: Button[] = arr(action?.buttons).flatMap((b, n) => {
      const reply = rec(rec(b)?.reply);
      const title = textRef(reply?.title, `${pointer}/action/buttons/${n}/reply/title`);
      return title ? [{ kind: 'reply' as const, title, id: str(reply?.id) }] : [];
    });
    part.buttons = buttons;
  } else if (type === 'cta_url') {
    const params = rec(action?.parameters);
    const title = textRef(params?.display_text, `${pointer}/action/parameters/display_text`);
    if (title) part.buttons = [{ kind: 'url', title, url: str(params?.url) }];
  } else if (type === 'flow') {
    const title = textRef(rec(action?.parameters)?.flow_cta, `${pointer}/action/parameters/flow_cta`);
    if (title) part.buttons = [{ kind: 'url', title }];
  } else if (type === 'location_request_message') {
    // WhatsApp draws the button with a fixed label; the pointer leads to what asks for it.
    part.buttons = [{ kind: 'reply', title: { text: 'Send location', pointer: `${pointer}/action/name` } }];
  } else if (type === 'list') {
    const sections: ListSection[] = arr(action?.sections).flatMap((s, n) => {
      const sec = rec(s);
      if (!sec) return [];
      const sp = `${pointer}/action/sections/${n}`;
      const rows = arr(sec.rows).flatMap((r, k) => {
        const row = rec(r);
        const title = textRef(row?.title, `${sp}/rows/${k}/title`);
        return title ? [{ id: str(row?.id) ?? '', title, description: textRef(row?.description, `${sp}/rows/${k}/description`) }] : [];
      });
      return [{ title: textRef(sec.title, `${sp}/title`), rows, pointer: sp }];
    });
    const button = textRef(action?.button, `${pointer}/action/button`);
    part.list = { button: button ?? { text: '', pointer: `${pointer}/action` }, sections };
  }
  return part;
}

/** The text a parameter stands for in the preview: its text, or the fallback of a currency or date. */
function parameterText(p: Record<string, unknown>, pointer: string): TextRef | undefined {
  switch (p.type) {
    case 'text':
      return textRef(p.text, `${pointer}/text`);
    case 'currency':
      return textRef(rec(p.currency)?.fallback_value, `${pointer}/currency/fallback_value`);
    case 'date_time':
      return textRef(rec(p.date_time)?.fallback_value, `${pointer}/date_time/fallback_value`);
    case 'payload':
      return textRef(p.payload, `${pointer}/payload`);
    case 'coupon_code':
      return textRef(p.coupon_code, `${pointer}/coupon_code`);
    default:
      return undefined;
  }
}

/** A template object (`name`, `language`, `components`, and `namespace` on On-Premises) -> TemplateRef. */
export function mapTemplate(value: unknown, pointer: string): TemplateRef | undefined {
  const t = rec(value);
  if (!t) return undefined;
  const ref: TemplateRef = { name: str(t.name) ?? '', namespace: str(t.namespace), language: str(rec(t.language)?.code), parameters: [], send: readTemplateSend(t, pointer), pointer };
  arr(t.components).forEach((c, n) => {
    const comp = rec(c);
    if (!comp) return;
    const cp = `${pointer}/components/${n}`;
    const params = arr(comp.parameters).map((p, k) => ({ p: rec(p), pointer: `${cp}/parameters/${k}` }));
    if (comp.type === 'body') {
      for (const { p, pointer: pp } of params) {
        // A parameter the preview can't show as text still counts towards {{n}}: keep its place.
        if (p) ref.parameters.push(parameterText(p, pp) ?? { text: '', pointer: pp });
      }
    } else if (comp.type === 'header') {
      for (const { p, pointer: pp } of params) {
        if (!p) continue;
        const type = str(p.type);
        const media = type ? mapMedia(type, p[type], `${pp}/${type}`) : undefined;
        if (media) ref.headerMedia = media;
        else {
          const t = parameterText(p, pp);
          if (t) (ref.headerParameters ??= []).push(t);
        }
      }
    } else if (comp.type === 'button') {
      const index = typeof comp.index === 'string' ? Number(comp.index) : num(comp.index);
      for (const { p, pointer: pp } of params) {
        const t = p ? parameterText(p, pp) : undefined;
        if (t && index !== undefined && Number.isInteger(index)) (ref.buttonParameters ??= []).push({ index, subType: str(comp.sub_type) ?? '', value: t });
      }
    }
  });
  return ref;
}

/** A business-scoped user id: a two-letter country code, a dot, then letters, digits and dots. */
const BSUID = /^[A-Z]{2}\.[A-Za-z0-9.]+$/;

const KIND_BY_TYPE: Readonly<Record<string, MessageKind>> = {
  text: 'text',
  image: 'image',
  video: 'video',
  audio: 'audio',
  document: 'file',
  sticker: 'sticker',
  location: 'location',
  contacts: 'contacts',
  reaction: 'reaction',
  template: 'template',
};

/**
 * A Cloud or On-Premises message (`to`, `type` and the object named by `type`) -> model.
 * Both APIs share these objects; only the envelope differs.
 */
export function mapMessage(p: Record<string, unknown>, provider: 'whatsapp' | 'whatsapp-onprem'): MessageModel {
  const type = str(p.type) ?? (p.text !== undefined ? 'text' : '');
  const to = str(p.to);
  const model: MessageModel = {
    provider,
    channel: 'whatsapp',
    kind: KIND_BY_TYPE[type] ?? 'custom',
    // A group message's `to` is a group id, and a BSUID (US.1349...) is no number: no phone rules for them.
    to: to !== undefined && p.recipient_type !== 'group' && !BSUID.test(to) ? { text: to, pointer: '/to', style: 'loose' } : undefined,
    replyTo: str(rec(p.context)?.message_id),
    freeForm: type !== 'template',
  };
  const content = p[type];
  const at = `/${type}`;
  if (type === 'text') model.text = textRef(rec(content)?.body, `${at}/body`);
  else if (MEDIA_KINDS[type]) {
    model.media = mapMedia(type, content, at);
    model.text = model.media?.caption;
  } else if (type === 'location') model.location = mapLocation(content, at);
  else if (type === 'contacts') model.contacts = mapContacts(content);
  else if (type === 'reaction') {
    const r = rec(content);
    model.reaction = { messageId: str(r?.message_id) ?? '', emoji: str(r?.emoji) ?? '' };
  } else if (type === 'template') model.template = mapTemplate(content, at);
  else if (type === 'interactive') {
    const { kind, ...rest } = mapInteractive(content, at);
    Object.assign(model, rest);
    model.kind = kind;
  }
  return model;
}
