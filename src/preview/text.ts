/** Text backend for `mwb preview FILE`: the same tree as lines a terminal shows. */
import { hasClass, type VNode } from './vnode';

const BLOCK = new Set(['div', 'header', 'footer', 'section', 'p', 'pre', 'blockquote', 'ul', 'ol', 'li', 'h1', 'h2', 'h3']);
const MARK: Record<string, string> = { strong: '*', em: '_', s: '~', code: '`' };

interface Ctx {
  lines: string[];
  cur: string;
  prefix: string;
  inPre: boolean;
  /** Next number of each open list; undefined for bullets. */
  numbers: (number | undefined)[];
}

export function toText(node: VNode): string {
  const ctx: Ctx = { lines: [], cur: '', prefix: '', inPre: false, numbers: [] };
  visit(node, ctx);
  flush(ctx);
  return ctx.lines.join('\n').replace(/\n{3,}/g, '\n\n') + '\n';
}

function flush(ctx: Ctx): void {
  if (ctx.cur.trim() !== '') ctx.lines.push(ctx.prefix + ctx.cur.trimEnd());
  ctx.cur = '';
}

function visit(node: VNode, ctx: Ctx): void {
  if (typeof node === 'string') {
    const lines = node.split('\n');
    ctx.cur += lines[0];
    for (const line of lines.slice(1)) {
      ctx.lines.push(ctx.prefix + ctx.cur);
      ctx.cur = line;
    }
    return;
  }
  if (hasClass(node, 'avatar') || hasClass(node, 'radio')) return;
  if (node.tag === 'br') {
    ctx.lines.push(ctx.prefix + ctx.cur);
    ctx.cur = '';
    return;
  }
  const block = BLOCK.has(node.tag);
  if (block) flush(ctx);
  const saved = ctx.prefix;
  if (hasClass(node, 'bubble') || hasClass(node, 'list-sheet') || hasClass(node, 'problems')) {
    ctx.lines.push('');
    ctx.prefix = saved + '\u2502 ';
  }
  if (node.tag === 'blockquote') ctx.prefix = saved + '> ';
  if (hasClass(node, 'action')) ctx.cur += '[ ';
  if (node.tag === 'li' && !hasClass(node, 'problem')) {
    const n = ctx.numbers[ctx.numbers.length - 1];
    if (n === undefined) ctx.cur += '\u2022 ';
    else {
      const value = Number(node.attrs?.value ?? n);
      ctx.cur += `${value}. `;
      ctx.numbers[ctx.numbers.length - 1] = value + 1;
    }
  }
  if (node.tag === 'ol') ctx.numbers.push(Number(node.attrs?.start ?? 1));
  if (node.tag === 'ul') ctx.numbers.push(undefined);
  if (hasClass(node, 'row-title')) ctx.cur += '( ) ';
  if (hasClass(node, 'row-desc')) ctx.cur += '    ';
  const mark = ctx.inPre ? '' : (MARK[node.tag] ?? '');
  if (node.tag === 'pre') {
    ctx.lines.push(ctx.prefix + '```');
    ctx.inPre = true;
  }
  if (hasClass(node, 'problem-code')) ctx.cur += ' [';
  if (hasClass(node, 'sms-break')) ctx.cur += ' \u2016 ';
  ctx.cur += mark;
  for (const c of node.children ?? []) {
    const before = ctx.cur.length;
    visit(c, ctx);
    // An icon is SVG, which has no text: a space only after one that wrote something.
    if (typeof c !== 'string' && (hasClass(c, 'problem-where') || hasClass(c, 'problem-severity') || (hasClass(c, 'action-icon') && ctx.cur.length > before))) ctx.cur += ' ';
  }
  ctx.cur += mark;
  if (hasClass(node, 'problem-code')) ctx.cur += ']';
  if (node.tag === 'pre') {
    ctx.inPre = false;
    flush(ctx);
    ctx.lines.push(ctx.prefix + '```');
  }
  if (hasClass(node, 'action')) ctx.cur += ' ]';
  if (hasClass(node, 'sms-fact-name')) ctx.cur += ': ';
  if (hasClass(node, 'sms-fact')) flush(ctx);
  if (hasClass(node, 'sms-break')) ctx.cur += ' \u2016 ';
  if (node.tag === 'ol' || node.tag === 'ul') ctx.numbers.pop();
  if (block) flush(ctx);
  ctx.prefix = saved;
}
