/**
 * A tiny virtual node tree: the renderer's output, shared by three backends (HTML string, text
 * view, webview DOM). Plain data, so it crosses the webview's postMessage boundary as is.
 * Only tags and attributes from the allow-lists below may appear; backends re-check them, so a
 * tree that arrives from elsewhere can never introduce a script or an event handler.
 */
export interface VElement {
  tag: string;
  attrs?: Record<string, string>;
  children?: VNode[];
}
export type VNode = VElement | string;

export const ALLOWED_TAGS: ReadonlySet<string> = new Set([
  'div',
  'span',
  'p',
  'strong',
  'em',
  's',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'button',
  'a',
  'img',
  'br',
  'small',
  'header',
  'footer',
  'section',
  'h1',
  'h2',
  'h3',
  'time',
  'svg',
  'path',
  'input',
]);

/** Inline SVG icons (preview/icons.ts): the DOM backend creates these in the SVG namespace. */
export const SVG_TAGS: ReadonlySet<string> = new Set(['svg', 'path']);

/** `href` is never emitted as a live link target; URLs go in `data-url` and are shown as text. */
export const ALLOWED_ATTRS: ReadonlySet<string> = new Set([
  'class',
  'title',
  'data-kind',
  'data-url',
  'data-start',
  'data-end',
  'data-index',
  'start',
  'value',
  'src',
  'alt',
  'role',
  'aria-label',
  'aria-hidden',
  'tabindex',
  'type',
  // The conversation view's controls: what a click asks the host to do, and about which message (never a URL or script).
  'data-action',
  'data-key',
  'data-field',
  'placeholder',
  'maxlength',
  'aria-live',
]);

export function isAllowedAttr(tag: string, name: string): boolean {
  if (name === 'src') return tag === 'img';
  // Geometry only: no href, no style, no event handlers on SVG either.
  if (name === 'viewBox') return tag === 'svg';
  if (name === 'd') return tag === 'path';
  return ALLOWED_ATTRS.has(name);
}

/** Build an element; falsy children are dropped so callers can write `cond && h(...)`. */
export function h(tag: string, attrs?: Record<string, string | undefined> | null, ...children: (VNode | VNode[] | undefined | null | false)[]): VElement {
  const el: VElement = { tag };
  if (attrs) {
    const clean: Record<string, string> = {};
    for (const [k, v] of Object.entries(attrs)) if (v !== undefined) clean[k] = v;
    if (Object.keys(clean).length > 0) el.attrs = clean;
  }
  const kids: VNode[] = [];
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    if (Array.isArray(c)) kids.push(...c);
    else kids.push(c);
  }
  if (kids.length > 0) el.children = kids;
  return el;
}

/** The concatenated text of a tree (tests and the text backend use it). */
export function textOf(node: VNode | VNode[]): string {
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (typeof node === 'string') return node;
  return (node.children ?? []).map(textOf).join('');
}

/** Every element of a tree, depth first (tests use it to find by class). */
export function* walk(node: VNode): Generator<VElement> {
  if (typeof node === 'string') return;
  yield node;
  for (const c of node.children ?? []) yield* walk(c);
}

export function hasClass(el: VElement, cls: string): boolean {
  return (el.attrs?.class ?? '').split(/\s+/).includes(cls);
}

export function findByClass(node: VNode, cls: string): VElement[] {
  return [...walk(node)].filter((e) => hasClass(e, cls));
}
