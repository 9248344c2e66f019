/**
 * Grapheme cluster boundaries (UAX #29) via Intl.Segmenter, which costs about 3 µs a cluster in
 * Node 20: too slow to run over a whole 1000-character message on every keystroke. Outside the
 * neighbourhood of a "joiner" (a character that can glue to its neighbour: an extending mark,
 * ZWJ, emoji modifier, regional indicator, Hangul jamo, prepended mark) every code point is its
 * own cluster, so only the windows around joiners go through the segmenter.
 */

/**
 * A superset of the code points for which a UAX #29 rule can forbid a break on either side:
 * Grapheme_Cluster_Break = Extend | ZWJ | SpacingMark | Prepend | Regional_Indicator | L | V | T.
 * (LV/LVT syllables and Extended_Pictographic only join with one of these.)
 */
const JOINER =
  /[\p{Grapheme_Extend}\p{Emoji_Modifier}\p{Mc}\p{Regional_Indicator}\u200d\u0e33\u0eb3\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u0d4e\u{110bd}\u{110cd}\u{111c2}\u{111c3}\u{1193f}\u{11941}\u{11a3a}\u{11a84}-\u{11a89}\u{11d46}\u{11f02}]/gu;

let segmenter: Intl.Segmenter | undefined;

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Offset after the code point that starts at `i`. */
function nextPoint(text: string, i: number): number {
  return isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1)) ? i + 2 : i + 1;
}

/** Offset where the code point ending just before `i` starts. */
function prevPoint(text: string, i: number): number {
  return i >= 2 && isLow(text.charCodeAt(i - 1)) && isHigh(text.charCodeAt(i - 2)) ? i - 2 : i - 1;
}

/** Appends the end offset of every code point in [from, to). */
function pushPoints(text: string, from: number, to: number, ends: number[]): void {
  for (let i = from; i < to;) {
    i = nextPoint(text, i);
    ends.push(i);
  }
}

/**
 * UTF-16 end offsets of the grapheme clusters of `text`, in order, except that CR LF counts as
 * two: CR and LF are separate GSM characters and a line break reads the same split across parts.
 */
export function clusterEnds(text: string): number[] {
  const ends: number[] = [];
  let done = 0;
  JOINER.lastIndex = 0;
  let m: RegExpExecArray | null;
  let windowStart = -1;
  let windowEnd = -1;
  const flush = () => {
    if (windowStart < 0) return;
    pushPoints(text, done, windowStart, ends);
    segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    for (const g of segmenter.segment(text.slice(windowStart, windowEnd))) {
      const end = windowStart + g.index + g.segment.length;
      if (g.segment === '\r\n') ends.push(end - 1);
      ends.push(end);
    }
    done = windowEnd;
  };
  while ((m = JOINER.exec(text)) !== null) {
    // The window spans one code point either side of the joiner: its edges are then between two
    // non-joiners, where UAX #29 always breaks.
    const start = m.index > 0 ? prevPoint(text, m.index) : 0;
    const end = m.index + m[0].length < text.length ? nextPoint(text, m.index + m[0].length) : text.length;
    if (start <= windowEnd) {
      windowEnd = Math.max(windowEnd, end);
    } else {
      flush();
      windowStart = Math.max(start, done);
      windowEnd = end;
    }
  }
  flush();
  pushPoints(text, done, text.length, ends);
  return ends;
}
