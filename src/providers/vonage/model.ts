/** Vonage Messages v1 payload -> common message model. Defensive: a half-written file still maps. */
import type { Channel, Media, MediaType, MessageKind, MessageModel, TemplateRef } from '../../core/model';
import { arr, looseText, rec, str, textRef } from '../common/fields';
import { customContent } from './custom-model';

const CHANNELS: Record<string, Channel> = { sms: 'sms', whatsapp: 'whatsapp', mms: 'mms', rcs: 'rcs', viber_service: 'viber', messenger: 'messenger' };

const MEDIA_KINDS: Record<string, MediaType> = { image: 'image', audio: 'audio', video: 'video', file: 'file', sticker: 'sticker', vcard: 'vcard' };

/** Map a v1 payload; undefined for channels the common model cannot show, or non-objects. */
export function toModel(value: unknown): MessageModel | undefined {
  const p = rec(value);
  if (!p) return undefined;
  const channel = CHANNELS[str(p.channel) ?? ''];
  if (!channel) return undefined;
  const type = str(p.message_type) ?? 'text';

  const toText = str(p.to);
  const model: MessageModel = {
    provider: 'vonage',
    channel,
    kind: 'text',
    // Messenger addresses are page-scoped ids, not phone numbers.
    to: toText !== undefined && channel !== 'messenger' ? { text: toText, pointer: '/to', style: 'digits' } : undefined,
    from: textRef(p.from, '/from'),
    replyTo: str(rec(p.context)?.message_uuid),
    freeForm: true,
  };

  if (type === 'text') {
    model.text = textRef(p.text, '/text');
    if (channel === 'rcs') {
      // RCS suggestion chips show under the bubble like reply buttons.
      const chips = arr(p.suggestions).flatMap((v, i) => {
        const chip = rec(v);
        const title = textRef(chip?.text, `/suggestions/${i}/text`);
        if (!title) return [];
        const t = str(chip?.type);
        const kind = t === 'dial' ? ('call' as const) : t === 'open_url' || t === 'open_url_in_webview' ? ('url' as const) : ('reply' as const);
        return [{ kind, title, id: str(chip?.postback_data), url: str(chip?.url), phone: str(chip?.phone_number) }];
      });
      if (chips.length > 0) model.buttons = chips;
    }
  } else if (MEDIA_KINDS[type]) {
    model.kind = type as MessageKind;
    const m = rec(p[type]);
    if (m) {
      const media: Media = { type: MEDIA_KINDS[type], url: str(m.url), id: str(m.id), caption: textRef(m.caption, `/${type}/caption`), filename: str(m.name), pointer: `/${type}` };
      model.media = media;
    }
  } else if (type === 'template') {
    model.kind = 'template';
    const t = rec(p.template);
    const name = str(t?.name);
    if (name !== undefined) {
      const template: TemplateRef = {
        name,
        language: str(rec(p.whatsapp)?.locale) ?? 'en_US',
        parameters: arr(t?.parameters).map((v, i) => ({ text: looseText(v), pointer: `/template/parameters/${i}` })),
        pointer: '/template',
      };
      const colon = name.lastIndexOf(':');
      if (colon > 0) template.namespace = name.slice(0, colon);
      model.template = template;
    }
  } else if (type === 'reaction') {
    model.kind = 'reaction';
    const r = rec(p.reaction);
    model.reaction = { messageId: model.replyTo ?? '', emoji: str(r?.emoji) ?? '' };
  } else if (type === 'custom') {
    Object.assign(model, customContent(p.custom, '/custom'));
  } else if (type === 'content') {
    // Multi-part MMS: the preview shows the first part; the rest go as they are.
    const first = rec(arr(p.content)[0]);
    const kind = str(first?.type) ?? '';
    if (kind === 'text') model.text = textRef(first?.text, '/content/0/text');
    else if (MEDIA_KINDS[kind]) {
      model.kind = kind as MessageKind;
      model.media = { type: MEDIA_KINDS[kind], url: str(first?.url), caption: textRef(first?.caption, '/content/0/caption'), pointer: '/content/0' };
    }
  }

  model.freeForm = model.kind !== 'template';
  const encoding = str(rec(p.sms)?.encoding_type);
  if (encoding === 'text' || encoding === 'unicode' || encoding === 'auto') model.smsEncoding = encoding;
  return model;
}
