/**
 * The phone view: MessageModel -> a vnode tree of what the recipient's screen shows. Pure: no
 * DOM, no vscode, no I/O. Remote media is named, never fetched, unless `loadRemoteMedia` is set.
 */
import type { Button, Contact, Header, ListMessage, Location, Media, MessageModel, TemplateRef } from '../core/model';
import type { TemplateCatalog } from '../core/templates';
import { viewTemplate } from '../core/template-view';
import { plainLines, renderBody } from './message-text';
import { renderSms } from './sms';
import { renderCards } from './carousel';
import { renderTemplateBubbles, valuesFromMessage } from './template';
import { h, type VElement, type VNode } from './vnode';
import { icon, type IconName } from './icons';
import { part } from './rejected';

export interface RenderOptions {
  templates?: TemplateCatalog;
  /** Show images from their https URLs instead of placeholders (off by default: privacy). */
  loadRemoteMedia?: boolean;
  /** The time shown on the bubble, e.g. `12:00`. */
  time?: string;
}

const CHANNEL_LABEL: Record<MessageModel['channel'], string> = {
  whatsapp: 'WhatsApp',
  sms: 'SMS',
  mms: 'MMS',
  rcs: 'RCS',
  viber: 'Viber',
  messenger: 'Messenger',
};

export const MEDIA_LABEL: Record<Media['type'], string> = {
  image: 'Photo',
  video: 'Video',
  audio: 'Audio',
  file: 'Document',
  sticker: 'Sticker',
  vcard: 'Contact card (vCard)',
};

// Inline SVG (preview/icons.ts), not emoji: emoji showed as empty boxes where no emoji font is installed.
export const MEDIA_ICON: Record<Media['type'], IconName> = {
  image: 'image',
  video: 'video',
  audio: 'audio',
  file: 'file',
  sticker: 'sticker',
  vcard: 'contact',
};

/** The whole phone: top bar and the chat with the message. */
export function renderPhone(model: MessageModel | undefined, options: RenderOptions = {}): VElement {
  if (!model) {
    return h('div', { class: 'phone phone-empty' }, h('div', { class: 'empty-state' }, 'Nothing to preview yet: the payload has no message the preview can read. Fix the problems listed below.'));
  }
  const channel = model.channel;
  return phoneFrame(
    { channel, kind: model.kind, from: model.from?.text, sub: `${CHANNEL_LABEL[channel]} \u00B7 ${model.provider}${model.to ? ` \u00B7 to ${model.to.text}` : ''}` },
    renderMessage(model, options),
  );
}

/** The phone around some bubbles: the top bar with the sender, and the chat. */
export function phoneFrame(frame: { channel: MessageModel['channel']; kind: string; from?: string; sub: string }, bubbles: VNode[]): VElement {
  const top = h(
    'div',
    { class: 'phone-top' },
    h('div', { class: 'avatar', 'aria-hidden': 'true' }, initial(frame.from)),
    h('div', { class: 'contact' }, h('div', { class: 'contact-name' }, frame.from || 'Your business'), h('small', { class: 'contact-sub' }, frame.sub)),
  );
  return h('div', { class: `phone channel-${frame.channel}`, 'data-kind': frame.kind }, top, h('div', { class: 'chat' }, h('div', { class: 'day' }, 'Today'), ...bubbles));
}

function initial(name: string | undefined): string {
  const c = name?.trim().match(/[\p{L}\p{N}]/u)?.[0];
  return c ? c.toUpperCase() : 'B';
}

/** The bubble(s) of one message. */
export function renderMessage(model: MessageModel, options: RenderOptions = {}): VNode[] {
  if (model.channel === 'sms' || (model.channel === 'mms' && model.kind === 'text')) return [renderSms(model, options.time ?? '12:00')];
  switch (model.kind) {
    case 'mark-read':
      return [
        h(
          'div',
          { class: 'system' },
          `${model.replyTo ? `Marks message ${model.replyTo}` : "Marks the customer's message (the id in the URL)"} as read: the customer sees blue ticks and nothing else.`,
        ),
      ];
    case 'reaction':
      return [renderReaction(model)];
    case 'template':
      return renderTemplate(model, options);
    default:
      return renderBubbleWithExtras(model, options);
  }
}

function renderBubbleWithExtras(model: MessageModel, options: RenderOptions): VNode[] {
  const parts: (VNode | undefined)[] = [];
  if (model.header) parts.push(renderHeader(model.header, options));
  if (model.media) parts.push(renderMedia(model.media, options));
  if (model.location) parts.push(part(renderLocation(model.location), model.location.pointer));
  if (model.contacts) parts.push(...model.contacts.map(renderContact));
  const caption = model.media?.caption?.text;
  if (model.text) parts.push(part(bodyNode(model.text.text, model.channel), model.text.pointer));
  else if (caption) parts.push(part(bodyNode(caption, model.channel), model.media?.caption?.pointer));
  if (model.kind === 'custom' && !model.text) parts.push(h('div', { class: 'notice' }, 'A custom payload: the preview cannot tell what it will show.'));
  if (model.footer) parts.push(part(h('footer', { class: 'bubble-footer' }, model.footer.text), model.footer.pointer));
  const buttons = model.buttons ?? [];
  const list = model.list ? renderList(model.list) : undefined;
  const cards = model.cards ? renderCards(model.cards, { media: (m) => renderMedia(m, options), buttons: renderButtons }) : undefined;
  const message = h('div', { class: 'message' }, bubble(model, parts, options), buttons.length > 0 ? renderButtons(buttons) : undefined, list?.button, cards);
  return list ? [message, list.sheet] : [message];
}

function bubble(model: MessageModel, parts: (VNode | undefined)[], options: RenderOptions): VElement {
  return h(
    'div',
    { class: `bubble incoming kind-${model.kind}` },
    model.replyTo ? h('div', { class: 'quoted' }, h('div', { class: 'quoted-who' }, 'You'), h('div', { class: 'quoted-text' }, `Replying to message ${model.replyTo}`)) : undefined,
    ...parts.filter((p): p is VNode => p !== undefined),
    h('span', { class: 'meta' }, h('time', null, options.time ?? '12:00')),
  );
}

/** WhatsApp formatting applies on WhatsApp only; other channels show the markers as typed. */
function bodyNode(text: string, channel: MessageModel['channel']): VElement {
  return h('div', { class: 'body' }, ...(channel === 'whatsapp' ? renderBody(text) : plainLines(text)));
}

function renderHeader(header: Header, options: RenderOptions): VElement {
  if (header.kind === 'text') return part(h('header', { class: 'bubble-header' }, header.text), header.pointer);
  return renderMedia(header.media, options);
}

export function renderMedia(media: Media, options: RenderOptions = {}): VElement {
  const source = media.url ? media.url : media.id ? `media id ${media.id}` : 'no URL or id given';
  const remote = options.loadRemoteMedia && media.type === 'image' && media.url && /^https:\/\//i.test(media.url);
  if (remote) return part(h('div', { class: `media media-${media.type} media-loaded` }, h('img', { src: media.url, alt: media.filename ?? 'image' })), media.pointer);
  return part(
    h(
      'div',
      { class: `media media-${media.type}`, 'data-url': media.url },
      h('div', { class: 'media-icon', 'aria-hidden': 'true' }, icon(MEDIA_ICON[media.type])),
      h(
        'div',
        { class: 'media-info' },
        h('div', { class: 'media-label' }, media.filename ? `${MEDIA_LABEL[media.type]}: ${media.filename}` : MEDIA_LABEL[media.type]),
        h('small', { class: 'media-src' }, source),
      ),
    ),
    media.pointer,
  );
}

export function renderLocation(loc: Location): VElement {
  return h(
    'div',
    { class: 'location' },
    h('div', { class: 'map', 'aria-hidden': 'true' }, icon('pin', 'pin')),
    loc.name ? h('div', { class: 'location-name' }, loc.name) : undefined,
    loc.address ? h('div', { class: 'location-address' }, loc.address) : undefined,
    h('div', { class: 'location-coords' }, `${loc.latitude}, ${loc.longitude}`),
  );
}

function renderContact(c: Contact): VElement {
  return h(
    'div',
    { class: 'contact-card' },
    h('div', { class: 'contact-card-head' }, h('div', { class: 'avatar small', 'aria-hidden': 'true' }, initial(c.name)), h('div', { class: 'contact-card-name' }, c.name || 'Contact')),
    ...c.phones.map((p) => h('small', { class: 'contact-card-phone' }, p)),
    h('div', { class: 'contact-card-action' }, 'Message'),
  );
}

const BUTTON_ICON: Record<Button['kind'], IconName> = { reply: 'reply', url: 'link', call: 'call', copy: 'copy' };

function renderButtons(buttons: readonly Button[]): VElement {
  return h(
    'div',
    { class: 'buttons' },
    ...buttons.map((b, i) =>
      part(
        h(
          'div',
          { class: `action action-${b.kind}`, 'data-index': String(i), title: b.url ?? b.phone ?? b.id },
          h('span', { class: 'action-icon', 'aria-hidden': 'true' }, icon(BUTTON_ICON[b.kind])),
          h('span', { class: 'action-title' }, b.title.text),
        ),
        b.title.pointer,
      ),
    ),
  );
}

function renderList(list: ListMessage): { button: VElement; sheet: VElement } {
  const button = h(
    'div',
    { class: 'buttons' },
    part(
      h('div', { class: 'action action-list' }, h('span', { class: 'action-icon', 'aria-hidden': 'true' }, icon('list')), h('span', { class: 'action-title' }, list.button.text)),
      list.button.pointer,
    ),
  );
  const sheet = h(
    'div',
    { class: 'list-sheet', 'aria-label': 'list shown when the button is tapped' },
    h('div', { class: 'sheet-handle', 'aria-hidden': 'true' }),
    h('div', { class: 'sheet-title' }, list.button.text),
    ...list.sections.map((s) =>
      part(
        h(
          'section',
          { class: 'list-section' },
          s.title ? part(h('div', { class: 'section-title' }, s.title.text), s.title.pointer) : undefined,
          ...s.rows.map((r) =>
            part(
              h(
                'div',
                { class: 'list-row', title: r.id },
                h(
                  'div',
                  { class: 'row-text' },
                  h('div', { class: 'row-title' }, r.title.text),
                  r.description ? part(h('small', { class: 'row-desc' }, r.description.text), r.description.pointer) : undefined,
                ),
                h('span', { class: 'radio', 'aria-hidden': 'true' }),
              ),
              r.title.pointer,
            ),
          ),
        ),
        s.pointer,
      ),
    ),
  );
  return { button, sheet };
}

function renderReaction(model: MessageModel): VElement {
  const r = model.reaction;
  const emoji = r?.emoji ?? '';
  return h(
    'div',
    { class: 'reaction-wrap' },
    // The recipient reacted-to message is their own: an outgoing bubble on their phone.
    h(
      'div',
      { class: 'bubble outgoing reacted-to' },
      h('div', { class: 'body muted' }, h('p', null, 'Your message'), h('p', { class: 'msg-id' }, r?.messageId ?? '(no id)')),
      h('span', { class: 'meta' }, h('time', null, '11:58')),
    ),
    emoji ? h('span', { class: 'reaction' }, emoji) : h('div', { class: 'system' }, 'An empty emoji removes the reaction.'),
  );
}

function renderTemplate(model: MessageModel, options: RenderOptions): VNode[] {
  const t = model.template;
  if (!t) return [bubble(model, [h('div', { class: 'notice' }, 'A template message without a template name.')], options)];
  const def = options.templates?.find(t.name, t.language);
  if (!def) return [bubble(model, [unknownTemplate(t)], options)];
  const view = viewTemplate(def);
  return renderTemplateBubbles(view, valuesFromMessage(view, t), { time: options.time ?? '12:00', renderMedia: (m) => renderMedia(m, options) });
}

function unknownTemplate(t: TemplateRef): VElement {
  const name = t.namespace && !t.name.startsWith(t.namespace) ? `${t.namespace}:${t.name}` : t.name;
  return h(
    'div',
    { class: 'template-unknown' },
    h(
      'div',
      { class: 'notice' },
      `Template \u201C${name}\u201D${t.language ? ` (${t.language})` : ''} is not in your catalog, so its text is unknown. Add it to a *.templates.json file to preview it. Parameters sent:`,
    ),
    t.parameters.length === 0
      ? h('div', { class: 'param-list muted' }, 'none')
      : h('ol', { class: 'param-list' }, ...t.parameters.map((p, i) => part(h('li', null, h('code', null, `{{${i + 1}}}`), ' = ', p.text), p.pointer))),
    ...(t.headerParameters ?? []).map((p, i) => h('div', { class: 'param-extra' }, `header {{${i + 1}}} = ${p.text}`)),
    ...(t.buttonParameters ?? []).map((b) => h('div', { class: 'param-extra' }, `button ${b.index} (${b.subType}) = ${b.value.text}`)),
  );
}
