/**
 * Message text -> vnodes. WhatsApp formatting comes from core/format (parseFormatting); until
 * that module exists this renders the text as is, one line per line.
 */
import { h, type VNode } from './vnode';

export function renderBody(text: string): VNode[] {
  return plainLines(text);
}

export function plainLines(text: string): VNode[] {
  const out: VNode[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    if (i > 0) out.push(h('br'));
    if (line) out.push(line);
  });
  return out;
}
