/** WhatsApp message formatting: tokenizer, safe HTML rendering and plain-text rendering. */
export type { FBlock, FInline, FStyled, FNumberedItem } from './types';
export { parseFormatting } from './blocks';
export { parseInline } from './inline';
export { formatToHtml, inlineHtml, escapeHtml, FORMAT_TAGS } from './to-html';
export { formatToPlain, inlinePlain } from './plain';

import { parseFormatting } from './blocks';
import { formatToHtml } from './to-html';

/**
 * Parse and render to HTML in one call, for the golden tests and the formatting bench. The preview
 * does not use it: it draws the same blocks as vnodes (preview/body.ts).
 */
export function formatMessageHtml(text: string): string {
  return formatToHtml(parseFormatting(text));
}
