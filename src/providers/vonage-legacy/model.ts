/** Vonage beta/v0.1 payload -> common message model. Defensive: a half-written file still maps. */
import type { Channel, MediaType, MessageKind, MessageModel, TemplateRef, TextRef } from '../../core/model';
import { arr, looseText, rec, str, textRef } from '../common/fields';
import { customContent } from '../vonage/custom-model';

const CHANNELS: Record<string, Channel> = { sms: 'sms', whatsapp: 'whatsapp', mms: 'mms', viber_service: 'viber', messenger: 'messenger' };
const MEDIA: Record<string, MediaType> = { image: 'image', audio: 'audio', video: 'video', file: 'file' };

/** A template parameter in either form: "..." or {"default": "..."}; its pointer is the string's own. */
function parameter(v: unknown, pointer: string): TextRef {
  const obj = rec(v);
  if (obj && 'default' in obj) return { text: looseText(obj.default), pointer: `${pointer}/default` };
  return { text: looseText(v), pointer };
}

export function toModel(value: unknown): MessageModel | undefined {
  const p = rec(value);
  if (!p) return undefined;
  const to = rec(p.to);
  const from = rec(p.from);
  const channel = CHANNELS[str(to?.type) ?? str(from?.type) ?? ''] ?? 'whatsapp';
  const msg = rec(p.message);
  const content = rec(msg?.content);
  const type = str(content?.type) ?? 'text';
  const base = '/message/content';

  const toNumber = str(to?.number);
  const model: MessageModel = {
    provider: 'vonage-legacy',
    channel,
    kind: 'text',
    to: toNumber !== undefined && channel !== 'messenger' ? { text: toNumber, pointer: '/to/number', style: 'digits' } : undefined,
    from: textRef(from?.number, '/from/number') ?? textRef(from?.id, '/from/id'),
    freeForm: true,
  };

  if (type === 'text') {
    model.text = textRef(content?.text, `${base}/text`);
  } else if (MEDIA[type]) {
    model.kind = type as MessageKind;
    const m = rec(content?.[type]);
    if (m) model.media = { type: MEDIA[type], url: str(m.url), caption: textRef(m.caption, `${base}/${type}/caption`), pointer: `${base}/${type}` };
  } else if (type === 'template') {
    model.kind = 'template';
    const t = rec(content?.template);
    const name = str(t?.name);
    if (name !== undefined) {
      const template: TemplateRef = {
        name,
        language: str(rec(msg?.whatsapp)?.locale),
        parameters: arr(t?.parameters).map((v, i) => parameter(v, `${base}/template/parameters/${i}`)),
        pointer: `${base}/template`,
      };
      const colon = name.lastIndexOf(':');
      if (colon > 0) template.namespace = name.slice(0, colon);
      model.template = template;
    }
  } else if (type === 'custom') {
    Object.assign(model, customContent(content?.custom, `${base}/custom`));
  }
  model.freeForm = model.kind !== 'template';
  return model;
}
