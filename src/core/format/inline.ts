/**
 * The inline tokenizer for one line of a WhatsApp message: a left-to-right scan with the app's
 * boundary rules, no regular expressions.
 *
 * - A style marker (`*` bold, `_` italic, `~` strike) opens when the character before it is not
 *   a word character (line start, space, punctuation, emoji, another marker) and the character
 *   after it is neither white space nor the same marker (so `**x**` shows `*`**x**`*`, as the
 *   app does with Markdown habits).
 * - It closes at the first later same marker that is not preceded by white space or by the same
 *   marker, and is not followed by a word character. Content is never empty.
 * - Code spans (`` `x` `` and ```` ```x``` ````) follow the same outer boundaries, are found
 *   first and are literal inside, so markers inside them never pair with markers outside.
 * - Nothing crosses the line (multi-line ```` ``` ```` blocks are cut out before this runs).
 * - A marker that does not pair is literal text.
 * Closer candidates are precomputed per marker and consumed by a forward-only cursor, so a line
 * is tokenized in linear time even when it is full of unpaired markers.
 */
import { isSpaceCode, wordAt, wordBefore } from './chars';
import type { FInline } from './types';

const STAR = 0x2a;
const UNDERSCORE = 0x5f;
const TILDE = 0x7e;
const BACKTICK = 0x60;

const STYLE_OF: Record<number, 'bold' | 'italic' | 'strike'> = { [STAR]: 'bold', [UNDERSCORE]: 'italic', [TILDE]: 'strike' };

/** Whether a ```` ``` ```` run starting at `i` may open a monospace span (boundary only: its content is literal). */
export function monoCanOpen(s: string, i: number): boolean {
  return !wordBefore(s, i);
}

/** Whether a ```` ``` ```` at `j` may close a monospace span. */
export function monoCanClose(s: string, j: number): boolean {
  return !wordAt(s, j + 3);
}

/**
 * Where the monospace span opened at `i` closes: the first ```` ``` ```` after a non-empty
 * content whose next character is not a word character, searched up to `limit`; -1 if none.
 */
export function monoCloser(s: string, i: number, limit: number): number {
  let j = s.indexOf('```', i + 4);
  while (j !== -1 && j + 3 <= limit) {
    if (monoCanClose(s, j)) return j;
    j = s.indexOf('```', j + 1);
  }
  return -1;
}

// Per-line scratch, reused across calls (tokenizing is synchronous and never re-entered):
// spanEnd[i] is the end of the code span starting at i (negative for monospace), inSpan marks
// the characters inside one. Only lines with a backtick touch them, and they are cleared first.
let spanEnd = new Int32Array(256);
let inSpan = new Uint8Array(256);

function scratchFor(from: number, to: number): void {
  if (spanEnd.length < to) {
    spanEnd = new Int32Array(Math.max(to, spanEnd.length * 2));
    inSpan = new Uint8Array(spanEnd.length);
  } else {
    spanEnd.fill(0, from, to);
    inSpan.fill(0, from, to);
  }
}

/** Tokenize `line` from `start` (text before `start`, e.g. a list marker, only counts as a boundary). */
export function parseInline(line: string, start = 0): FInline[] {
  const n = line.length;
  if (start >= n) return [];
  const hasSpans = line.indexOf('`', start) !== -1;
  if (hasSpans) scratchFor(start, n);
  const stars: number[] = [];
  const underscores: number[] = [];
  const tildes: number[] = [];
  const closersOf = (c: number): number[] => (c === STAR ? stars : c === UNDERSCORE ? underscores : tildes);
  let markers = false;
  // A closer's validity does not depend on its opener, so once a search finds none, no later
  // opener can: these flags keep the scan linear on lines full of unpaired backticks.
  let monoExhausted = false;
  let codeExhausted = false;

  // Pass 1: code spans, left to right (they take precedence over styles), and style closer candidates.
  for (let i = start; i < n;) {
    const c = line.charCodeAt(i);
    if (c !== BACKTICK) {
      if (c === STAR || c === UNDERSCORE || c === TILDE) {
        markers = true;
        if (i > start) {
          const prev = line.charCodeAt(i - 1);
          if (prev !== c && !isSpaceCode(prev) && !wordAt(line, i + 1)) closersOf(c).push(i);
        }
      }
      i++;
      continue;
    }
    let runLength = 1;
    while (i + runLength < n && line.charCodeAt(i + runLength) === BACKTICK) runLength++;
    let end = 0;
    if (runLength >= 3 && !monoExhausted && monoCanOpen(line, i)) {
      const j = monoCloser(line, i, n);
      if (j === -1) monoExhausted = true;
      else end = -(j + 3);
    } else if (runLength === 1 && !codeExhausted && !wordBefore(line, i) && i + 1 < n && !isSpaceCode(line.charCodeAt(i + 1))) {
      const j = codeCloser(line, i + 2);
      if (j === -1) codeExhausted = true;
      else end = j + 1;
    }
    if (end === 0) {
      i += runLength;
      continue;
    }
    markers = true;
    spanEnd[i] = end;
    const to = end < 0 ? -end : end;
    inSpan.fill(1, i, to);
    i = to;
  }
  if (!markers) return [{ type: 'text', text: start === 0 ? line : line.slice(start) }];

  let starAt = 0;
  let underscoreAt = 0;
  let tildeAt = 0;
  /** The first closer for the marker opened at `open`, before `to`; cursors only move forward. */
  const closerFor = (marker: number, open: number, to: number): number => {
    const list = closersOf(marker);
    let p = marker === STAR ? starAt : marker === UNDERSCORE ? underscoreAt : tildeAt;
    while (p < list.length && (list[p] < open + 2 || (hasSpans && inSpan[list[p]] === 1))) p++;
    if (marker === STAR) starAt = p;
    else if (marker === UNDERSCORE) underscoreAt = p;
    else tildeAt = p;
    return p < list.length && list[p] < to ? list[p] : -1;
  };

  const run = (from: number, to: number): FInline[] => {
    const out: FInline[] = [];
    let textStart = from;
    let i = from;
    while (i < to) {
      const c = line.charCodeAt(i);
      if (c === BACKTICK) {
        const end = hasSpans ? spanEnd[i] : 0;
        if (end !== 0) {
          if (i > textStart) out.push({ type: 'text', text: line.slice(textStart, i) });
          if (end < 0) {
            out.push({ type: 'mono', text: line.slice(i + 3, -end - 3) });
            i = -end;
          } else {
            out.push({ type: 'code', text: line.slice(i + 1, end - 1) });
            i = end;
          }
          textStart = i;
          continue;
        }
      } else if (c === STAR || c === UNDERSCORE || c === TILDE) {
        if (i + 1 < to && !wordBefore(line, i)) {
          const next = line.charCodeAt(i + 1);
          if (next !== c && !isSpaceCode(next)) {
            const k = closerFor(c, i, to);
            if (k !== -1) {
              if (i > textStart) out.push({ type: 'text', text: line.slice(textStart, i) });
              out.push({ type: STYLE_OF[c], children: run(i + 1, k) });
              i = k + 1;
              textStart = i;
              continue;
            }
          }
        }
      }
      i++;
    }
    if (to > textStart) out.push({ type: 'text', text: line.slice(textStart, to) });
    return out;
  };
  return run(start, n);
}

/** The first single backtick from `from` on that may close an inline code span, or -1. */
function codeCloser(s: string, from: number): number {
  let j = s.indexOf('`', from);
  while (j !== -1) {
    const prev = s.charCodeAt(j - 1);
    const next = j + 1 < s.length ? s.charCodeAt(j + 1) : -1;
    if (!isSpaceCode(prev) && prev !== BACKTICK && next !== BACKTICK && !wordAt(s, j + 1)) return j;
    j = s.indexOf('`', j + 1);
  }
  return -1;
}
