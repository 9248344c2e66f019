import * as assert from 'node:assert/strict';
import { clusterEnds } from '../../../../src/core/sms/graphemes';

/** The reference: Intl.Segmenter over the whole text, CR LF split in two. */
function reference(text: string): number[] {
  const ends: number[] = [];
  for (const g of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) {
    const end = g.index + g.segment.length;
    if (g.segment === '\r\n') ends.push(end - 1);
    ends.push(end);
  }
  return ends;
}

// Pieces chosen to exercise every UAX #29 rule that glues code points together.
const PIECES = [
  'a',
  'b',
  ' ',
  '1',
  '#',
  '\r',
  '\n',
  '\r\n',
  '中',
  'é',
  'ç',
  '’',
  '😀',
  '👍',
  '🏽',
  '\u200d',
  '👩',
  '👧',
  '❤',
  '\ufe0f',
  '\u20e3',
  '🇬',
  '🇧',
  '🇫',
  '🇷',
  'e',
  '\u0301',
  '\u0303',
  'क',
  '\u094d',
  'ष',
  'ि',
  'ก',
  '\u0e33',
  '\u0600',
  '\u1100',
  '\u1161',
  '\u11a8',
  '가',
  '각',
  '\u200c',
  '\ud83d',
  'x',
];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

describe('clusterEnds', () => {
  it('matches Intl.Segmenter over the whole text on 2000 random texts dense in joiners', () => {
    const r = rng(42);
    for (let n = 0; n < 2000; n++) {
      let text = '';
      const len = 1 + Math.floor(r() * 40);
      for (let i = 0; i < len; i++) text += PIECES[Math.floor(r() * PIECES.length)];
      assert.deepEqual(clusterEnds(text), reference(text), JSON.stringify(text));
    }
  });

  it('gives one cluster per code point, and CR LF as two, when there is no joiner', () => {
    assert.deepEqual(clusterEnds('a😀\r\n中'), [1, 3, 4, 5, 6]);
    assert.deepEqual(clusterEnds(''), []);
  });

  it('keeps emoji sequences, flags and accents whole', () => {
    const text = 'x👍🏽🇬🇧e\u0301👨‍👩‍👧y';
    assert.deepEqual(clusterEnds(text), reference(text));
    assert.equal(clusterEnds(text).length, 6);
  });
});
