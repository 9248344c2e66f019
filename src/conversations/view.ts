/**
 * From the book to what the Conversations view draws: the tabs, and the selected thread's messages
 * with their models (each payload read once by its provider), day separators, failures explained,
 * the quoted message of each reply, and the 24 h window.
 */
import type { MessageModel } from '../core/model';
import type { ConversationsView, InItem, OutItem, ThreadItem, ThreadView } from '../preview/conversation';
import { providerById } from '../providers/registry';
import type { ConversationBook } from './book';
import { explainFailure } from './explain';
import type { InboundMessage, OutgoingMessage, Thread } from './thread';
import { clockWords, windowOf } from './window';

export interface ViewContext {
  /** The thread to show; default the most recent. */
  selected?: string;
  /** The profile whose threads run against the built-in sandbox (answering as the customer works there). */
  sandboxProfile: string;
  /** Now, for a thread (the sandbox's clock for sandbox threads: tests move it). */
  now(thread: Thread): number;
  /** The sandbox's own word on a customer's window, for sandbox threads (null: closed); undefined when not running. */
  sandboxWindow?(customer: string): number | 'always' | null;
  inbox: ConversationsView['inbox'];
}

const models = new WeakMap<OutgoingMessage, MessageModel | null>();

/** The message model of a sent payload, read once per message. */
function modelOf(m: OutgoingMessage): MessageModel | undefined {
  let model = models.get(m);
  if (model === undefined) {
    try {
      model = (m.body === undefined ? undefined : providerById(m.provider)?.toModel(m.body)) ?? null;
    } catch {
      model = null; // a body the provider cannot read: the summary stands in
    }
    models.set(m, model);
  }
  return model ?? undefined;
}

function dayWords(at: number, now: number): string {
  const d = new Date(at);
  const today = new Date(now);
  const yesterday = new Date(now - 86_400_000);
  if (d.toDateString() === today.toDateString()) return 'Today';
  if (d.toDateString() === yesterday.toDateString()) return 'Yesterday';
  return d.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: d.getFullYear() === today.getFullYear() ? undefined : 'numeric' });
}

function quoteOf(t: Thread, id: string | undefined): string | undefined {
  if (!id) return undefined;
  const m = t.messages.find((x) => x.messageId === id);
  if (!m) return 'a message';
  if (m.dir === 'in') return m.text ?? m.reply?.title ?? 'their message';
  const text = modelOf(m)?.text?.text ?? m.summary;
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 90 ? `${flat.slice(0, 89)}\u2026` : flat;
}

function outItem(m: OutgoingMessage, sandbox: boolean): OutItem {
  const failed = m.progress === 'failed' || m.progress === 'not-sent';
  return {
    kind: 'out',
    key: m.key,
    time: clockWords(m.at),
    model: modelOf(m),
    summary: m.summary,
    progress: m.progress,
    messageId: m.messageId,
    ...(failed ? { failure: explainFailure(m.provider, m.error, m.problem) } : {}),
    ...(m.reaction ? { reaction: m.reaction } : {}),
    hasRequest: !!m.exchange?.request,
    hasResponse: !!m.exchange?.response,
    tappable: sandbox && !failed && m.messageId !== null,
    origin: m.origin,
  };
}

function inItem(t: Thread, m: InboundMessage): InItem {
  return {
    kind: 'in',
    key: m.key,
    time: clockWords(m.at),
    messageId: m.messageId,
    ...(m.type !== undefined ? { type: m.type } : {}),
    ...(m.text !== undefined ? { text: m.text } : {}),
    ...(m.reply ? { reply: m.reply } : {}),
    ...(m.context ? { quoted: quoteOf(t, m.context) } : {}),
    ...(m.media ? { media: m.media } : {}),
    ...(m.location ? { location: m.location } : {}),
    markedRead: !!m.markedRead,
    canMarkRead: !!m.messageId && !!providerById(m.provider)?.buildMarkRead,
    hasRequest: !!m.requestId,
  };
}

export function threadView(t: Thread, ctx: ViewContext): ThreadView {
  const now = ctx.now(t);
  const sandbox = t.profile === ctx.sandboxProfile;
  const items: ThreadItem[] = [];
  let day = '';
  for (const m of t.messages) {
    const d = dayWords(m.at, now);
    if (d !== day) items.push({ kind: 'day', text: (day = d) });
    items.push(m.dir === 'out' ? outItem(m, sandbox) : inItem(t, m));
  }
  const sandboxWindow = sandbox && ctx.sandboxWindow ? ctx.sandboxWindow(t.customer) : undefined;
  const provider = providerById(t.provider)?.label ?? t.provider;
  return { key: t.key, title: t.customer, sub: `${t.profile} \u00B7 ${provider}${t.business ? ` \u00B7 from ${t.business}` : ''}`, window: windowOf(t, now, sandboxWindow), sandbox, items };
}

export function conversationsView(book: ConversationBook, ctx: ViewContext): ConversationsView {
  const threads = book.threads();
  const selected = threads.find((t) => t.key === ctx.selected) ?? threads[0];
  return {
    inbox: ctx.inbox,
    tabs: threads.map((t) => ({ key: t.key, title: t.customer, sub: `${t.profile} \u00B7 ${t.provider}`, unseen: t.unseen, selected: t === selected })),
    ...(selected ? { thread: threadView(selected, ctx) } : {}),
  };
}
