/**
 * The sending side of a template: the Cloud API `template` object a payload carries (Cloud,
 * On-Premises, Vonage `custom`), read into one shape with a pointer for every parameter, so the
 * message lint can hold it against the definition and the preview can fill the definition with it.
 * Vonage v1 `template` and the legacy shape send only a list of body values; `fromParameters`
 * reads those. Never throws.
 */
import { rec } from './json-values';
/** A text and where it stands (the model's TextRef; declared here so the model can import this file). */
interface TextAt {
  text: string;
  pointer: string;
}

/** What sendOf reads of the model's TemplateRef. */
export interface TemplateRefFields {
  send?: TemplateSend;
  parameters: readonly TextAt[];
  headerParameters?: readonly TextAt[];
  headerMedia?: { type: string; url?: string; id?: string; pointer: string };
  buttonParameters?: readonly { index: number; subType: string; value: TextAt }[];
  pointer: string;
}

export interface SendParameter {
  /** text, currency, date_time, image, video, document, location, payload, coupon_code, action, ... */
  type: string;
  /** What the parameter shows: its text, the fallback of a currency or date, a payload or code. */
  text?: string;
  /** `parameter_name` of a NAMED template. */
  name?: string;
  /** For media parameters: the link or id. */
  media?: { link?: string; id?: string };
  /** The parameter object. */
  pointer: string;
  /** The value the text came from (for underlining it). */
  valuePointer: string;
}

export interface SendComponent {
  pointer: string;
  params: SendParameter[];
}

export interface SendButton extends SendComponent {
  index: number;
  subType: string;
}

export interface SendCard {
  index: number;
  pointer: string;
  header?: SendComponent;
  body?: SendComponent;
  buttons: SendButton[];
}

export interface TemplateSend {
  /** The template object. */
  pointer: string;
  /** False for a plain list of body values (Vonage v1 `template`, legacy): no header or button parts. */
  hasComponents: boolean;
  header?: SendComponent;
  body?: SendComponent;
  buttons: SendButton[];
  carousel?: { pointer: string; cards: SendCard[] };
}

const arr = (v: unknown) => (Array.isArray(v) ? v : []);
const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

const TEXT_OF: Record<string, (p: Record<string, unknown>) => [unknown, string]> = {
  text: (p) => [p.text, 'text'],
  currency: (p) => [rec(p.currency)?.fallback_value, 'currency/fallback_value'],
  date_time: (p) => [rec(p.date_time)?.fallback_value, 'date_time/fallback_value'],
  payload: (p) => [p.payload, 'payload'],
  coupon_code: (p) => [p.coupon_code, 'coupon_code'],
};

const MEDIA = new Set(['image', 'video', 'document', 'location']);

function parameter(v: unknown, pointer: string): SendParameter | undefined {
  const p = rec(v);
  if (!p) return undefined;
  const type = str(p.type) ?? '';
  const out: SendParameter = { type, pointer, valuePointer: pointer };
  const name = str(p.parameter_name);
  if (name !== undefined) out.name = name;
  const read = TEXT_OF[type];
  if (read) {
    const [value, at] = read(p);
    if (typeof value === 'string' || typeof value === 'number') out.text = String(value);
    out.valuePointer = `${pointer}/${at}`;
  } else if (MEDIA.has(type)) {
    const m = rec(p[type]);
    out.media = { link: str(m?.link), id: str(m?.id) };
    out.valuePointer = `${pointer}/${type}`;
  }
  return out;
}

function component(c: Record<string, unknown>, pointer: string): SendComponent {
  return { pointer, params: arr(c.parameters).flatMap((p, i) => parameter(p, `${pointer}/parameters/${i}`) ?? []) };
}

function buttonIndex(v: unknown): number | undefined {
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : typeof v === 'number' && Number.isInteger(v) ? v : undefined;
  return n;
}

function components(list: unknown, base: string): Pick<TemplateSend, 'header' | 'body' | 'buttons' | 'carousel'> {
  const out: Pick<TemplateSend, 'header' | 'body' | 'buttons' | 'carousel'> = { buttons: [] };
  arr(list).forEach((c, i) => {
    const comp = rec(c);
    if (!comp) return;
    const at = `${base}/${i}`;
    const type = (str(comp.type) ?? '').toLowerCase();
    if (type === 'header' && !out.header) out.header = component(comp, at);
    else if (type === 'body' && !out.body) out.body = component(comp, at);
    else if (type === 'button') {
      const index = buttonIndex(comp.index);
      if (index !== undefined) out.buttons.push({ ...component(comp, at), index, subType: (str(comp.sub_type) ?? '').toLowerCase() });
    } else if (type === 'carousel' && !out.carousel) {
      out.carousel = {
        pointer: at,
        cards: arr(comp.cards).flatMap((card, k) => {
          const r = rec(card);
          if (!r) return [];
          const cp = `${at}/cards/${k}`;
          const inner = components(r.components, `${cp}/components`);
          return [{ index: buttonIndex(r.card_index) ?? k, pointer: cp, header: inner.header, body: inner.body, buttons: inner.buttons }];
        }),
      };
    }
  });
  return out;
}

/** A Cloud API `template` object at `pointer` (its value given). */
export function readTemplateSend(value: unknown, pointer: string): TemplateSend {
  return { pointer, hasComponents: true, ...components(rec(value)?.components, `${pointer}/components`) };
}

/** A plain list of body values (Vonage v1 `template.parameters`, legacy): all text, in order. */
export function fromParameters(parameters: readonly TextAt[], pointer: string): TemplateSend {
  const params = parameters.map((p) => textParameter(p));
  return { pointer, hasComponents: false, body: { pointer: `${pointer}/parameters`, params }, buttons: [] };
}

function textParameter(p: TextAt): SendParameter {
  return { type: 'text', text: p.text, pointer: p.pointer, valuePointer: p.pointer };
}

/** What a template reference sends: its `send` when the mapper read one, else what its plain fields say. */
export function sendOf(t: TemplateRefFields): TemplateSend {
  if (t.send) return t.send;
  const send = fromParameters(t.parameters, t.pointer);
  if (!t.headerParameters && !t.headerMedia && !t.buttonParameters) return send;
  send.hasComponents = true;
  const media = t.headerMedia;
  const headerMedia: SendParameter[] = media
    ? [{ type: media.type === 'file' ? 'document' : media.type, media: { link: media.url, id: media.id }, pointer: media.pointer, valuePointer: media.pointer }]
    : [];
  if (t.headerParameters || media) send.header = { pointer: t.pointer, params: [...headerMedia, ...(t.headerParameters ?? []).map(textParameter)] };
  send.buttons = (t.buttonParameters ?? []).map((b) => ({ pointer: t.pointer, index: b.index, subType: b.subType, params: [textParameter(b.value)] }));
  return send;
}
