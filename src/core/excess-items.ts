/**
 * A list over its limit is one fault with one problem, placed on the items the API refuses (the 4th
 * reply button, not the whole array), so the editor underlines them and the preview draws them as
 * rejected. Core knows no provider: the caller names the API that rejects them.
 */
import type { ParsedDocument } from './parse';
import { rangeOf } from './parse';
import type { PathSegment } from './pointer';
import { toPointer } from './pointer';

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st... */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

/** What the list holds, in words: `buttons` of `"type": "reply"` are "reply buttons"; `product_items` "product items". */
function itemNoun(path: readonly PathSegment[], items: readonly unknown[]): string {
  const field = [...path].reverse().find((s): s is string => typeof s === 'string' && !/^\d+$/.test(s));
  const noun = field ? field.replace(/_/g, ' ') : 'items';
  const types = new Set(items.map((i) => (i !== null && typeof i === 'object' && !Array.isArray(i) ? (i as Record<string, unknown>).type : undefined)));
  const [only] = types;
  return types.size === 1 && typeof only === 'string' && /^[a-z]+$/.test(only) && !noun.startsWith(only) ? `${only} ${noun}` : noun;
}

export interface ExcessItems {
  pointer: string;
  start: number;
  end: number;
  message: string;
}

/**
 * The problem for `items` (at `path`) holding more than `max`: at the first item past the limit,
 * underlining every item past it. `api` names who rejects them (e.g. "the WhatsApp Cloud API").
 */
export function excessItems(doc: ParsedDocument, path: readonly PathSegment[], items: readonly unknown[], max: number, api?: string): ExcessItems {
  const extra = items.length - max;
  const first = rangeOf(doc, [...path, max]);
  const last = rangeOf(doc, [...path, items.length - 1]);
  const by = api ? ` by ${api}` : '';
  const which =
    extra === 1
      ? `this ${ordinal(max + 1)} one is rejected${by}. Remove it`
      : extra === 2
        ? `the ${ordinal(max + 1)} and ${ordinal(max + 2)} are rejected${by}. Remove them`
        : `the ${ordinal(max + 1)} to ${ordinal(items.length)} (${extra.toLocaleString('en-US')} in all) are rejected${by}. Remove them`;
  const noun = itemNoun(path, items);
  return { pointer: toPointer([...path, max]), start: first.start, end: Math.max(first.end, last.end), message: `At most ${max} ${max === 1 ? noun.replace(/s$/, '') : noun}: ${which}.` };
}
