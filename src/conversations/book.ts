/**
 * Every conversation the editor knows, kept bounded: sends go in as they are made (Send, re-send,
 * bulk), and each webhook the inbox accepts moves them on: a status moves a message's ticks (never
 * backwards: providers may post `delivered` after `read`), a customer's message joins its thread.
 * Pure (no I/O, no clock): the extension saves `toJSON()` and gives `fromJSON` what it saved.
 */
import { compact, type WebhookEvent } from '../core/webhook-event';
import { ticksOf } from '../preview/webhook';
import { customerOf, threadKey, type Exchange, type InboundMessage, type OutgoingMessage, type Progress, type Thread, type ThreadMessage } from './thread';

export const MAX_THREADS = 100;
export const MAX_MESSAGES_PER_THREAD = 300;
/** A payload larger than this is not kept with its message (its summary is). */
export const MAX_KEPT_BODY_CHARS = 32 * 1024;
/** Request and response bodies are cut to this for Show Request / Show Response. */
export const MAX_EXCHANGE_CHARS = 32 * 1024;

/** A send, as the editor (or a bulk run) reports it. */
export interface SendRecord {
  profile: string;
  provider: string;
  /** The recipient as sent. */
  to: string;
  /** The business sender, when the payload names one (Vonage `from`). */
  from?: string;
  channel?: string;
  /** Null when the API did not accept it. */
  messageId: string | null;
  at: number;
  file?: string;
  /** The payload as sent, secrets already replaced. */
  body?: unknown;
  summary: string;
  problem?: string | null;
  /** The provider's error code for a refused send. */
  errorCode?: string;
  exchange?: Exchange;
  origin?: OutgoingMessage['origin'];
}

/** A webhook request the inbox accepted: its id, provider, when it came and what it says. */
export interface ReceivedWebhook {
  id: string;
  provider: string | null;
  receivedAt: string;
  events: readonly WebhookEvent[];
}

const indexKey = (profile: string, messageId: string) => `${profile}\u0000${messageId}`;

const RANK: Record<Progress, number> = { 'not-sent': -1, pending: 0, sent: 1, delivered: 2, read: 3, failed: 4 };

function clip(text: string | undefined, max = MAX_EXCHANGE_CHARS): string | undefined {
  return text === undefined || text.length <= max ? text : `${text.slice(0, max)}\u2026 (${text.length - max} more characters not kept)`;
}

function keptBody(body: unknown): unknown {
  if (body === undefined) return undefined;
  const json = JSON.stringify(body);
  return json !== undefined && json.length <= MAX_KEPT_BODY_CHARS ? body : undefined;
}

function keptExchange(e: Exchange | undefined): Exchange | undefined {
  if (!e) return undefined;
  return {
    ...(e.request ? { request: { ...e.request, body: clip(e.request.body) } } : {}),
    ...(e.response ? { response: { ...e.response, body: clip(e.response.body) ?? '' } } : {}),
  };
}

function timeOf(iso: string | undefined, fallback: number): number {
  const t = iso === undefined ? NaN : Date.parse(iso);
  return Number.isFinite(t) ? t : fallback;
}

export class ConversationBook {
  private readonly byKey = new Map<string, Thread>();
  /** Profile + message id -> thread key, for statuses (the same id may reach two profiles' inboxes). */
  private readonly byMessage = new Map<string, string>();
  private localIds = 0;

  /** The threads, most recently active first. */
  threads(): Thread[] {
    return [...this.byKey.values()].sort((a, b) => b.updatedAt - a.updatedAt);
  }

  thread(key: string): Thread | undefined {
    return this.byKey.get(key);
  }

  /** The thread a message (ours or the customer's) is in: of `profile`, else of any profile. */
  threadOfMessage(messageId: string, profile?: string): Thread | undefined {
    if (profile !== undefined) {
      const key = this.byMessage.get(indexKey(profile, messageId));
      return key === undefined ? undefined : this.byKey.get(key);
    }
    return this.threads().find((t) => this.byMessage.get(indexKey(t.profile, messageId)) === t.key);
  }

  message(messageId: string, profile?: string): { thread: Thread; message: ThreadMessage } | undefined {
    const thread = this.threadOfMessage(messageId, profile);
    const message = thread?.messages.find((m) => m.messageId === messageId);
    return thread && message ? { thread, message } : undefined;
  }

  /** Every thread's unseen count, summed (the status bar's "N new"). */
  unseen(): number {
    let n = 0;
    for (const t of this.byKey.values()) n += t.unseen;
    return n;
  }

  markSeen(key?: string): void {
    for (const t of this.byKey.values()) if (key === undefined || t.key === key) t.unseen = 0;
  }

  private ensureThread(profile: string, customer: string, provider: string, at: number): Thread {
    const key = threadKey(profile, customer);
    let t = this.byKey.get(key);
    if (!t) {
      t = { key, profile, customer: customerOf(customer), provider, messages: [], updatedAt: at, unseen: 0 };
      this.byKey.set(key, t);
      this.pruneThreads();
    }
    return t;
  }

  private pruneThreads(): void {
    if (this.byKey.size <= MAX_THREADS) return;
    const oldest = [...this.byKey.values()].sort((a, b) => a.updatedAt - b.updatedAt).slice(0, this.byKey.size - MAX_THREADS);
    for (const t of oldest) this.drop(t);
  }

  private drop(t: Thread): void {
    this.byKey.delete(t.key);
    for (const m of t.messages) this.unindex(t, m);
  }

  private index(t: Thread, m: ThreadMessage | { messageId: string }): void {
    if (m.messageId) this.byMessage.set(indexKey(t.profile, m.messageId), t.key);
  }

  private unindex(t: Thread, m: ThreadMessage): void {
    if (m.messageId && this.byMessage.get(indexKey(t.profile, m.messageId)) === t.key) this.byMessage.delete(indexKey(t.profile, m.messageId));
  }

  /** Adds a message in time order (usually at the end), keeping the newest MAX_MESSAGES_PER_THREAD. */
  private insert(t: Thread, m: ThreadMessage): void {
    let i = t.messages.length;
    while (i > 0 && t.messages[i - 1].at > m.at) i--;
    t.messages.splice(i, 0, m);
    this.index(t, m);
    while (t.messages.length > MAX_MESSAGES_PER_THREAD) this.unindex(t, t.messages.shift()!);
    t.updatedAt = Math.max(t.updatedAt, m.at);
  }

  /** A send from the editor or a bulk run; returns its thread and message. */
  recordSend(s: SendRecord): { thread: Thread; message: OutgoingMessage } {
    const t = this.ensureThread(s.profile, s.to, s.provider, s.at);
    t.provider = s.provider;
    if (s.from) t.business = s.from;
    if (s.channel) t.channel = s.channel;
    const existing = s.messageId ? this.message(s.messageId, s.profile) : undefined;
    // Statuses can beat the send's own answer here (the sandbox posts them at once): adopt the placeholder.
    if (existing && existing.message.dir === 'out' && existing.thread === t) {
      Object.assign(
        existing.message,
        compact({ file: s.file, body: keptBody(s.body), summary: s.summary, exchange: keptExchange(s.exchange), origin: s.origin ?? 'editor', at: Math.min(existing.message.at, s.at) }),
      );
      t.updatedAt = Math.max(t.updatedAt, s.at);
      return { thread: t, message: existing.message };
    }
    const message: OutgoingMessage = compact({
      dir: 'out',
      key: s.messageId ?? `local-${s.at}-${++this.localIds}`,
      messageId: s.messageId,
      provider: s.provider,
      at: s.at,
      file: s.file,
      body: keptBody(s.body),
      summary: s.summary,
      progress: s.messageId ? 'pending' : 'not-sent',
      statuses: [],
      ...(s.messageId ? {} : { problem: s.problem ?? 'The API did not accept the message.', ...(s.errorCode ? { error: { code: s.errorCode } } : {}) }),
      exchange: keptExchange(s.exchange),
      origin: s.origin ?? 'editor',
    } satisfies OutgoingMessage);
    this.insert(t, message);
    return { thread: t, message };
  }

  /**
   * A webhook the inbox accepted, for `profile`'s inbox. Returns the keys of the threads it changed
   * (none for a repeat: providers retry, and `listen replay` resends).
   */
  apply(profile: string, request: ReceivedWebhook): string[] {
    const changed = new Set<string>();
    const arrived = timeOf(request.receivedAt, 0);
    for (const e of request.events) {
      // Providers stamp whole seconds: within a second of arrival, the arrival orders it against our sends.
      const stamped = timeOf(e.timestamp, arrived);
      const at = arrived && Math.abs(arrived - stamped) < 1000 ? arrived : stamped;
      const provider = request.provider ?? 'unknown';
      const key = e.kind === 'status' ? this.applyStatus(profile, provider, e, at) : e.kind === 'message' ? this.applyMessage(profile, provider, e, at, request.id) : undefined;
      if (key) changed.add(key);
    }
    return [...changed];
  }

  private applyStatus(profile: string, provider: string, e: WebhookEvent, at: number): string | undefined {
    if (!e.messageId) return undefined;
    let found = this.message(e.messageId, profile);
    if (!found) {
      // A status for a message the editor did not send (another tool, or before this window): shown as such.
      if (!e.to) return undefined;
      const t = this.ensureThread(profile, e.to, provider, at);
      const message: OutgoingMessage = {
        dir: 'out',
        key: e.messageId,
        messageId: e.messageId,
        provider,
        at,
        summary: 'a message sent outside the editor',
        progress: 'pending',
        statuses: [],
        origin: 'elsewhere',
      };
      this.insert(t, message);
      found = { thread: t, message };
    }
    const { thread, message } = found;
    if (message.dir !== 'out' || !e.status) return undefined;
    if (message.statuses.some((s) => s.status === e.status)) return undefined;
    message.statuses.push({ status: e.status, at });
    const next = ticksOf(e.status);
    if (RANK[next] > RANK[message.progress]) message.progress = next;
    if (next === 'failed' && (e.errorCode !== undefined || e.errorTitle)) message.error = { code: e.errorCode === undefined ? undefined : String(e.errorCode), title: e.errorTitle };
    if (e.from && !thread.business) thread.business = e.from;
    thread.updatedAt = Math.max(thread.updatedAt, at);
    thread.unseen++;
    return thread.key;
  }

  private applyMessage(profile: string, provider: string, e: WebhookEvent, at: number, requestId: string): string | undefined {
    if (!e.from) return undefined;
    if (e.messageId && this.byMessage.has(indexKey(profile, e.messageId))) return undefined;
    const t = this.ensureThread(profile, e.from, provider, at);
    if (e.reaction && e.context) {
      const target = t.messages.find((m) => m.dir === 'out' && m.messageId === e.context) as OutgoingMessage | undefined;
      if (target) {
        target.reaction = e.reaction.emoji;
        this.index(t, { messageId: e.messageId });
        t.updatedAt = Math.max(t.updatedAt, at);
        t.unseen++;
        return t.key;
      }
    }
    const message: InboundMessage = {
      dir: 'in',
      key: e.messageId || `in-${at}-${++this.localIds}`,
      messageId: e.messageId,
      provider,
      at,
      ...(e.type !== undefined ? { type: e.type } : {}),
      ...(e.text !== undefined ? { text: e.text } : {}),
      ...(e.reply ? { reply: e.reply } : {}),
      ...(e.context ? { context: e.context } : {}),
      ...(e.media ? { media: e.media } : {}),
      ...(e.location ? { location: e.location } : {}),
      requestId,
    };
    this.insert(t, message);
    if (e.to) t.business = e.to;
    t.provider = provider;
    t.lastInboundAt = Math.max(t.lastInboundAt ?? 0, at);
    t.unseen++;
    return t.key;
  }

  /** Marks a customer's message as read (the editor's Mark as Read succeeded). */
  markRead(messageId: string, profile: string): Thread | undefined {
    const found = this.message(messageId, profile);
    if (!found || found.message.dir !== 'in') return undefined;
    found.message.markedRead = true;
    return found.thread;
  }

  toJSON(): { version: 1; threads: Thread[] } {
    return { version: 1, threads: this.threads() };
  }

  /** A book from what `toJSON` gave; anything malformed is left out rather than trusted. */
  static fromJSON(value: unknown): ConversationBook {
    const book = new ConversationBook();
    const threads = (value as { threads?: unknown } | null)?.threads;
    if (!Array.isArray(threads)) return book;
    for (const raw of threads.slice(0, MAX_THREADS)) {
      const t = raw as Partial<Thread>;
      if (typeof t?.profile !== 'string' || typeof t.customer !== 'string' || typeof t.provider !== 'string' || !Array.isArray(t.messages)) continue;
      const messages = t.messages
        .filter((m): m is ThreadMessage => !!m && (m.dir === 'in' || m.dir === 'out') && typeof m.key === 'string' && typeof m.at === 'number')
        .slice(-MAX_MESSAGES_PER_THREAD);
      for (const m of messages) if (m.dir === 'out' && !Array.isArray(m.statuses)) m.statuses = [];
      const thread: Thread = {
        ...(t as Thread),
        key: threadKey(t.profile, t.customer),
        messages,
        unseen: typeof t.unseen === 'number' ? t.unseen : 0,
        updatedAt: typeof t.updatedAt === 'number' ? t.updatedAt : 0,
      };
      book.byKey.set(thread.key, thread);
      for (const m of messages) book.index(thread, m);
    }
    return book;
  }
}
