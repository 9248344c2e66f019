/**
 * The preview webview's protocol: every message either side may post, as a zod schema that the
 * receiver checks before acting. The page posts `ready` once it listens; only then does the host
 * post `state`. Payload text travels as data inside the vnode tree, never as HTML.
 * zod/mini: the same checks at a fraction of the webview bundle's size and load time.
 */
import * as z from 'zod/mini';
import { ALLOWED_TAGS, isAllowedAttr, type VElement, type VNode } from '../preview/vnode';

const MAX_TEXT = 1 << 20;

const text = (max: number) => z.string().check(z.maxLength(max));
const count = () => z.int().check(z.nonnegative());

const vElement: z.ZodMiniType<VElement> = z.lazy(() =>
  z
    .strictObject({
      tag: z.string().check(z.refine((t) => ALLOWED_TAGS.has(t), 'tag not allowed')),
      attrs: z.optional(z.record(z.string(), text(MAX_TEXT))),
      children: z.optional(z.array(vNode)),
    })
    .check(z.refine((e) => Object.keys(e.attrs ?? {}).every((k) => isAllowedAttr(e.tag, k)), 'attribute not allowed')),
);
export const vNode: z.ZodMiniType<VNode> = z.lazy(() => z.union([text(MAX_TEXT), vElement]));

// ---- host -> webview ----
export const stateMessage = z.strictObject({
  type: z.literal('state'),
  /** Increases with every update, so the page can drop a stale one. */
  seq: count(),
  /** The document's URI: the page sends it back with `reveal`. */
  uri: z.string(),
  fileName: z.string(),
  tree: vElement,
  /** When the host started handling the edit (ms since epoch), for the end-to-end latency probe. */
  editedAt: z.optional(z.number()),
});
export const emptyMessage = z.strictObject({
  type: z.literal('empty'),
  reason: text(1000),
});
export const hostMessage = z.discriminatedUnion('type', [stateMessage, emptyMessage]);
export type HostMessage = z.infer<typeof hostMessage>;
export type StateMessage = z.infer<typeof stateMessage>;

// ---- webview -> host ----
export const readyMessage = z.strictObject({ type: z.literal('ready') });
export const revealMessage = z.strictObject({
  type: z.literal('reveal'),
  uri: z.string(),
  start: count(),
  end: count(),
});
/** The page reports how long an update took from edit to painted DOM (the < 50 ms budget). */
export const renderedMessage = z.strictObject({
  type: z.literal('rendered'),
  seq: count(),
  domMs: z.number().check(z.nonnegative()),
  totalMs: z.optional(z.number()),
});
export const webviewMessage = z.discriminatedUnion('type', [readyMessage, revealMessage, renderedMessage]);
export type WebviewMessage = z.infer<typeof webviewMessage>;

/** Check a received message; undefined (and nothing else happens) when it does not match. */
export function parseHostMessage(data: unknown): HostMessage | undefined {
  const r = hostMessage.safeParse(data);
  return r.success ? r.data : undefined;
}

export function parseWebviewMessage(data: unknown): WebviewMessage | undefined {
  const r = webviewMessage.safeParse(data);
  return r.success ? r.data : undefined;
}

/** What the page keeps across hide/show and reloads (vscode.setState). */
export const persistedState = z.strictObject({ uri: z.string(), fileName: z.string(), tree: vElement, seq: z.number() });

// ---- the Conversations page (src/webview/conversations.ts) ----
/** Host -> page: the whole view, redrawn on every change. */
export const conversationsStateMessage = z.strictObject({
  type: z.literal('conversations'),
  seq: count(),
  tree: vElement,
  /** When the webhook that caused this update reached the inbox (ms since epoch), for the status-to-painted probe. */
  statusAt: z.optional(z.number()),
});
export const conversationsHostMessage = z.discriminatedUnion('type', [conversationsStateMessage]);
export type ConversationsHostMessage = z.infer<typeof conversationsHostMessage>;

/** What a click in the view asks for; `key` names a thread or a message, never a URL or a file. */
export const CONVERSATION_ACTIONS = ['select', 'tap', 'pick', 'type', 'mark-read', 'reply', 'copy', 'request', 'response', 'template'] as const;
export const conversationActionMessage = z.strictObject({
  type: z.literal('action'),
  action: z.enum(CONVERSATION_ACTIONS),
  key: text(1024),
  /** The button or list row tapped. */
  index: z.optional(count()),
  /** What the customer typed. */
  text: z.optional(z.string().check(z.minLength(1), z.maxLength(4096))),
});
export type ConversationAction = z.infer<typeof conversationActionMessage>;
export const conversationsPageMessage = z.discriminatedUnion('type', [readyMessage, renderedMessage, conversationActionMessage]);
export type ConversationsPageMessage = z.infer<typeof conversationsPageMessage>;

export function parseConversationsHostMessage(data: unknown): ConversationsHostMessage | undefined {
  const r = conversationsHostMessage.safeParse(data);
  return r.success ? r.data : undefined;
}

export function parseConversationsPageMessage(data: unknown): ConversationsPageMessage | undefined {
  const r = conversationsPageMessage.safeParse(data);
  return r.success ? r.data : undefined;
}

/** What the Conversations page keeps across hide/show and reloads. */
export const conversationsPersisted = z.strictObject({ tree: vElement, seq: z.number() });
