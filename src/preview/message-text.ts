/**
 * WhatsApp message text -> vnodes, from core/format's blocks (the same tokenizer the lint and
 * formatToHtml use), so the preview shows markers exactly where the app would.
 */
import { parseFormatting, type FBlock, type FInline } from '../core/format';
import { h, type VElement, type VNode } from './vnode';

/**
 * The most characters of one text the preview draws. Far above every channel's real limit (the
 * schema reports those); it only keeps a pasted megabyte from freezing the preview.
 */
export const MAX_SHOWN_CHARS = 10_000;

/** The part of `text` the preview draws, and a note for the rest (undefined when it all fits). */
export function clipForPreview(text: string, max = MAX_SHOWN_CHARS): { shown: string; note?: VElement } {
  if (text.length <= max) return { shown: text };
  // Never cut a surrogate pair in half.
  const cut = /[\uD800-\uDBFF]/.test(text[max - 1]) ? max - 1 : max;
  const rest = text.length - cut;
  return {
    shown: text.slice(0, cut),
    note: h(
      'span',
      { class: 'clipped-note' },
      `\u2026 and ${rest.toLocaleString('en-US')} more characters (${text.length.toLocaleString('en-US')} in all; the preview draws the first ${cut.toLocaleString('en-US')})`,
    ),
  };
}

export function renderBody(text: string): VNode[] {
  const { shown, note } = clipForPreview(text);
  const blocks: VNode[] = parseFormatting(shown).map(block);
  return note ? [...blocks, h('p', null, note)] : blocks;
}

function block(b: FBlock): VElement {
  switch (b.type) {
    case 'paragraph':
      return h('p', null, ...(b.content.length === 0 ? [h('br')] : inline(b.content)));
    case 'quote':
      return h('blockquote', null, ...inline(b.content));
    case 'bullets':
      return h('ul', null, ...b.items.map((item) => h('li', null, ...inline(item))));
    case 'numbered': {
      const first = b.items[0]?.number ?? 1;
      let expected = first;
      return h(
        'ol',
        { start: first === 1 ? undefined : String(first) },
        ...b.items.map((item) => {
          // The app shows the numbers as typed, even when they do not count up.
          const li = h('li', { value: item.number === expected ? undefined : String(item.number) }, ...inline(item.content));
          expected = item.number + 1;
          return li;
        }),
      );
    }
    case 'codeblock':
      return h('pre', null, h('code', null, b.text));
  }
}

function inline(nodes: readonly FInline[]): VNode[] {
  const out: VNode[] = [];
  for (const n of nodes) {
    switch (n.type) {
      case 'text':
        out.push(...linkify(n.text));
        break;
      case 'bold':
        out.push(h('strong', null, ...inline(n.children)));
        break;
      case 'italic':
        out.push(h('em', null, ...inline(n.children)));
        break;
      case 'strike':
        out.push(h('s', null, ...inline(n.children)));
        break;
      case 'code':
      case 'mono':
        out.push(h('code', null, n.text));
        break;
      case 'linebreak':
        out.push(h('br'));
        break;
    }
  }
  return out;
}

/** Text as is, one line per line: for SMS and other channels without formatting. */
export function plainLines(text: string): VNode[] {
  const out: VNode[] = [];
  const { shown, note } = clipForPreview(text);
  shown.split(/\r\n|\r|\n/).forEach((line, i) => {
    if (i > 0) out.push(h('br'));
    if (line) out.push(line);
  });
  if (note) out.push(h('br'), note);
  return out;
}

// The app shows web addresses as links; here they only look like one (nothing is ever fetched or opened).
const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"]*[^\s<>".,;:!?)\]'}*_~]/gi;

function linkify(text: string): VNode[] {
  if (!text.includes('http') && !text.includes('www.')) return [text];
  const out: VNode[] = [];
  let at = 0;
  for (const m of text.matchAll(URL_RE)) {
    if (m.index > at) out.push(text.slice(at, m.index));
    out.push(h('span', { class: 'link', 'data-url': m[0] }, m[0]));
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}
