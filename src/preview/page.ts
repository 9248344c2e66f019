/**
 * HTML backend: serialize a vnode tree, escaping every text and attribute value, and build the
 * self-contained page of `mwb preview --html` (same CSS as the webview, inlined under a CSP hash).
 */
import { createHash } from 'node:crypto';
import { ALLOWED_TAGS, isAllowedAttr, type VNode } from './vnode';

const VOID = new Set(['br', 'img', 'input']);

export function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

export function escapeAttr(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** Tags or attributes outside the allow-lists are dropped (their text kept), never emitted. */
export function toHtml(node: VNode | VNode[]): string {
  if (Array.isArray(node)) return node.map(toHtml).join('');
  if (typeof node === 'string') return escapeText(node);
  const children = (node.children ?? []).map(toHtml).join('');
  if (!ALLOWED_TAGS.has(node.tag)) return children;
  let attrs = '';
  for (const [k, v] of Object.entries(node.attrs ?? {})) if (isAllowedAttr(node.tag, k) && safeAttrValue(k, v)) attrs += ` ${k}="${escapeAttr(v)}"`;
  return VOID.has(node.tag) ? `<${node.tag}${attrs}>` : `<${node.tag}${attrs}>${children}</${node.tag}>`;
}

function safeAttrValue(name: string, value: string): boolean {
  return name !== 'src' || /^https:\/\//i.test(value);
}

export interface PageOptions {
  title: string;
  css: string;
  /** Allow https images (the user turned remote media on). */
  remoteImages?: boolean;
}

/** A complete page; the only active content is the inlined stylesheet, allowed by its hash. */
export function toPage(body: VNode | VNode[], options: PageOptions): string {
  // A `<` in the CSS could end the style element early; our CSS never needs one, so escape it.
  const css = options.css.replace(/</g, '\\3c ');
  const hash = createHash('sha256').update(css, 'utf8').digest('base64');
  const csp = `default-src 'none'; style-src 'sha256-${hash}'; img-src ${options.remoteImages ? 'https:' : "'none'"}; base-uri 'none'; form-action 'none'`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<title>${escapeText(options.title)}</title>`,
    `<style>${css}</style>`,
    '</head>',
    `<body class="standalone">${toHtml(body)}</body>`,
    '</html>',
    '',
  ].join('\n');
}
