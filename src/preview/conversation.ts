/**
 * The Conversations view as one vnode tree: the inbox line, a tab per thread, the selected thread as
 * a phone chat with its 24 h window, and (sandbox threads) a box to answer as the customer. The
 * webview draws it with the preview's DOM backend; nothing in it is HTML from a payload.
 */
import type { TemplateCatalog } from '../core/templates';
import { renderIn, renderOut, type ThreadItem } from './conversation-items';
import { icon } from './icons';
import { h, type VElement, type VNode } from './vnode';

export type { ThreadItem, OutItem, InItem, DayItem, Progress, FailureView } from './conversation-items';

export interface ThreadTab {
  key: string;
  title: string;
  sub: string;
  unseen: number;
  selected: boolean;
}

export interface WindowView {
  state: 'open' | 'closed' | 'always' | 'none';
  words: string;
}

export interface ThreadView {
  key: string;
  /** The customer. */
  title: string;
  /** Profile and provider. */
  sub: string;
  window: WindowView;
  /** A sandbox thread: the user may answer as the customer. */
  sandbox: boolean;
  items: ThreadItem[];
}

export interface ConversationsView {
  inbox: { state: 'listening' | 'stopped' | 'error'; text: string };
  tabs: ThreadTab[];
  thread?: ThreadView;
}

export const MAX_CUSTOMER_TEXT = 4096;

function inboxBar(v: ConversationsView): VElement {
  return h(
    'div',
    { class: `inbox-bar inbox-${v.inbox.state}`, role: 'status', 'aria-live': 'polite' },
    h('span', { class: 'inbox-dot', 'aria-hidden': 'true' }),
    h('span', { class: 'inbox-text' }, v.inbox.text),
  );
}

function tabs(v: ConversationsView): VElement | undefined {
  if (v.tabs.length < 2) return undefined;
  return h(
    'div',
    { class: 'thread-tabs', role: 'tablist' },
    ...v.tabs.map((t) =>
      h(
        'button',
        { class: `thread-tab${t.selected ? ' selected' : ''}`, type: 'button', role: 'tab', 'data-action': 'select', 'data-key': t.key, title: t.sub },
        h('span', { class: 'tab-title' }, t.title),
        t.unseen > 0 && !t.selected ? h('span', { class: 'tab-unseen', 'aria-label': `${t.unseen} new` }, String(t.unseen)) : undefined,
        h('small', { class: 'tab-sub' }, t.sub),
      ),
    ),
  );
}

function windowBanner(w: WindowView): VElement | undefined {
  if (w.state === 'none') return undefined;
  return h('div', { class: `window-banner window-${w.state}` }, h('span', { class: 'window-label' }, '24 h window: '), w.words);
}

function composer(t: ThreadView): VElement {
  return h(
    'div',
    { class: 'composer' },
    h('div', { class: 'composer-label' }, 'Answer as the customer (sandbox): type a message, or tap a reply button above.'),
    h(
      'div',
      { class: 'composer-row' },
      h('input', {
        class: 'composer-input',
        type: 'text',
        'data-field': 'text',
        'data-key': t.key,
        placeholder: `Message from ${t.title}`,
        maxlength: String(MAX_CUSTOMER_TEXT),
        'aria-label': `Message from ${t.title}`,
      }),
      h('button', { class: 'composer-send', type: 'button', 'data-action': 'type', 'data-key': t.key }, 'Send as Customer'),
    ),
  );
}

function item(i: ThreadItem, templates: TemplateCatalog | undefined): VNode[] {
  if (i.kind === 'day') return [h('div', { class: 'day' }, i.text)];
  return i.kind === 'out' ? renderOut(i, { templates }) : renderIn(i);
}

function thread(t: ThreadView, templates: TemplateCatalog | undefined): VElement {
  const chat = t.items.length > 0 ? t.items.flatMap((i) => item(i, templates)) : [h('div', { class: 'empty-state' }, 'Nothing in this conversation yet.')];
  return h(
    'div',
    { class: 'phone channel-whatsapp thread', 'data-kind': 'conversation', 'data-key': t.key },
    h(
      'div',
      { class: 'phone-top' },
      h('div', { class: 'avatar', 'aria-hidden': 'true' }, icon('contact')),
      h('div', { class: 'contact' }, h('div', { class: 'contact-name' }, t.title), h('small', { class: 'contact-sub' }, t.sub)),
    ),
    windowBanner(t.window),
    h('div', { class: 'chat' }, ...chat),
    t.sandbox ? composer(t) : undefined,
  );
}

const EMPTY =
  'No conversation yet. Send a payload file (Message Workbench: Send Message) to the Sandbox profile: the message appears here, its ticks move as the status webhooks arrive, and you can answer as the customer.';

export function renderConversations(v: ConversationsView, options: { templates?: TemplateCatalog } = {}): VElement {
  return h(
    'div',
    { class: 'conversations' },
    inboxBar(v),
    tabs(v),
    v.thread ? thread(v.thread, options.templates) : h('div', { class: 'phone thread phone-empty' }, h('div', { class: 'empty-state' }, EMPTY)),
  );
}
