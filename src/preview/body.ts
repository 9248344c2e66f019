/**
 * WhatsApp message text -> vnodes, from core/format's blocks (the same tokenizer the lint and
 * formatToHtml use), so the preview shows markers exactly where the app would.
 */
import { parseFormatting, type FBlock, type FInline } from '../core/format';
import { h, type VElement, type VNode } from './vnode';

export function renderBody(text: string): VNode[] {
  return parseFormatting(text).map(block);
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
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    if (i > 0) out.push(h('br'));
    if (line) out.push(line);
  });
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
