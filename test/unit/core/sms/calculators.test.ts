/**
 * Agreement with two independent calculators on generated texts. What each one means (read from
 * their sources in node_modules):
 * - split-sms 0.1.7 splits by code point: an extension character or a surrogate pair is never
 *   split, but a grapheme cluster may be. That is our minimal count (`segments`, `units`,
 *   `remaining`, `parts`), which it must match exactly, for auto and forced character sets.
 * - sms-segments-calculator 1.3.0 (Twilio) splits by grapheme cluster (grapheme-splitter), except
 *   that it splits CR LF into two. In GSM-7 every cluster but CR LF is one character, so it must
 *   match our minimal count; in UCS-2 it is our `graphemeSafeSegments`. It counts units in bits
 *   (7 per septet, 16 per UCS-2 unit), which must match `units`.
 * The one legitimate difference: split-sms may cut an emoji sequence, a flag or a letter from its
 * accent where Twilio moves the whole cluster; texts where that happens are counted below to
 * prove the generator exercises it.
 */
import * as assert from 'node:assert/strict';
import { analyzeSms, gsmCost, GSM_BASIC, GSM_EXTENSION } from '../../../../src/core/sms';

interface SplitSmsResult {
  characterSet: 'GSM' | 'Unicode';
  parts: { content: string; length: number; bytes: number }[];
  bytes: number;
  length: number;
  remainingInPart: number;
}

const splitSms = require('split-sms') as { split(text: string, options?: { characterset?: 'GSM' | 'Unicode' }): SplitSmsResult };

const { SegmentedMessage } = require('sms-segments-calculator') as {
  SegmentedMessage: new (text: string, encoding?: 'GSM-7' | 'UCS-2' | 'auto') => { encodingName: string; segmentsCount: number; messageSize: number };
};

const gsmValidator = require('split-sms/lib/gsmvalidator') as { validateCharacter(c: string): boolean; validateExtendedCharacter(c: string): boolean };

const unicodeToGsm = require('sms-segments-calculator/dist/libs/UnicodeToGSM').default as Record<number, number[] | undefined>;

/** mulberry32: a small seeded generator, so a failure reproduces. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BASIC = GSM_BASIC.filter((c) => c && c !== '\r' && c !== '\n');
const EXTENSION = Object.keys(GSM_EXTENSION).filter((c) => c !== '\f');
const BMP_NON_GSM = ['ç', '’', '“', '—', '…', '中', 'ą', 'ş', 'Ж', 'ע', 'ő', '\u00a0'];
const ASTRAL = ['😀', '🎉', '𝄞', '🙂'];
// Clusters both grapheme-splitter (Unicode 10 rules) and Intl.Segmenter agree on.
const CLUSTERS = ['👍🏽', '🇬🇧', '🇫🇷', '👨‍👩‍👧', 'e\u0301', 'n\u0303', '1️⃣', '❤️'];

type Kind = 'gsm' | 'gsm-ext' | 'ucs2-bmp' | 'ucs2-astral' | 'ucs2-clusters';
const KINDS: Kind[] = ['gsm', 'gsm-ext', 'ucs2-bmp', 'ucs2-astral', 'ucs2-clusters'];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

/** A target length in units, biased to the part boundaries where calculators go wrong. */
function targetLength(r: () => number, gsm: boolean): number {
  const [single, multi] = gsm ? [160, 153] : [70, 67];
  const edges = [single, multi * 2, multi * 3, multi * 4];
  if (r() < 0.7) return Math.max(1, pick(r, edges) + Math.floor(r() * 9) - 4);
  return 1 + Math.floor(r() * single * 4);
}

function generate(r: () => number, kind: Kind): string {
  const gsm = kind === 'gsm' || kind === 'gsm-ext';
  const target = targetLength(r, gsm);
  let text = '';
  let units = 0;
  let special = false;
  while (units < target) {
    const x = r();
    let piece: string;
    if (x < 0.04) piece = pick(r, ['\n', '\r\n']);
    else if (kind === 'gsm-ext' && x < 0.15) piece = pick(r, EXTENSION);
    else if (kind === 'ucs2-bmp' && x < 0.1) piece = pick(r, BMP_NON_GSM);
    else if (kind === 'ucs2-astral' && x < 0.12) piece = pick(r, ASTRAL);
    else if (kind === 'ucs2-clusters' && x < 0.4) piece = pick(r, CLUSTERS);
    else piece = pick(r, BASIC);
    if (!gsm && x >= 0.04 && piece.length > 0 && gsmCost(piece.charCodeAt(0)) === 0) special = true;
    text += piece;
    units += gsm ? [...piece].reduce((n, c) => n + gsmCost(c.charCodeAt(0)), 0) : piece.length;
  }
  // A UCS-2 kind must hold at least one character outside GSM, else it is just GSM text.
  if (!gsm && !special) text = pick(r, kind === 'ucs2-clusters' ? CLUSTERS : kind === 'ucs2-astral' ? ASTRAL : BMP_NON_GSM) + text;
  return text;
}

const TEXTS: { kind: Kind; text: string }[] = (() => {
  const r = rng(0x5e95);
  const out: { kind: Kind; text: string }[] = [];
  for (let i = 0; i < 600; i++) {
    const kind = KINDS[i % KINDS.length];
    out.push({ kind, text: generate(r, kind) });
  }
  return out;
})();

const show = (t: string) => JSON.stringify(t.length > 60 ? `${t.slice(0, 30)}…${t.slice(-30)} (${t.length})` : t);

describe('agreement with independent SMS calculators', function () {
  // sms-segments-calculator builds an object per character: slow, not ours to measure.
  this.timeout(60_000);
  it('the GSM alphabet matches both calculators for every BMP character', () => {
    for (let cp = 0; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCharCode(cp);
      const ours = gsmCost(cp);
      const split = gsmValidator.validateCharacter(c) ? (gsmValidator.validateExtendedCharacter(c) ? 2 : 1) : 0;
      const twilio = unicodeToGsm[cp]?.length ?? 0;
      assert.equal(ours, split, `U+${cp.toString(16)} vs split-sms`);
      assert.equal(ours, twilio, `U+${cp.toString(16)} vs sms-segments-calculator`);
    }
  });

  it(`matches split-sms exactly on ${TEXTS.length} generated texts (minimal count, parts, remaining)`, () => {
    const seen = new Set<number>();
    for (const { text } of TEXTS) {
      const ours = analyzeSms(text);
      const theirs = splitSms.split(text);
      const ucs2 = theirs.characterSet === 'Unicode';
      assert.equal(ours.encoding, ucs2 ? 'UCS-2' : 'GSM-7', show(text));
      assert.equal(ours.segments, theirs.parts.length, `segments of ${show(text)}`);
      assert.equal(ours.units, ucs2 ? theirs.bytes / 2 : theirs.bytes, `units of ${show(text)}`);
      assert.equal(ours.remaining, theirs.remainingInPart, `remaining of ${show(text)}`);
      assert.deepEqual(
        ours.parts.map((p) => p.end - p.start),
        theirs.parts.map((p) => p.content.length),
        `parts of ${show(text)}`,
      );
      seen.add(ours.segments);
    }
    assert.ok(seen.size >= 4, 'the generator covers 1 to at least 4 segments');
  });

  it('matches split-sms with a forced character set (encoding_type text / unicode)', () => {
    for (const { text } of TEXTS.slice(0, 200)) {
      const gsm = analyzeSms(text, { encodingType: 'text' });
      const splitGsm = splitSms.split(text, { characterset: 'GSM' });
      assert.deepEqual([gsm.segments, gsm.units, gsm.remaining], [splitGsm.parts.length, splitGsm.bytes, splitGsm.remainingInPart], show(text));
      const ucs = analyzeSms(text, { encodingType: 'unicode' });
      const splitUcs = splitSms.split(text, { characterset: 'Unicode' });
      assert.deepEqual([ucs.segments, ucs.units, ucs.remaining], [splitUcs.parts.length, splitUcs.bytes / 2, splitUcs.remainingInPart], show(text));
    }
  });

  it(`matches sms-segments-calculator on ${TEXTS.length} generated texts (grapheme-safe in UCS-2)`, () => {
    let clusterCuts = 0;
    for (const { text } of TEXTS) {
      const ours = analyzeSms(text);
      const twilio = new SegmentedMessage(text);
      assert.equal(ours.encoding, twilio.encodingName, show(text));
      const bits = ours.encoding === 'GSM-7' ? 7 : 16;
      assert.equal(ours.units, twilio.messageSize / bits, `units of ${show(text)}`);
      if (ours.encoding === 'GSM-7') assert.equal(ours.segments, twilio.segmentsCount, `segments of ${show(text)}`);
      assert.equal(ours.graphemeSafeSegments, twilio.segmentsCount, `grapheme-safe segments of ${show(text)}`);
      if (ours.graphemeSafeSegments !== ours.segments) clusterCuts++;
    }
    // Where the two calculators legitimately differ: the generator must produce such texts.
    assert.ok(clusterCuts >= 5, 'some texts have a grapheme cluster on a part boundary');
  });

  it('matches sms-segments-calculator with UCS-2 forced', () => {
    for (const { text } of TEXTS.slice(0, 200)) {
      const ours = analyzeSms(text, { encodingType: 'unicode' });
      const twilio = new SegmentedMessage(text, 'UCS-2');
      assert.deepEqual([ours.graphemeSafeSegments, ours.units], [twilio.segmentsCount, twilio.messageSize / 16], show(text));
    }
  });
});
