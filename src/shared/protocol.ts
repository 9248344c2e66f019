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
