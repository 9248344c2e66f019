/**
 * A template definition (Meta's format, any case, possibly half-written) read into one plain shape:
 * header, body, footer, buttons, carousel cards, each text with its variables and their example
 * values. The preview, the message lint and the "message from template" writer read this rather
 * than the raw JSON. Never throws.
 */
import type { TemplateComponentDefinition, TemplateDefinition } from './templates';
import { templateVariables, type TemplateVariable } from './template-variables';
import { rec } from './json-values';

export interface TextPart {
  text: string;
  variables: TemplateVariable[];
  /** Example value by variable name (`1`, `first_name`), from the component's `example`. */
  examples: Map<string, string>;
}

export interface HeaderView {
  /** TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION (upper case), or '' when absent. */
  format: string;
  text?: TextPart;
  /** The example media handle or URL (`example.header_handle[0]`). */
  handle?: string;
}

export interface ButtonView {
  /** QUICK_REPLY, URL, PHONE_NUMBER, COPY_CODE, OTP, FLOW, CATALOG, MPM, ... (upper case). */
  type: string;
  text: string;
  url?: string;
  phone?: string;
  /** The example value of the URL's variable, or the example code of a COPY_CODE button. */
  example?: string;
  /** OTP buttons: COPY_CODE, ONE_TAP or ZERO_TAP. */
  otpType?: string;
  /** A URL with a variable (sending needs a parameter for this button). */
  urlVariable: boolean;
}

export interface CardView {
  header?: HeaderView;
  body?: TextPart;
  buttons: ButtonView[];
}

export interface TemplateView {
  name: string;
  language?: string;
  category: string;
  status?: string;
  rejectedReason?: string;
  named: boolean;
  header?: HeaderView;
  body?: TextPart;
  footer?: TextPart;
  buttons: ButtonView[];
  cards: CardView[];
  /** LIMITED_TIME_OFFER component. */
  offer?: { text: string; hasExpiration: boolean };
  /** AUTHENTICATION: the body and footer are Meta's preset texts, drawn from these. */
  auth?: { securityRecommendation: boolean; expiryMinutes?: number };
}

const upper = (v: unknown) => (typeof v === 'string' ? v.toUpperCase() : '');
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const arr = (v: unknown) => (Array.isArray(v) ? v : []);

/** Example values of a text, positional (`body_text: [["a","b"]]`, `header_text: ["a"]`) or named. */
function examplesOf(kind: 'header' | 'body', example: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const ex = rec(example);
  if (!ex) return out;
  const positional = kind === 'body' ? arr(arr(ex.body_text)[0]) : arr(ex.header_text);
  positional.forEach((v, i) => {
    if (typeof v === 'string' || typeof v === 'number') out.set(String(i + 1), String(v));
  });
  for (const p of arr(kind === 'body' ? ex.body_text_named_params : ex.header_text_named_params)) {
    const r = rec(p);
    const name = str(r?.param_name);
    const value = r?.example;
    if (name !== undefined && (typeof value === 'string' || typeof value === 'number')) out.set(name, String(value));
  }
  return out;
}

function textPart(text: unknown, kind: 'header' | 'body', example: unknown): TextPart | undefined {
  const t = str(text);
  if (t === undefined) return undefined;
  return { text: t, variables: templateVariables(t), examples: examplesOf(kind, example) };
}

function header(c: Record<string, unknown>): HeaderView {
  const format = upper(c.format) || (c.text !== undefined ? 'TEXT' : '');
  const handle = arr(rec(c.example)?.header_handle)[0];
  return { format, text: format === 'TEXT' ? textPart(c.text, 'header', c.example) : undefined, handle: typeof handle === 'string' ? handle : undefined };
}

function firstString(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  const first = arr(v)[0];
  return typeof first === 'string' ? first : undefined;
}

function buttons(c: Record<string, unknown>): ButtonView[] {
  return arr(c.buttons).flatMap((b) => {
    const r = rec(b);
    if (!r) return [];
    const type = upper(r.type);
    const url = str(r.url);
    return [
      {
        type,
        text: str(r.text) ?? '',
        url,
        phone: str(r.phone_number),
        example: firstString(r.example),
        otpType: upper(r.otp_type) || undefined,
        urlVariable: url !== undefined && /\{\{[^{}]*\}\}/.test(url),
      },
    ];
  });
}

/** The components of a definition or of a carousel card, by kind. */
function parts(components: unknown): { header?: HeaderView; body?: TextPart; footer?: TextPart; buttons: ButtonView[]; raw: Record<string, Record<string, unknown>> } {
  const out: ReturnType<typeof parts> = { buttons: [], raw: {} };
  for (const c of arr(components)) {
    const comp = rec(c);
    if (!comp) continue;
    const type = upper(comp.type);
    if (out.raw[type]) continue; // a second one of a kind is the lint's to report; the first counts
    out.raw[type] = comp;
    if (type === 'HEADER') out.header = header(comp);
    else if (type === 'BODY') out.body = textPart(comp.text, 'body', comp.example);
    else if (type === 'FOOTER') out.footer = textPart(comp.text, 'body', undefined);
    else if (type === 'BUTTONS') out.buttons = buttons(comp);
  }
  return out;
}

/**
 * Meta's preset texts of an AUTHENTICATION template (the definition gives only the switches).
 * Source: developers.facebook.com/docs/whatsapp/business-management-api/authentication-templates
 */
export const AUTH_BODY = '*{{1}}* is your verification code.';
export const AUTH_SECURITY = 'For your security, do not share this code.';
export const authFooter = (minutes: number) => `This code expires in ${minutes} minute${minutes === 1 ? '' : 's'}.`;

export function viewTemplate(def: TemplateDefinition | Record<string, unknown>): TemplateView {
  const d = def as Record<string, unknown>;
  const main = parts(d.components);
  const category = upper(d.category);
  const view: TemplateView = {
    name: str(d.name) ?? '',
    language: str(d.language),
    category,
    status: upper(d.status) || undefined,
    rejectedReason: str(d.rejected_reason),
    named: false,
    header: main.header,
    body: main.body,
    footer: main.footer,
    buttons: main.buttons,
    cards: arr(main.raw.CAROUSEL?.cards).map((card) => {
      const p = parts(rec(card)?.components);
      return { header: p.header, body: p.body, buttons: p.buttons };
    }),
  };
  // Without `parameter_format`, a template written with named variables only is read as NAMED.
  const all = [main.header?.text, main.body].flatMap((p) => p?.variables ?? []);
  view.named = upper(d.parameter_format) === 'NAMED' || (d.parameter_format === undefined && all.some((v) => v.kind === 'named') && !all.some((v) => v.kind === 'positional'));
  const offer = rec(main.raw.LIMITED_TIME_OFFER?.limited_time_offer);
  if (offer) view.offer = { text: str(offer.text) ?? '', hasExpiration: offer.has_expiration === true };
  if (category === 'AUTHENTICATION') {
    const body = main.raw.BODY as TemplateComponentDefinition | undefined;
    const footer = main.raw.FOOTER as TemplateComponentDefinition | undefined;
    const minutes = typeof footer?.code_expiration_minutes === 'number' ? footer.code_expiration_minutes : undefined;
    view.auth = { securityRecommendation: body?.add_security_recommendation === true, expiryMinutes: minutes };
    // A definition to submit has no texts (Meta supplies them); one pulled from the account has them.
    if (!view.body) {
      const text = view.auth.securityRecommendation ? `${AUTH_BODY} ${AUTH_SECURITY}` : AUTH_BODY;
      view.body = { text, variables: templateVariables(text), examples: new Map() };
    }
    if (!view.footer && minutes !== undefined) view.footer = textPart(authFooter(minutes), 'body', undefined);
  }
  return view;
}

/** The variable names a text needs values for, in order of first appearance. */
export function namesOf(part: TextPart | undefined): string[] {
  return [...new Set((part?.variables ?? []).filter((v) => v.kind !== 'invalid').map((v) => v.name))];
}

/** How many positional parameters a text takes (its highest `{{n}}`), or its named ones. */
export function expectedParameters(part: TextPart | undefined, named: boolean): { count: number; names: string[] } {
  const names = namesOf(part);
  if (named) return { count: names.length, names };
  const max = Math.max(0, ...(part?.variables ?? []).filter((v) => v.kind === 'positional').map((v) => Number(v.name)));
  return { count: max, names: Array.from({ length: max }, (_, i) => String(i + 1)) };
}
