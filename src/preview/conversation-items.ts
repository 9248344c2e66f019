/**
 * The bubbles of a conversation, as the business sees the chat: our messages on the right, drawn by
 * the same renderer as the preview, with the ticks their statuses earned; the customer's on the
 * left as their phone sent them (text, media placeholders, locations, tapped replies quoting the
 * message they answer). Controls are plain elements with `data-action`: the page posts the action
 * and the message's key, and the host decides what it means.
 */
import type { MediaType, MessageModel } from '../core/model';
import type { TemplateCatalog } from '../core/templates';
import { icon } from './icons';
import { plainLines, renderBody } from './message-text';
import { MEDIA_ICON, MEDIA_LABEL, renderLocation, renderMessage } from './render';
import { h, hasClass, walk, type VElement, type VNode } from './vnode';
import { TICK_TEXT, TICK_WORDS, type Ticks } from './webhook';

/** How far a sent message got: the phone's ticks, or `not-sent` when the API refused it. */
export type Progress = Ticks | 'not-sent';

export interface FailureView {
  code?: string;
  title: string;
  meaning?: string;
  advice?: string;
  windowClosed: boolean;
}

export interface OutItem {
  kind: 'out';
  key: string;
  /** "14:32". */
  time: string;
  model?: MessageModel;
  summary: string;
  progress: Progress;
  messageId: string | null;
  failure?: FailureView;
  reaction?: string;
  /** What the page may offer: the raw exchange, and tapping as the customer (sandbox). */
  hasRequest: boolean;
  hasResponse: boolean;
  tappable: boolean;
  origin: 'editor' | 'bulk' | 'elsewhere';
}

export interface InItem {
  kind: 'in';
  key: string;
  time: string;
  messageId: string;
  type?: string;
  text?: string;
  reply?: { id: string; title: string };
  /** The words of our message this answers (its summary), when known. */
  quoted?: string;
  media?: { kind: MediaType; caption?: string; filename?: string; mime?: string };
  location?: { latitude?: number; longitude?: number; name?: string; address?: string };
  markedRead: boolean;
  canMarkRead: boolean;
  hasRequest: boolean;
}

export interface DayItem {
  kind: 'day';
  text: string;
}

export type ThreadItem = OutItem | InItem | DayItem;

export interface ItemOptions {
  templates?: TemplateCatalog;
}

const PROGRESS_WORDS: Record<Progress, string> = { ...TICK_WORDS, 'not-sent': 'not sent' };
const PROGRESS_TEXT: Record<Progress, string> = { ...TICK_TEXT, 'not-sent': '!' };

const act = (action: string, key: string, label: string, title?: string, index?: number): VElement =>
  h('button', { class: `msg-action action-${action}`, type: 'button', 'data-action': action, 'data-key': key, ...(index !== undefined ? { 'data-index': String(index) } : {}), title }, label);

function ticks(progress: Progress): VElement {
  return h('span', { class: `ticks ticks-${progress}`, title: PROGRESS_WORDS[progress], 'aria-label': PROGRESS_WORDS[progress] }, PROGRESS_TEXT[progress]);
}

/** The preview's bubble(s) for a message, turned to our side of the chat, with ticks and (sandbox) tappable replies. */
function sentBubbles(item: OutItem, options: ItemOptions): VNode[] {
  const model = item.model;
  const meta = () => h('span', { class: 'meta' }, h('time', null, item.time), ' ', ticks(item.progress));
  if (!model || model.kind === 'mark-read') {
    const text = model?.kind === 'mark-read' ? 'Marked a message as read' : item.summary;
    return [h('div', { class: 'message sent' }, h('div', { class: 'bubble outgoing' }, h('div', { class: 'body muted' }, h('p', null, text)), meta()))];
  }
  if (model.channel === 'sms' || (model.channel === 'mms' && model.kind === 'text')) {
    return [h('div', { class: 'message sent' }, h('div', { class: 'bubble outgoing sms-bubble' }, h('div', { class: 'body' }, ...plainLines(model.text?.text ?? '')), meta()))];
  }
  const nodes = renderMessage(model, { templates: options.templates, time: item.time });
  const rows = model.list?.sections.flatMap((s) => s.rows) ?? [];
  let row = 0;
  for (const node of nodes) {
    for (const el of walk(node)) {
      if (hasClass(el, 'incoming')) el.attrs!.class = el.attrs!.class.replace(/\bincoming\b/, 'outgoing');
      if (hasClass(el, 'message')) el.attrs!.class += ' sent';
      if (hasClass(el, 'bubble') && hasClass(el, 'outgoing')) {
        const old = el.children?.findIndex((c) => typeof c !== 'string' && hasClass(c, 'meta')) ?? -1;
        if (old >= 0) el.children!.splice(old, 1, meta());
      }
      if (!item.tappable) continue;
      // Answering as the customer: a reply button sends its id and title back, a list row its own.
      if (hasClass(el, 'action-reply') && el.attrs?.['data-index'] !== undefined) {
        const i = Number(el.attrs['data-index']);
        if (model.buttons?.[i]?.id) Object.assign(el, { tag: 'button', attrs: { ...el.attrs, type: 'button', 'data-action': 'tap', 'data-key': item.key, title: 'Tap as the customer' } });
      }
      if (hasClass(el, 'list-row')) {
        const i = row++;
        if (rows[i])
          Object.assign(el, { tag: 'button', attrs: { class: el.attrs!.class, type: 'button', 'data-action': 'pick', 'data-key': item.key, 'data-index': String(i), title: 'Pick as the customer' } });
      }
    }
  }
  if (item.reaction) nodes.push(h('span', { class: 'reaction sent-reaction', title: 'The customer reacted' }, item.reaction));
  return nodes;
}

function failure(item: OutItem): VElement | undefined {
  const f = item.failure;
  if (!f) return undefined;
  const head = `${item.progress === 'not-sent' ? 'Not sent' : 'Failed'}${f.code ? ` (${f.code})` : ''}: ${f.title}`;
  return h(
    'div',
    { class: 'failure', role: 'note' },
    h('div', { class: 'failure-title' }, head),
    f.meaning ? h('div', { class: 'failure-meaning' }, f.meaning) : undefined,
    f.advice ? h('div', { class: 'failure-advice' }, `What to do: ${f.advice}`) : undefined,
    f.windowClosed ? act('template', item.key, 'Create a Template Message', 'A new payload file with an approved template for this customer') : undefined,
  );
}

export function renderOut(item: OutItem, options: ItemOptions = {}): VNode[] {
  const actions: VElement[] = [];
  if (item.messageId) actions.push(act('copy', item.key, 'Copy ID', item.messageId));
  if (item.hasRequest) actions.push(act('request', item.key, 'Request'));
  if (item.hasResponse) actions.push(act('response', item.key, 'Response'));
  const origin = item.origin === 'elsewhere' ? h('div', { class: 'msg-origin' }, 'sent outside the editor') : item.origin === 'bulk' ? h('div', { class: 'msg-origin' }, 'bulk send') : undefined;
  return [...sentBubbles(item, options), failure(item), h('div', { class: 'msg-actions sent' }, origin, ...actions)].filter((n): n is VNode => n !== undefined);
}

function inboundParts(item: InItem): VNode[] {
  const parts: VNode[] = [];
  if (item.media) {
    const kind = item.media.kind;
    parts.push(
      h(
        'div',
        { class: `media media-${kind}` },
        h('div', { class: 'media-icon', 'aria-hidden': 'true' }, icon(MEDIA_ICON[kind])),
        h(
          'div',
          { class: 'media-info' },
          h('div', { class: 'media-label' }, item.media.filename ? `${MEDIA_LABEL[kind]}: ${item.media.filename}` : MEDIA_LABEL[kind]),
          h('small', { class: 'media-src' }, item.media.mime ? `${item.media.mime}, from the customer (not downloaded)` : 'from the customer (not downloaded)'),
        ),
      ),
    );
    if (item.media.caption) parts.push(h('div', { class: 'body' }, ...renderBody(item.media.caption)));
    return parts;
  }
  const l = item.location;
  if (l?.latitude !== undefined && l.longitude !== undefined) return [renderLocation({ latitude: l.latitude, longitude: l.longitude, name: l.name, address: l.address, pointer: '' })];
  if (item.reply) {
    parts.push(h('div', { class: 'body' }, h('p', null, item.reply.title)));
    parts.push(h('small', { class: 'reply-id' }, `${item.type === 'button' ? 'template button' : 'tapped'} \u00B7 id ${item.reply.id}`));
    return parts;
  }
  if (item.text !== undefined) parts.push(h('div', { class: 'body' }, ...renderBody(item.text)));
  else parts.push(h('div', { class: 'body muted' }, h('p', null, `A ${item.type ?? 'message'} the view cannot draw`)));
  return parts;
}

export function renderIn(item: InItem): VNode[] {
  const quote = item.quoted !== undefined ? h('div', { class: 'quoted' }, h('div', { class: 'quoted-who' }, 'You'), h('div', { class: 'quoted-text' }, item.quoted)) : undefined;
  const read = item.markedRead ? h('span', { class: 'ticks ticks-read', title: 'marked as read', 'aria-label': 'marked as read' }, TICK_TEXT.read) : undefined;
  const bubble = h('div', { class: 'bubble incoming customer' }, quote, ...inboundParts(item), h('span', { class: 'meta' }, h('time', null, item.time), read ? ' ' : undefined, read));
  const actions: VElement[] = [];
  if (item.canMarkRead && !item.markedRead) actions.push(act('mark-read', item.key, 'Mark as Read', "Send the provider's mark-as-read for this message id"));
  actions.push(act('reply', item.key, 'Reply', 'A new payload file answering this message'));
  if (item.messageId) actions.push(act('copy', item.key, 'Copy ID', item.messageId));
  if (item.hasRequest) actions.push(act('request', item.key, 'Webhook'));
  return [h('div', { class: 'message received' }, bubble), h('div', { class: 'msg-actions' }, ...actions)];
}
