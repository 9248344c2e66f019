/**
 * The Meta Cloud API message object inside a Vonage `custom` payload, mapped to the common
 * model so the preview and the shared rules (unique buttons, list limits, template parameters)
 * see interactive messages and templates sent this way too. Defensive: never throws.
 */
import type { Button, Header, ListMessage, Media, MediaType, MessageModel, TemplateRef, TextRef } from '../../core/model';
import { readTemplateSend } from '../../core/template-send';
import { arr, num, rec, str, textRef } from '../common/fields';

type Content = Pick<MessageModel, 'kind' | 'text' | 'header' | 'footer' | 'buttons' | 'list' | 'media' | 'template' | 'location'>;

const META_MEDIA: Record<string, MediaType> = { image: 'image', video: 'video', audio: 'audio', document: 'file', sticker: 'sticker' };

function media(v: unknown, type: MediaType, pointer: string): Media | undefined {
  const m = rec(v);
  if (!m) return undefined;
  return { type, url: str(m.link) ?? str(m.url), id: str(m.id), caption: textRef(m.caption, `${pointer}/caption`), filename: str(m.filename), pointer };
}

function header(v: unknown, pointer: string): Header | undefined {
  const h = rec(v);
  const type = str(h?.type);
  if (!h || !type) return undefined;
  if (type === 'text') {
    const t = textRef(h.text, `${pointer}/text`);
    return t ? { kind: 'text', ...t } : undefined;
  }
  const mediaType = META_MEDIA[type];
  const m = mediaType ? media(h[type], mediaType, `${pointer}/${type}`) : undefined;
  return m ? { kind: 'media', media: m } : undefined;
}

function interactive(v: unknown, base: string): Content | undefined {
  const i = rec(v);
  if (!i) return undefined;
  const action = rec(i.action);
  const common = {
    text: textRef(rec(i.body)?.text, `${base}/body/text`),
    header: header(i.header, `${base}/header`),
    footer: textRef(rec(i.footer)?.text, `${base}/footer/text`),
  };
  if (str(i.type) === 'list') {
    const button = textRef(action?.button, `${base}/action/button`);
    const sections = arr(action?.sections).map((s, si) => {
      const sec = rec(s);
      const pointer = `${base}/action/sections/${si}`;
      return {
        title: textRef(sec?.title, `${pointer}/title`),
        pointer,
        rows: arr(sec?.rows).flatMap((r, ri) => {
          const row = rec(r);
          const title = textRef(row?.title, `${pointer}/rows/${ri}/title`);
          return title ? [{ id: str(row?.id) ?? '', title, description: textRef(row?.description, `${pointer}/rows/${ri}/description`) }] : [];
        }),
      };
    });
    const list: ListMessage | undefined = button ? { button, sections } : undefined;
    return { kind: 'list', ...common, list };
  }
  const buttons: Button[] = arr(action?.buttons).flatMap((b, bi) => {
    const reply = rec(rec(b)?.reply);
    const title = textRef(reply?.title, `${base}/action/buttons/${bi}/reply/title`);
    return title ? [{ kind: 'reply' as const, title, id: str(reply?.id) }] : [];
  });
  const parameters = rec(action?.parameters);
  const cta = textRef(parameters?.display_text, `${base}/action/parameters/display_text`);
  if (cta) buttons.push({ kind: 'url', title: cta, url: str(parameters?.url) });
  return { kind: 'buttons', ...common, buttons: buttons.length > 0 ? buttons : undefined };
}

function template(v: unknown, base: string): TemplateRef | undefined {
  const t = rec(v);
  const name = str(t?.name);
  if (!t || name === undefined) return undefined;
  const ref: TemplateRef = { name, language: str(rec(t.language)?.code), parameters: [], send: readTemplateSend(t, base), pointer: base };
  arr(t.components).forEach((c, ci) => {
    const comp = rec(c);
    const type = str(comp?.type)?.toLowerCase();
    const pointer = `${base}/components/${ci}/parameters`;
    const texts: TextRef[] = [];
    arr(comp?.parameters).forEach((p, pi) => {
      const param = rec(p);
      const ptype = str(param?.type);
      if (!param || !ptype) return;
      if (ptype === 'text' || ptype === 'payload') {
        const t = textRef(param[ptype], `${pointer}/${pi}/${ptype}`);
        if (t) texts.push(t);
      } else if (ptype === 'currency' || ptype === 'date_time') {
        const fallback = textRef(rec(param[ptype])?.fallback_value, `${pointer}/${pi}/${ptype}/fallback_value`);
        if (fallback) texts.push(fallback);
      } else if (type === 'header' && META_MEDIA[ptype]) {
        ref.headerMedia = media(param[ptype], META_MEDIA[ptype], `${pointer}/${pi}/${ptype}`);
      }
    });
    if (type === 'body') ref.parameters.push(...texts);
    else if (type === 'header') ref.headerParameters = [...(ref.headerParameters ?? []), ...texts];
    else if (type === 'button' && texts[0]) {
      ref.buttonParameters = [...(ref.buttonParameters ?? []), { index: num(comp?.index) ?? Number(str(comp?.index) ?? 0), subType: str(comp?.sub_type) ?? '', value: texts[0] }];
    }
  });
  return ref;
}

/** What a `custom` object shows, or just `kind: 'custom'` when it is not a shape we know. */
export function customContent(value: unknown, base: string): Content {
  const c = rec(value);
  const type = str(c?.type);
  if (!c || !type) return { kind: 'custom' };
  if (type === 'text') return { kind: 'text', text: textRef(rec(c.text)?.body, `${base}/text/body`) };
  if (type === 'interactive') return interactive(c.interactive, `${base}/interactive`) ?? { kind: 'custom' };
  if (type === 'template') {
    const t = template(c.template, `${base}/template`);
    return t ? { kind: 'template', template: t } : { kind: 'custom' };
  }
  if (type === 'location') {
    const l = rec(c.location);
    const latitude = num(l?.latitude);
    const longitude = num(l?.longitude);
    return latitude !== undefined && longitude !== undefined
      ? { kind: 'location', location: { latitude, longitude, name: str(l?.name), address: str(l?.address), pointer: `${base}/location` } }
      : { kind: 'custom' };
  }
  const mediaType = META_MEDIA[type];
  if (mediaType) {
    const m = media(c[type], mediaType, `${base}/${type}`);
    return { kind: mediaType === 'sticker' ? 'sticker' : mediaType, media: m };
  }
  return { kind: 'custom' };
}
