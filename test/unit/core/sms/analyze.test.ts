import * as assert from 'node:assert/strict';
import { analyzeSms, gsmCost, gsmReplacement, GSM_BASIC, GSM_EXTENSION, isGsmText, withGsmEquivalents, type SmsAnalysis } from '../../../../src/core/sms';

const a = (n: number) => 'a'.repeat(n);
const han = (n: number) => '中'.repeat(n);

/** Every part within capacity, parts tile the text, and no part boundary cuts a surrogate pair or an escape. */
function assertPartsSound(text: string, r: SmsAnalysis): void {
  assert.equal(r.parts.length, r.segments);
  assert.equal(r.parts[0].start, 0);
  assert.equal(r.parts[r.parts.length - 1].end, text.length);
  for (let i = 1; i < r.parts.length; i++) assert.equal(r.parts[i].start, r.parts[i - 1].end);
  for (const p of r.parts) {
    const c = text.charCodeAt(p.end - 1);
    assert.ok(p.end === text.length || !(c >= 0xd800 && c <= 0xdbff), `part ends inside a surrogate pair at ${p.end}`);
    const slice = text.slice(p.start, p.end);
    const units = r.encoding === 'GSM-7' ? [...slice].reduce((n, ch) => n + (gsmCost(ch.charCodeAt(0)) || 1), 0) : slice.length;
    assert.ok(units <= r.perSegment, `part ${p.start}-${p.end} holds ${units} > ${r.perSegment}`);
  }
}

describe('analyzeSms: live billing checks (PROVIDERS.md, Twilio issue #66)', () => {
  it('80 a + CRLF + 79 a is GSM-7 in 2 segments; with LF it is 1', () => {
    const crlf = analyzeSms(`${a(80)}\r\n${a(79)}`);
    assert.equal(crlf.encoding, 'GSM-7');
    assert.equal(crlf.units, 161);
    assert.equal(crlf.segments, 2);
    const lf = analyzeSms(`${a(80)}\n${a(79)}`);
    assert.equal(lf.units, 160);
    assert.equal(lf.segments, 1);
    assert.equal(lf.remaining, 0);
  });

  it('160 a is 1 segment, 161 is 2', () => {
    assert.deepEqual([analyzeSms(a(160)).segments, analyzeSms(a(161)).segments], [1, 2]);
  });

  it('70 中 is 1 UCS-2 segment, 71 is 2', () => {
    const one = analyzeSms(han(70));
    const two = analyzeSms(han(71));
    assert.deepEqual([one.encoding, one.segments, one.perSegment], ['UCS-2', 1, 70]);
    assert.deepEqual([two.segments, two.perSegment, two.remaining], [2, 67, 63]);
  });
});

describe('analyzeSms: boundaries', () => {
  it('GSM-7 multipart at 153 per part', () => {
    for (let n = 2; n <= 7; n++) {
      assert.equal(analyzeSms(a(153 * n)).segments, n, `${153 * n} septets`);
      assert.equal(analyzeSms(a(153 * n)).remaining, 0);
      const over = analyzeSms(a(153 * n + 1));
      assert.equal(over.segments, n + 1, `${153 * n + 1} septets`);
      assert.equal(over.remaining, 152);
      assertPartsSound(a(153 * n + 1), over);
    }
  });

  it('UCS-2 multipart at 67 per part', () => {
    for (let n = 2; n <= 7; n++) {
      assert.equal(analyzeSms(han(67 * n)).segments, n);
      assert.equal(analyzeSms(han(67 * n + 1)).segments, n + 1);
    }
  });

  it('extension characters cost 2 septets', () => {
    assert.deepEqual([analyzeSms(`${a(158)}€`).units, analyzeSms(`${a(158)}€`).segments], [160, 1]);
    assert.deepEqual([analyzeSms(`${a(159)}€`).units, analyzeSms(`${a(159)}€`).segments], [161, 2]);
    assert.equal(analyzeSms('{}[]~|^\\\f€').units, 20);
  });

  it('an extension character straddling a part boundary moves whole to the next part', () => {
    const text = `${a(152)}€${a(10)}`;
    const r = analyzeSms(text);
    assert.equal(r.units, 164);
    assert.deepEqual(r.parts, [
      { start: 0, end: 152 },
      { start: 152, end: 163 },
    ]);
    assert.equal(r.remaining, 153 - 12);
    assertPartsSound(text, r);
    // One septet earlier it fits exactly.
    assert.deepEqual(analyzeSms(`${a(151)}€${a(10)}`).parts[0], { start: 0, end: 152 });
  });

  it('a surrogate pair straddling a part boundary moves whole to the next part', () => {
    const text = `中${a(65)}😀${a(10)}`;
    const r = analyzeSms(text);
    assert.equal(r.encoding, 'UCS-2');
    assert.equal(r.units, 78);
    assert.deepEqual(r.parts[0], { start: 0, end: 66 });
    assert.equal(r.remaining, 67 - 12);
    assertPartsSound(text, r);
  });

  it('CRLF counts 2 and may be split between parts; LF counts 1', () => {
    const text = `${a(152)}\r\n${a(20)}`;
    const r = analyzeSms(text);
    assert.equal(r.units, 174);
    assert.deepEqual(r.parts[0], { start: 0, end: 153 });
    assert.equal(r.graphemeSafeSegments, 2);
  });

  it('an empty text is one empty segment', () => {
    assert.deepEqual(
      { ...analyzeSms(''), nonGsm: undefined },
      { encoding: 'GSM-7', segments: 1, units: 0, perSegment: 160, remaining: 160, graphemeSafeSegments: 1, parts: [{ start: 0, end: 0 }], nonGsm: undefined },
    );
  });
});

describe('analyzeSms: grapheme-safe count', () => {
  it('is one more when the minimal split cuts a letter from its combining accent', () => {
    const text = `${'x'.repeat(66)}e\u0301${'x'.repeat(66)}`;
    const r = analyzeSms(text);
    assert.equal(r.units, 134);
    assert.equal(r.segments, 2);
    assert.equal(r.parts[0].end, 67); // between e and U+0301
    assert.equal(r.graphemeSafeSegments, 3);
  });

  it('is one more when the split cuts an emoji from its skin tone or a flag in two', () => {
    const thumbs = analyzeSms(`${'x'.repeat(65)}👍🏽${'x'.repeat(65)}`);
    assert.deepEqual([thumbs.segments, thumbs.graphemeSafeSegments], [2, 3]);
    const flag = analyzeSms(`${'x'.repeat(65)}🇬🇧${'x'.repeat(65)}`);
    assert.deepEqual([flag.segments, flag.graphemeSafeSegments], [2, 3]);
  });

  it('equals the minimal count when no cluster straddles a boundary', () => {
    const r = analyzeSms(`👍🏽${'x'.repeat(100)}`);
    assert.equal(r.segments, r.graphemeSafeSegments);
  });

  it('still terminates and counts a cluster larger than a whole part', () => {
    const zalgo = `a${'\u0301'.repeat(100)}`;
    const r = analyzeSms(zalgo);
    assert.equal(r.units, 101);
    assert.equal(r.segments, 2);
    assert.equal(r.graphemeSafeSegments, 2);
  });
});

describe('analyzeSms: encoding', () => {
  it('Ç is GSM, ç is not', () => {
    assert.equal(analyzeSms('Ça va').encoding, 'GSM-7');
    const r = analyzeSms('ça va');
    assert.equal(r.encoding, 'UCS-2');
    assert.deepEqual(r.nonGsm, [{ start: 0, end: 1, char: 'ç' }]);
  });

  it('encoding_type unicode forces UCS-2 and text forces GSM-7', () => {
    const u = analyzeSms(a(71), { encodingType: 'unicode' });
    assert.deepEqual([u.encoding, u.units, u.segments], ['UCS-2', 71, 2]);
    const t = analyzeSms(`${a(150)}中😀`, { encodingType: 'text' });
    assert.deepEqual([t.encoding, t.units, t.segments], ['GSM-7', 152, 1]);
    assert.equal(t.nonGsm.length, 2);
    assert.equal(analyzeSms('ok', { encodingType: 'auto' }).encoding, 'GSM-7');
  });

  it('lists the characters that force UCS-2 as grapheme clusters with their GSM equivalents', () => {
    const text = 'It’s “ok” — 👍🏽…';
    const r = analyzeSms(text);
    assert.deepEqual(
      r.nonGsm.map((c) => [text.slice(c.start, c.end), c.replacement]),
      [
        ['’', "'"],
        ['“', '"'],
        ['”', '"'],
        ['—', '-'],
        ['👍🏽', undefined],
        ['…', '...'],
      ],
    );
    assert.equal(withGsmEquivalents(text, r.nonGsm, true), `It's "ok" - ...`);
    assert.equal(withGsmEquivalents(text, r.nonGsm), `It's "ok" - 👍🏽...`);
  });
});

describe('GSM tables and equivalents', () => {
  it('hold 127 basic characters (0x1B is the escape) and 10 extension characters', () => {
    assert.equal(GSM_BASIC.length, 128);
    assert.equal(GSM_BASIC.filter(Boolean).length, 127);
    assert.equal(new Set(GSM_BASIC.filter(Boolean)).size, 127);
    assert.equal(Object.keys(GSM_EXTENSION).length, 10);
    assert.equal(GSM_BASIC.indexOf('@'), 0);
    assert.equal(GSM_BASIC.indexOf('Ç'), 9);
    assert.equal(GSM_BASIC.indexOf('à'), 127);
    assert.equal(isGsmText('`'), false);
  });

  it('every replacement is GSM text and changes the character', () => {
    for (let cp = 0; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCharCode(cp);
      const r = gsmReplacement(ch);
      if (r === undefined) continue;
      assert.ok(isGsmText(r), `replacement for U+${cp.toString(16)} is not GSM`);
      assert.notEqual(r, ch);
    }
  });

  it('keeps the meaning: no accent dropped, decomposed letters composed, full-width folded', () => {
    assert.equal(gsmReplacement('ç'), undefined);
    assert.equal(gsmReplacement('á'), undefined);
    assert.equal(gsmReplacement('e\u0301'), 'é');
    assert.equal(gsmReplacement('！'), '!');
    assert.equal(gsmReplacement('\u00a0'), ' ');
    assert.equal(gsmReplacement('\u2013'), '-');
  });
});
