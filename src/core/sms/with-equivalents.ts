/** The text with its non-GSM characters replaced by their GSM equivalents. */
import type { NonGsmChar } from './analyze';

/**
 * Replaces every character that has an equivalent; with `dropOthers`, removes the ones that have
 * none (to measure what the message would cost in GSM-7), else keeps them.
 */
export function withGsmEquivalents(text: string, chars: readonly NonGsmChar[], dropOthers = false): string {
  let out = '';
  let at = 0;
  for (const c of chars) {
    out += text.slice(at, c.start) + (c.replacement ?? (dropOthers ? '' : c.char));
    at = c.end;
  }
  return out + text.slice(at);
}
