/**
 * A WhatsApp template as the phone shows it: header, limited-time offer, body, footer, buttons and
 * carousel cards, filled with values. For a definition file the values are its examples; for a
 * message that sends a template, the message's parameters (numbered or named). Pure vnodes.
 */
import type { Media, MediaType, TemplateRef } from '../core/model';
import { fillVariables } from '../core/template-variables';
import { sendOf, type SendComponent, type TemplateSend } from '../core/template-send';
import type { ButtonView, CardView, HeaderView, TemplateView, TextPart } from '../core/template-view';
import { renderBody } from './message-text';
import { h, type VElement, type VNode } from './vnode';

/** Values for one template (or one carousel card): by variable name, and by button index. */
export interface PartValues {
  header: Map<string, string>;
  headerMedia?: Media;
  body: Map<string, string>;
  buttons: Map<number, string>;
}

export interface TemplateValues extends PartValues {
  cards: PartValues[];
}

const MEDIA_TYPE: Record<string, MediaType> = { IMAGE: 'image', VIDEO: 'video', GIF: 'video', DOCUMENT: 'file' };
const SENT_MEDIA: Record<string, MediaType> = { image: 'image', video: 'video', document: 'file' };

function emptyPart(): PartValues {
  return { header: new Map(), body: new Map(), buttons: new Map() };
}

/** A URL button's example is its variable's value, or (as some write it) the whole URL: then the part after the fixed prefix. */
function exampleValue(b: ButtonView, example: string): string {
  const prefix = b.urlVariable && b.url ? b.url.slice(0, b.url.indexOf('{{')) : undefined;
  return prefix && example.startsWith(prefix) && /^https?:/i.test(example) ? example.slice(prefix.length) : example;
}

/** The definition's own example values (what Meta's review sees). */
export function valuesFromExamples(view: TemplateView): TemplateValues {
  const part = (p: { header?: HeaderView; body?: TextPart; buttons: ButtonView[] }): PartValues => ({
    header: new Map(p.header?.text?.examples ?? []),
    headerMedia: p.header && MEDIA_TYPE[p.header.format] ? { type: MEDIA_TYPE[p.header.format], pointer: '', id: p.header.handle ? 'sample media' : undefined } : undefined,
    body: new Map(p.body?.examples ?? []),
    buttons: new Map(p.buttons.flatMap((b, i) => (b.example !== undefined ? [[i, exampleValue(b, b.example)] as [number, string]] : []))),
  });
  const values = { ...part(view), cards: view.cards.map(part) };
  // Meta's preset authentication body shows the one-time code.
  if (view.auth && !values.body.has('1')) values.body.set('1', '123456');
  return values;
}

function byName(sent: SendComponent | undefined, named: boolean): Map<string, string> {
  const out = new Map<string, string>();
  (sent?.params ?? []).forEach((p, i) => {
    if (p.text === undefined) return;
    out.set(named && p.name !== undefined ? p.name : String(i + 1), p.text);
  });
  return out;
}

function sentMedia(sent: SendComponent | undefined): Media | undefined {
  const p = sent?.params[0];
  const type = p ? SENT_MEDIA[p.type] : undefined;
  return p && type ? { type, url: p.media?.link, id: p.media?.id, pointer: p.pointer } : undefined;
}

function partFromSend(s: Pick<TemplateSend, 'header' | 'body' | 'buttons'>, named: boolean): PartValues {
  return {
    header: byName(s.header, named),
    headerMedia: sentMedia(s.header),
    body: byName(s.body, named),
    buttons: new Map(s.buttons.flatMap((b) => (b.params[0]?.text !== undefined ? [[b.index, b.params[0].text] as [number, string]] : []))),
  };
}

/** A message's parameters as values for its template. */
export function valuesFromMessage(view: TemplateView, t: TemplateRef): TemplateValues {
  const send = sendOf(t);
  const cards: PartValues[] = view.cards.map(() => emptyPart());
  for (const card of send.carousel?.cards ?? []) if (card.index < cards.length) cards[card.index] = partFromSend({ header: card.header, body: card.body, buttons: card.buttons }, view.named);
  return { ...partFromSend(send, view.named), cards };
}

function filled(part: TextPart, values: Map<string, string>, missing: Set<string>): string {
  const r = fillVariables(part.text, values);
  r.missing.forEach((m) => missing.add(m));
  return r.text;
}

/** The preview's button kinds (the same classes and icons as interactive buttons). */
const BUTTON_KIND: Record<string, { kind: string; icon: string }> = {
  URL: { kind: 'url', icon: '\u2197' },
  PHONE_NUMBER: { kind: 'call', icon: '\u260E' },
  COPY_CODE: { kind: 'copy', icon: '\u2398' },
  OTP: { kind: 'copy', icon: '\u2398' },
  FLOW: { kind: 'url', icon: '\u2630' },
  CATALOG: { kind: 'url', icon: '\u2630' },
  MPM: { kind: 'url', icon: '\u2630' },
};

function buttonTitle(b: ButtonView): string {
  if (b.text) return b.text;
  if (b.type === 'COPY_CODE') return 'Copy offer code';
  if (b.type === 'OTP') return b.otpType === 'ONE_TAP' ? 'Autofill' : 'Copy code';
  return b.type.toLowerCase().replace(/_/g, ' ');
}

function buttonsNode(buttons: readonly ButtonView[], values: Map<number, string>): VElement | undefined {
  if (buttons.length === 0) return undefined;
  return h(
    'div',
    { class: 'buttons' },
    ...buttons.map((b, i) => {
      const value = values.get(i);
      const target = b.url !== undefined ? fillVariables(b.url, value !== undefined ? { '1': value } : {}).text : (b.phone ?? (b.type === 'COPY_CODE' ? value : undefined));
      const { kind, icon } = BUTTON_KIND[b.type] ?? { kind: 'reply', icon: '\u21A9' };
      return h(
        'div',
        { class: `action action-${kind}`, 'data-index': String(i), title: target },
        h('span', { class: 'action-icon', 'aria-hidden': 'true' }, icon),
        h('span', { class: 'action-title' }, buttonTitle(b)),
      );
    }),
  );
}

function mediaNode(type: MediaType, media: Media | undefined, renderMedia: (m: Media) => VElement): VElement {
  return renderMedia(media ?? { type, pointer: '' });
}

function headerNode(header: HeaderView | undefined, values: PartValues, missing: Set<string>, renderMedia: (m: Media) => VElement): VNode | undefined {
  if (!header) return undefined;
  if (header.format === 'TEXT' && header.text) return h('header', { class: 'bubble-header' }, filled(header.text, values.header, missing));
  if (header.format === 'LOCATION') return h('div', { class: 'location' }, h('div', { class: 'map', 'aria-hidden': 'true' }, h('span', { class: 'pin' }, '\u{1F4CD}')));
  const type = MEDIA_TYPE[header.format];
  return type ? mediaNode(type, values.headerMedia, renderMedia) : undefined;
}

function missingNote(missing: Set<string>): VElement | undefined {
  return missing.size > 0 ? h('div', { class: 'notice' }, `No value for ${[...missing].map((n) => `{{${n}}}`).join(', ')}.`) : undefined;
}

function card(c: CardView, values: PartValues, index: number, renderMedia: (m: Media) => VElement): VElement {
  const missing = new Set<string>();
  return h(
    'div',
    { class: 'carousel-card', 'data-index': String(index) },
    h(
      'div',
      { class: 'card-content' },
      headerNode(c.header, values, missing, renderMedia),
      c.body ? h('div', { class: 'body' }, ...renderBody(filled(c.body, values.body, missing))) : undefined,
      missingNote(missing),
    ),
    buttonsNode(c.buttons, values.buttons),
  );
}

export interface TemplateRenderOptions {
  time: string;
  renderMedia: (m: Media) => VElement;
}

/** The message bubble (with its buttons) and, for a carousel, the strip of cards under it. */
export function renderTemplateBubbles(view: TemplateView, values: TemplateValues, options: TemplateRenderOptions): VNode[] {
  const missing = new Set<string>();
  const parts: (VNode | undefined)[] = [headerNode(view.header, values, missing, options.renderMedia)];
  if (view.offer) {
    parts.push(
      h(
        'div',
        { class: 'offer' },
        h('span', { class: 'offer-icon', 'aria-hidden': 'true' }, '\u{1F381}'),
        h(
          'div',
          { class: 'offer-text' },
          h('strong', null, view.offer.text),
          view.offer.hasExpiration ? h('small', { class: 'offer-expiry' }, 'Offer ends in \u2026 (the time the message gives)') : undefined,
        ),
      ),
    );
  }
  if (view.body) parts.push(h('div', { class: 'body' }, ...renderBody(filled(view.body, values.body, missing))));
  parts.push(missingNote(missing));
  if (view.footer) parts.push(h('footer', { class: 'bubble-footer' }, view.footer.text));
  const bubble = h('div', { class: 'bubble incoming kind-template' }, ...parts.filter((p): p is VNode => p !== undefined), h('span', { class: 'meta' }, h('time', null, options.time)));
  const out: VNode[] = [h('div', { class: 'message' }, bubble, buttonsNode(view.buttons, values.buttons))];
  if (view.cards.length > 0) {
    out.push(
      h('div', { class: 'carousel', 'aria-label': 'carousel cards, scrolled sideways on the phone' }, ...view.cards.map((c, i) => card(c, values.cards[i] ?? emptyPart(), i, options.renderMedia))),
    );
  }
  return out;
}

/** A line under the phone for a definition: category and, when pulled, its review status. */
export function definitionSummary(view: TemplateView): VElement {
  const status = view.status ? ` \u00B7 ${view.status}${view.rejectedReason && view.rejectedReason !== 'NONE' ? ` (${view.rejectedReason})` : ''}` : '';
  return h(
    'div',
    { class: `system template-summary${view.status ? ` status-${view.status.toLowerCase()}` : ''}` },
    `Template \u201C${view.name || '(no name)'}\u201D \u00B7 ${view.language ?? 'no language'} \u00B7 ${view.category || 'no category'}${status} \u00B7 filled with its example values`,
  );
}
