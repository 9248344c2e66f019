/**
 * Blocks to plain text for a terminal: markers consumed, styles dropped, structure kept with
 * visible prefixes (a bar for quotes, a bullet, the typed number).
 */
import type { FBlock, FInline } from './types';

export function formatToPlain(blocks: readonly FBlock[]): string {
  const lines: string[] = [];
  for (const b of blocks) {
    switch (b.type) {
      case 'paragraph':
        lines.push(inlinePlain(b.content));
        break;
      case 'quote':
        for (const line of inlinePlain(b.content).split('\n')) lines.push(`\u2502 ${line}`);
        break;
      case 'bullets':
        for (const item of b.items) lines.push(`\u2022 ${inlinePlain(item)}`);
        break;
      case 'numbered':
        for (const item of b.items) lines.push(`${item.number}. ${inlinePlain(item.content)}`);
        break;
      case 'codeblock':
        lines.push(b.text);
        break;
    }
  }
  return lines.join('\n');
}

export function inlinePlain(nodes: readonly FInline[]): string {
  let text = '';
  for (const n of nodes) {
    if (n.type === 'text' || n.type === 'code' || n.type === 'mono') text += n.text;
    else if (n.type === 'linebreak') text += '\n';
    else text += inlinePlain(n.children);
  }
  return text;
}
