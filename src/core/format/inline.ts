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

const CODE = 1;
const MONO = 2;

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

/** Tokenize `line` from `start` (text before `start`, e.g. a list marker, only counts as a boundary). */
export function parseInline(line: string, start = 0): FInline[] {
  const n = line.length;
  if (start >= n) return [];
  const spanEnd = new Int32Array(n);
  const spanKind = new Uint8Array(n);
  const inSpan = new Uint8Array(n);
  const closers: Record<number, number[]> = { [STAR]: [], [UNDERSCORE]: [], [TILDE]: [] };
  // A closer's validity does not depend on its opener, so once a search finds none, no later
  // opener can: these flags keep the scan linear on lines full of unpaired backticks.
  let monoExhausted = false;
  let codeExhausted = false;

  // Pass 1: code spans, left to right (they take precedence over styles), and style closer candidates.
  for (let i = start; i < n; ) {
    const c = line.charCodeAt(i);
    if (c !== BACKTICK) {
      if ((c === STAR || c === UNDERSCORE || c === TILDE) && i > start) {
        const prev = line.charCodeAt(i - 1);
        if (prev !== c && !isSpaceCode(prev) && !wordAt(line, i + 1)) closers[c].push(i);
      }
      i++;
      continue;
    }
    let runLength = 1;
    while (i + runLength < n && line.charCodeAt(i + runLength) === BACKTICK) runLength++;
    let end = -1;
    let kind = 0;
    if (runLength >= 3 && !monoExhausted && monoCanOpen(line, i)) {
      const j = monoCloser(line, i, n);
      if (j === -1) monoExhausted = true;
      else (end = j + 3), (kind = MONO);
    } else if (runLength === 1 && !codeExhausted && !wordBefore(line, i) && i + 1 < n && !isSpaceCode(line.charCodeAt(i + 1))) {
      const j = codeCloser(line, i + 2);
      if (j === -1) codeExhausted = true;
      else (end = j + 1), (kind = CODE);
    }
    if (end === -1) {
      i += runLength;
      continue;
    }
    spanEnd[i] = end;
    spanKind[i] = kind;
    inSpan.fill(1, i, end);
    i = end;
  }

  const cursor: Record<number, number> = { [STAR]: 0, [UNDERSCORE]: 0, [TILDE]: 0 };
  const closerFor = (marker: number, open: number, to: number): number => {
    const list = closers[marker];
    let p = cursor[marker];
    while (p < list.length && (list[p] < open + 2 || inSpan[list[p]] === 1)) p++;
    cursor[marker] = p;
    return p < list.length && list[p] < to ? list[p] : -1;
  };

  const run = (from: number, to: number): FInline[] => {
    const out: FInline[] = [];
    let textStart = from;
    let i = from;
    const flush = (end: number): void => {
      if (end > textStart) out.push({ type: 'text', text: line.slice(textStart, end) });
    };
    while (i < to) {
      const c = line.charCodeAt(i);
      if (c === BACKTICK) {
        const end = spanEnd[i];
        if (end !== 0) {
          flush(i);
          out.push(spanKind[i] === MONO ? { type: 'mono', text: line.slice(i + 3, end - 3) } : { type: 'code', text: line.slice(i + 1, end - 1) });
          i = end;
          textStart = i;
          continue;
        }
      } else if (c === STAR || c === UNDERSCORE || c === TILDE) {
        if (!wordBefore(line, i) && i + 1 < to) {
          const next = line.charCodeAt(i + 1);
          if (next !== c && !isSpaceCode(next)) {
            const k = closerFor(c, i, to);
            if (k !== -1) {
              flush(i);
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
    flush(to);
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
