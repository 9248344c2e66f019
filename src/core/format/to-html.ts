/**
 * Blocks to HTML for the preview. Every piece of message text goes through escapeHtml, and the
 * only markup emitted is the fixed set of tags below (plus numeric list numbers), so hostile
 * text can never become markup.
 */
import type { FBlock, FInline } from './types';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for an HTML text node or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Tags formatToHtml may emit; anything else in its output is a bug. */
export const FORMAT_TAGS: readonly string[] = ['p', 'br', 'strong', 'em', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li'];

export function formatToHtml(blocks: readonly FBlock[]): string {
  let html = '';
  for (const b of blocks) {
    switch (b.type) {
      case 'paragraph':
        html += `<p>${lineHtml(b.content)}</p>`;
        break;
      case 'quote':
        html += `<blockquote>${inlineHtml(b.content)}</blockquote>`;
        break;
      case 'bullets':
        html += '<ul>';
        for (const item of b.items) html += `<li>${inlineHtml(item)}</li>`;
        html += '</ul>';
        break;
      case 'numbered': {
        const first = b.items[0]?.number ?? 1;
        html += first === 1 ? '<ol>' : `<ol start="${first}">`;
        let expected = first;
        for (const item of b.items) {
          // The app shows the numbers as typed; say so when they do not simply count up.
          html += item.number === expected ? '<li>' : `<li value="${item.number}">`;
          html += `${inlineHtml(item.content)}</li>`;
          expected = item.number + 1;
        }
        html += '</ol>';
        break;
      }
      case 'codeblock':
        html += `<pre><code>${escapeHtml(b.text)}</code></pre>`;
        break;
    }
  }
  return html;
}

/** A blank line still takes a line's height on the phone. */
function lineHtml(content: readonly FInline[]): string {
  return content.length === 0 ? '<br>' : inlineHtml(content);
}

export function inlineHtml(nodes: readonly FInline[]): string {
  let html = '';
  for (const n of nodes) {
    switch (n.type) {
      case 'text':
        html += escapeHtml(n.text);
        break;
      case 'bold':
        html += `<strong>${inlineHtml(n.children)}</strong>`;
        break;
      case 'italic':
        html += `<em>${inlineHtml(n.children)}</em>`;
        break;
      case 'strike':
        html += `<s>${inlineHtml(n.children)}</s>`;
        break;
      case 'code':
      case 'mono':
        html += `<code>${escapeHtml(n.text)}</code>`;
        break;
      case 'linebreak':
        html += '<br>';
        break;
    }
  }
  return html;
}
