/** WhatsApp message formatting: tokenizer, safe HTML rendering and plain-text rendering. */
export type { FBlock, FInline, FStyled, FNumberedItem } from './types';
export { parseFormatting } from './blocks';
export { parseInline } from './inline';
export { formatToHtml, inlineHtml, escapeHtml, FORMAT_TAGS } from './html';
export { formatToPlain, inlinePlain } from './plain';

import { parseFormatting } from './blocks';
import { formatToHtml } from './html';

/** Parse and render in one call (what the preview and the bench do per update). */
export function formatMessageHtml(text: string): string {
  return formatToHtml(parseFormatting(text));
}
