/**
 * SMS encoding and segmentation by 3GPP TS 23.038 (alphabet) and TS 23.040 (concatenation):
 * GSM-7 fits 160 septets in one part and 153 per part once a concatenation header is needed;
 * UCS-2 fits 70 UTF-16 units, 67 per part. An extension character (escape + septet) and a
 * surrogate pair are never split across parts.
 */
import { gsmCost } from './gsm-charset';
import { gsmReplacement } from './gsm-replacements';
import { clusterEnds } from './graphemes';

export type SmsEncoding = 'GSM-7' | 'UCS-2';

/** Vonage `sms.encoding_type`: `text` forces GSM-7, `unicode` forces UCS-2, `auto` detects. */
export type SmsEncodingType = 'text' | 'unicode' | 'auto';

export interface SmsOptions {
  encodingType?: SmsEncodingType;
}

/** A grapheme cluster that is not in the GSM alphabet, at UTF-16 offsets [start, end) of the text. */
export interface NonGsmChar {
  start: number;
  end: number;
  char: string;
  /** GSM text with the same meaning, when there is one ('' means: delete it). */
  replacement?: string;
}

export interface SmsPart {
  start: number;
  end: number;
}

export interface SmsAnalysis {
  encoding: SmsEncoding;
  /** Parts as billed, splitting grapheme clusters where the standard allows (the minimal count). */
  segments: number;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) of the whole text. */
  units: number;
  /** Capacity of each part: 160/153 for GSM-7, 70/67 for UCS-2. */
  perSegment: number;
  /** Units still free in the last part. */
  remaining: number;
  /** The count when no grapheme cluster (emoji sequence, flag, letter + combining mark) is split. */
  graphemeSafeSegments: number;
  /** UTF-16 offsets of the text each part holds. */
  parts: SmsPart[];
  nonGsm: NonGsmChar[];
}

export const GSM_SINGLE = 160;
export const GSM_MULTI = 153;
export const UCS2_SINGLE = 70;
export const UCS2_MULTI = 67;

/**
 * Indivisible pieces of the text: `ends[i]` is the UTF-16 offset where piece i ends and
 * `costs[i]` its size in units. Parallel arrays keep the hot path allocation-light.
 */
interface Atoms {
  ends: number[];
  costs: number[];
  total: number;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** One atom per code point: what the standard forbids splitting (extension escapes, surrogate pairs). */
function codePointAtoms(text: string, gsm: boolean): Atoms {
  const ends: number[] = [];
  const costs: number[] = [];
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const pair = isHigh(c) && isLow(text.charCodeAt(i + 1));
    // Under a forced GSM-7 encoding a character outside the alphabet still takes one septet (its substitute).
    const cost = gsm ? gsmCost(c) || 1 : pair ? 2 : 1;
    if (pair) i++;
    ends.push(i + 1);
    costs.push(cost);
    total += cost;
  }
  return { ends, costs, total };
}

/** One atom per grapheme cluster (CR LF counting as two, see clusterEnds). */
function graphemeAtoms(clusters: readonly number[], points: Atoms): Atoms {
  const costs: number[] = [];
  let p = 0;
  for (const end of clusters) {
    let cost = 0;
    while (p < points.ends.length && points.ends[p] <= end) cost += points.costs[p++];
    costs.push(cost);
  }
  return { ends: clusters as number[], costs, total: points.total };
}

/**
 * Greedy packing into parts of `capacity` units; an atom that does not fit starts the next part.
 * An atom larger than a whole part (a cluster of dozens of combining marks) cannot stay whole:
 * it is packed from its code points instead, which is what any sender would have to do.
 */
function pack(atoms: Atoms, capacity: number, points?: Atoms): { parts: SmsPart[]; lastUsed: number } {
  const parts: SmsPart[] = [];
  let start = 0;
  let used = 0;
  let prevEnd = 0;
  let p = 0; // index into points, kept in step when splitting oversized atoms
  for (let i = 0; i < atoms.ends.length; i++) {
    const end = atoms.ends[i];
    const cost = atoms.costs[i];
    if (cost > capacity && points) {
      while (p < points.ends.length && points.ends[p] <= prevEnd) p++;
      for (; p < points.ends.length && points.ends[p] <= end; p++) {
        const c = points.costs[p];
        if (used + c > capacity) {
          parts.push({ start, end: prevEnd });
          start = prevEnd;
          used = 0;
        }
        used += c;
        prevEnd = points.ends[p];
      }
      continue;
    }
    if (used + cost > capacity) {
      parts.push({ start, end: prevEnd });
      start = prevEnd;
      used = 0;
    }
    used += cost;
    prevEnd = end;
  }
  parts.push({ start, end: prevEnd });
  return { parts, lastUsed: used };
}

function allGsm(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (gsmCost(text.charCodeAt(i)) === 0) return false;
  return true;
}

/** Grapheme clusters holding at least one character outside the GSM alphabet. */
function findNonGsm(text: string, clusters: readonly number[]): NonGsmChar[] {
  const found: NonGsmChar[] = [];
  let start = 0;
  for (const end of clusters) {
    let gsm = true;
    for (let i = start; i < end && gsm; i++) if (gsmCost(text.charCodeAt(i)) === 0) gsm = false;
    if (!gsm) {
      const char = text.slice(start, end);
      const replacement = gsmReplacement(char);
      found.push(replacement === undefined ? { start, end, char } : { start, end, char, replacement });
    }
    start = end;
  }
  return found;
}

export function analyzeSms(text: string, options: SmsOptions = {}): SmsAnalysis {
  const type = options.encodingType ?? 'auto';
  const gsmOnly = allGsm(text);
  const encoding: SmsEncoding = type === 'text' ? 'GSM-7' : type === 'unicode' ? 'UCS-2' : gsmOnly ? 'GSM-7' : 'UCS-2';
  const gsm = encoding === 'GSM-7';
  const single = gsm ? GSM_SINGLE : UCS2_SINGLE;
  const multi = gsm ? GSM_MULTI : UCS2_MULTI;
  // Text made only of GSM characters has no multi-unit cluster other than CR LF, which may split.
  const clusters = gsmOnly ? undefined : clusterEnds(text);
  const nonGsm = clusters ? findNonGsm(text, clusters) : [];

  const points = codePointAtoms(text, gsm);
  if (points.total <= single) {
    return { encoding, segments: 1, units: points.total, perSegment: single, remaining: single - points.total, graphemeSafeSegments: 1, parts: [{ start: 0, end: text.length }], nonGsm };
  }
  const minimal = pack(points, multi);
  const graphemeSafeSegments = clusters ? pack(graphemeAtoms(clusters, points), multi, points).parts.length : minimal.parts.length;
  return {
    encoding,
    segments: minimal.parts.length,
    units: points.total,
    perSegment: multi,
    remaining: multi - minimal.lastUsed,
    graphemeSafeSegments,
    parts: minimal.parts,
    nonGsm,
  };
}
