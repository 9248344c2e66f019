/**
 * Phone numbers as people write them, from every country Google's libphonenumber knows, checked
 * against that library (the Java original's JavaScript build: an independent parser) as the oracle:
 * each provider's fix must give the oracle's E.164 number in the provider's form, and never another.
 */
import * as assert from 'node:assert/strict';
import { PhoneNumberFormat as PNF, PhoneNumberType as PNT, PhoneNumberUtil } from 'google-libphonenumber';
import { applyEdits } from '../../../src/core/edits';
import { formatPhone, readPhone, type PhoneStyle } from '../../../src/core/phone-number';
import { validateText } from '../../../src/pipeline/validate';

const util = PhoneNumberUtil.getInstance();

/** One payload per style, the number in the recipient field. */
const PROVIDERS: { style: PhoneStyle; file: string; payload: (to: string) => unknown; pointer: string }[] = [
  { style: 'digits', file: 'x.vonage.json', payload: (to) => ({ message_type: 'text', channel: 'sms', to, from: 'Acme', text: 'hi' }), pointer: '/to' },
  { style: 'loose', file: 'x.whatsapp.json', payload: (to) => ({ messaging_product: 'whatsapp', to, type: 'text', text: { body: 'hi' } }), pointer: '/to' },
  { style: 'plus', file: 'x.gateway.json', payload: (to) => ({ phone: to, message: 'hi' }), pointer: '/phone' },
];

interface Outcome {
  /** The number after the fix (or as written when nothing was reported). */
  value: string;
  format?: { fixed: boolean };
  invalid: boolean;
}

function lintNumber(provider: (typeof PROVIDERS)[number], raw: string): Outcome {
  const text = JSON.stringify(provider.payload(raw), null, 2);
  const problems = validateText(text, { fileName: provider.file }).problems.filter((p) => p.pointer === provider.pointer);
  const format = problems.find((p) => p.code === 'phone-format');
  const invalid = problems.some((p) => p.code === 'phone-invalid');
  if (!format) return { value: raw, invalid };
  const fix = format.fixes?.find((f) => f.auto);
  if (!fix) return { value: raw, format: { fixed: false }, invalid };
  const fixed = JSON.parse(applyEdits(text, fix.edits));
  return { value: provider.pointer === '/to' ? fixed.to : fixed.phone, format: { fixed: true }, invalid };
}

/**
 * The oracle: Google's parser. `00` is read as the international prefix of a country that dials it
 * (Germany); digits with no prefix are international, as the providers' own form (country code first) is.
 */
function oracle(raw: string): { digits: string; possible: boolean; valid: boolean } | undefined {
  const t = raw.trim();
  const input = t.startsWith('+') || t.startsWith('0') || t.startsWith('(') ? t : `+${t}`;
  try {
    const n = util.parse(input, t.startsWith('00') ? 'DE' : 'ZZ');
    return { digits: util.format(n, PNF.E164).slice(1), possible: util.isPossibleNumber(n), valid: util.isValidNumber(n) };
  } catch {
    return undefined;
  }
}

/** How people write one number: spaced, dashed, bracketed, with `00`, with the trunk prefix kept in brackets. */
function writings(region: string, type: PNT): string[] {
  const n = util.getExampleNumberForType(region, type);
  if (!n) return [];
  const intl = util.format(n, PNF.INTERNATIONAL); // "+44 7400 123456"
  const e164 = util.format(n, PNF.E164);
  const cc = `+${n.getCountryCode()}`;
  const out = [intl, e164, e164.slice(1), `00${intl.slice(1)}`, intl.replace(/ /g, '-'), `(${cc}) ${intl.slice(cc.length + 1)}`, intl.replace(/ /g, '.')];
  const trunk = util.getNddPrefixForRegion(region, true);
  const national = util.format(n, PNF.NATIONAL);
  if (trunk && national.replace(/\D/g, '').startsWith(trunk) && !national.includes('(')) {
    const rest = national.replace(/^\D*/, '').slice(trunk.length);
    out.push(`${cc} (${trunk})${rest}`, `${cc}${trunk}${rest.replace(/\D/g, '')}`);
  }
  return out;
}

/** Real-world forms the generated ones miss. */
const HANDWRITTEN = [
  '+44 (0)7700 900000',
  '+44 (0) 20 7946 0958',
  '+49 (0)30 12345678',
  '+49 (0)171 1234567',
  '+33 (0)6 12 34 56 78',
  '+39 06 6982 1234',
  '+39 (0)6 6982 1234',
  '0039 333 123 4567',
  '+1 (415) 555-0100',
  '1-212-555-0123',
  '+61 (0)4 1234 5678',
  '0061 412 345 678',
  '+91 98765 43210',
  '+91-(0)98765-43210',
  '+55 (11) 91234-5678',
  '+52 1 55 1234 5678',
  '+54 9 11 2345-6789',
  '+7 (495) 123-45-67',
  '+81 (0)90-1234-5678',
  '+86 138 0013 8000',
  '+234 (0)803 123 4567',
  '+27 (0)82 123 4567',
  '+31 (0)6 12345678',
  '+353 (0)87 123 4567',
  '+380 (0)44 123 4567',
  '+972 (0)50-123-4567',
  '+971 (0)50 123 4567',
  '+65 8123 4567',
  '+852 5123 4567',
  '+64 (0)21 123 4567',
  '00 44 7911 123456',
  '(020) 7946 0958',
  '07700 900000',
  '+1-800-FLOWERS',
  '+44 7700 9OO000',
  'tel:+44-7700-900000',
  '+44 7700 900000 ext. 12',
  '+683 4002',
  '+999 1234 5678',
  '+44 7700 90000',
];

describe('phone numbers against an independent parser (google-libphonenumber)', function () {
  this.timeout(60000);
  const corpus = new Set(HANDWRITTEN);
  for (const region of util.getSupportedRegions()) for (const type of [PNT.MOBILE, PNT.FIXED_LINE]) for (const w of writings(region, type)) corpus.add(w);

  it(`fixes each of ${HANDWRITTEN.length}+ written forms to the oracle's number, in each provider's form, or offers no fix`, () => {
    let fixed = 0;
    let checked = 0;
    const wrong: string[] = [];
    for (const raw of corpus) {
      const o = oracle(raw);
      const letters = /\p{L}/u.test(raw);
      for (const provider of PROVIDERS) {
        checked++;
        const got = lintNumber(provider, raw);
        if (got.format?.fixed) fixed++;
        const changedOrAccepted = !got.format || got.format.fixed;
        if (changedOrAccepted) {
          // Whatever we accept or write must be the oracle's number.
          const expected = o && formatPhone(o.digits, provider.style);
          const acceptable = expected !== undefined && (got.value === expected || (provider.style === 'loose' && got.value === `+${o!.digits}`));
          if (!acceptable || letters) wrong.push(`${provider.style} ${JSON.stringify(raw)} -> ${JSON.stringify(got.value)}, oracle ${o?.digits}`);
        } else if (o && o.possible && !letters && !/^0(?!0)/.test(raw.trim().replace(/^\(/, ''))) {
          // A whole number with a country code always gets its fix.
          wrong.push(`${provider.style} ${JSON.stringify(raw)}: no fix, oracle has ${o.digits}`);
        }
      }
    }
    assert.deepEqual(wrong, []);
    assert.ok(corpus.size > 2500, `corpus of ${corpus.size}`);
    assert.ok(fixed > checked / 2, `${fixed} of ${checked} fixed`);
  });

  it('the (0) of "+44 (0)7700 900000" is dropped, in each provider\'s form', () => {
    assert.deepEqual(
      PROVIDERS.map((p) => lintNumber(p, '+44 (0)7700 900000').value),
      ['447700900000', '447700900000', '+447700900000'],
    );
  });

  it('letters, national numbers and unknown lengths get no fix: no guess ever becomes a number', () => {
    for (const raw of ['+1-800-FLOWERS', '+44 7700 9OO000', '07700 900000', '(020) 7946 0958', '+44 7700 900000 ext. 12', '+4477009000001234']) {
      for (const p of PROVIDERS) assert.equal(lintNumber(p, raw).format?.fixed, false, `${p.style} ${raw}`);
    }
  });

  it('warns (never errs) when a well-formed number is not valid for its country, as the oracle says', () => {
    let agree = 0;
    let total = 0;
    const falseAlarms: string[] = [];
    for (const region of util.getSupportedRegions()) {
      for (const type of [PNT.MOBILE, PNT.FIXED_LINE]) {
        const n = util.getExampleNumberForType(region, type);
        if (!n) continue;
        const e164 = util.format(n, PNF.E164);
        for (const raw of [e164, e164.slice(0, -1), `${e164}7`]) {
          const o = oracle(raw)!;
          const got = lintNumber(PROVIDERS[2], raw);
          if (got.format) continue; // a wrong length is a form error, not this warning
          total++;
          if (got.invalid === !o.valid) agree++;
          if (got.invalid && o.valid) falseAlarms.push(raw);
        }
      }
    }
    // The two libraries ship metadata of different releases, and "min" is more lenient than the
    // oracle's full set: a handful of disagreements, almost none of them a warning the oracle would not give.
    assert.ok(falseAlarms.length <= total / 200, `warned on ${falseAlarms.length} numbers the oracle calls valid: ${falseAlarms.join(', ')}`);
    assert.ok(agree / total > 0.95, `agreement ${agree}/${total}`);
  });

  it("the UK drama range (the sandbox's open window) is usable: no warning, no error", () => {
    for (const p of PROVIDERS) {
      const got = lintNumber(p, formatPhone('447700900123', p.style));
      assert.equal(got.format, undefined);
      assert.equal(got.invalid, false);
    }
    assert.equal(readPhone('+447700900123').kind === 'international' && (readPhone('+447700900123') as { valid: boolean }).valid, false, 'libphonenumber itself calls it invalid');
  });

  it('says why a number is not valid: too short for France', () => {
    const text = JSON.stringify({ phone: '+3361234567', message: 'hi' });
    const w = validateText(text, { fileName: 'x.gateway.json' }).problems.find((p) => p.code === 'phone-invalid');
    assert.ok(w);
    assert.equal(w.severity, 'warning');
    assert.match(w.message, /"\+3361234567" is too short for France \(\+33\)/);
  });
});
