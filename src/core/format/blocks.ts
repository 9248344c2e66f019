/**
 * Block structure of a WhatsApp message: ```` ``` ```` spans that cross lines become code
 * blocks first (they are literal, so nothing else may look inside them); the remaining lines are
 * grouped into paragraphs, `> ` quotes, `* `/`- ` bullet lists and `1. ` numbered lists, and each
 * line's content goes through the inline tokenizer.
 */
import { parseInline, monoCanOpen, monoCloser } from './inline';
import type { FBlock, FInline } from './types';

type Piece = { line: string } | { code: string };

type LineKind = { kind: 'plain' } | { kind: 'quote'; at: number } | { kind: 'bullet'; at: number } | { kind: 'numbered'; at: number; number: number };

/** Parse a message body into blocks. CRLF and lone CR count as line breaks, as on the phone. */
export function parseFormatting(text: string): FBlock[] {
  const src = text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
  return src === '' ? [] : group(pieces(src));
}

/** Split into lines, cutting out multi-line monospace spans as code pieces. */
function pieces(src: string): Piece[] {
  const out: Piece[] = [];
  let from = 0;
  let i = src.indexOf('```');
  while (i !== -1) {
    let lineEnd = src.indexOf('\n', i);
    if (lineEnd === -1) lineEnd = src.length;
    if (!monoCanOpen(src, i)) {
      i = src.indexOf('```', skipRun(src, i));
      continue;
    }
    const close = monoCloser(src, i, src.length);
    // No closer anywhere: no later opener can find one either.
    if (close === -1) break;
    if (close < lineEnd) {
      // Same-line monospace: the inline tokenizer handles it.
      i = src.indexOf('```', close + 3);
      continue;
    }
    pushLines(out, src.slice(from, i), 'dropEmptyLast');
    out.push({ code: src.slice(i + 3, close) });
    from = close + 3;
    // The rest of the closing line starts a new line; the newline that ends it is not a blank line.
    if (src.charCodeAt(from) === 0x0a) from++;
    else if (from === src.length) return out;
    i = src.indexOf('```', from);
  }
  if (from < src.length || out.length === 0) pushLines(out, src.slice(from), 'keep');
  return out;
}

function skipRun(src: string, i: number): number {
  let j = i;
  while (src.charCodeAt(j) === 0x60) j++;
  return j;
}

function pushLines(out: Piece[], chunk: string, last: 'keep' | 'dropEmptyLast'): void {
  const lines = chunk.split('\n');
  if (last === 'dropEmptyLast' && lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) out.push({ line });
}

function classify(line: string): LineKind {
  const c0 = line.charCodeAt(0);
  if (line.charCodeAt(1) === 0x20 && hasContent(line, 2)) {
    if (c0 === 0x3e) return { kind: 'quote', at: 2 };
    if (c0 === 0x2a || c0 === 0x2d) return { kind: 'bullet', at: 2 };
  }
  let d = 0;
  while (d < 9 && line.charCodeAt(d) >= 0x30 && line.charCodeAt(d) <= 0x39) d++;
  if (d > 0 && line.charCodeAt(d) === 0x2e && line.charCodeAt(d + 1) === 0x20 && hasContent(line, d + 2)) {
    return { kind: 'numbered', at: d + 2, number: Number(line.slice(0, d)) };
  }
  return { kind: 'plain' };
}

/** A marker alone (`* `, `> `) is just text: the app needs something after it. */
function hasContent(line: string, from: number): boolean {
  for (let i = from; i < line.length; i++) if (line.charCodeAt(i) > 0x20) return true;
  return false;
}

function group(ps: Piece[]): FBlock[] {
  const blocks: FBlock[] = [];
  let open: FBlock | undefined;
  for (const p of ps) {
    if ('code' in p) {
      blocks.push({ type: 'codeblock', text: p.code });
      open = undefined;
      continue;
    }
    const k = classify(p.line);
    if (k.kind === 'plain' || k.kind === 'quote') {
      const content = parseInline(p.line, k.kind === 'quote' ? k.at : 0);
      if (open && open.type === (k.kind === 'plain' ? 'paragraph' : 'quote')) {
        appendLine(open.content, content);
      } else {
        const block: FBlock = k.kind === 'plain' ? { type: 'paragraph', content } : { type: 'quote', content };
        blocks.push(block);
        open = block;
      }
    } else if (k.kind === 'bullet') {
      const item = parseInline(p.line, k.at);
      if (open && open.type === 'bullets') open.items.push(item);
      else {
        open = { type: 'bullets', items: [item] };
        blocks.push(open);
      }
    } else {
      const item = { number: k.number, content: parseInline(p.line, k.at) };
      if (open && open.type === 'numbered') open.items.push(item);
      else {
        open = { type: 'numbered', items: [item] };
        blocks.push(open);
      }
    }
  }
  return blocks;
}

function appendLine(into: FInline[], line: FInline[]): void {
  into.push({ type: 'linebreak' });
  for (const node of line) into.push(node);
}
