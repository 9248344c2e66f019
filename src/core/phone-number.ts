/**
 * Reading a phone number as people write it (`+44 (0)7700 900000`, `0044 …`, `44-7700-…`): the country
 * code, the trunk prefix and the ranges each country uses come from libphonenumber's metadata, not
 * from guesses, so a fix never turns a number into another one.
 */
// The "min" metadata: its validity check is a little more lenient than "max" (it knows each country's
// number ranges but not each type's), which suits a warning; it costs about half the start-up time.
import { parsePhoneNumberWithError, ParseError, validatePhoneNumberLength, type CountryCode } from 'libphonenumber-js/min';

/** How a provider wants numbers written: bare digits (Vonage), `+` and digits (gateway), or either (WhatsApp). */
export type PhoneStyle = 'digits' | 'plus' | 'loose';

/** E.164 allows at most 15 digits after the `+` (ITU-T E.164, section 6). */
export const MAX_E164_DIGITS = 15;
/** Fewer digits than this is not an international number, unless the country's metadata says it is (Niue has 7). */
const MIN_PLAUSIBLE_DIGITS = 8;

/**
 * Numbers reserved for drama and testing: never a subscriber's, so no message can reach a stranger.
 * Ofcom reserves 07700 900000-900999 for TV and radio drama ("Telephone numbers for drama
 * purposes", ofcom.org.uk); libphonenumber calls them invalid, but they are the numbers examples
 * and the sandbox use.
 */
const RESERVED_FOR_DRAMA: readonly { pattern: RegExp; what: string }[] = [{ pattern: /^447700900\d{3}$/, what: "the UK's range for drama and testing" }];

export type PhoneReading =
  /** A number with a country code. `digits` is its E.164 form without `+`. */
  | {
      kind: 'international';
      digits: string;
      /** The digits as written, separators and `+`/`00` removed (differs from `digits` when a trunk 0 was dropped). */
      written: string;
      prefix: '+' | '00' | '';
      /** A trunk prefix after the country code was dropped (`+44 (0)7700…`). */
      trunk: boolean;
      country?: CountryCode;
      /** The country calling code (`44`), when it is one in use. */
      callingCode?: string;
      /** The country code is one in use. */
      knownCode: boolean;
      /** The number fits a range its country uses. */
      valid: boolean;
      /** The number has a length its country uses (so dropping a trunk prefix gave a whole number). */
      possible: boolean;
      lengthProblem?: 'TOO_SHORT' | 'TOO_LONG' | 'INVALID_LENGTH' | 'NOT_A_NUMBER' | 'INVALID_COUNTRY';
      /** Set for numbers reserved for drama and testing. */
      reserved?: string;
    }
  /** Written the way it is dialled inside a country (`07700 900000`): which country is not known. */
  | { kind: 'national'; written: string }
  | { kind: 'letters' }
  | { kind: 'not-a-number' };

// Separators people type: spaces (also non-breaking and thin), dashes, dots, slashes and brackets.
const SEPARATORS = /[\s\-\u2010-\u2015\u2212().\/\u00a0\u2009\u202f]/g;

/** What a number says, read with each country's rules. */
export function readPhone(raw: string): PhoneReading {
  const text = raw.trim();
  if (/\p{L}/u.test(text)) return { kind: 'letters' };
  const compact = text.replace(SEPARATORS, '');
  let prefix: '+' | '00' | '' = '';
  let rest = compact;
  if (rest.startsWith('+')) {
    prefix = '+';
    rest = rest.slice(1);
  } else if (rest.startsWith('00')) {
    // "00" is the international prefix of most of the world (ITU-T E.164 Annex); "011" (North America) is not read.
    prefix = '00';
    rest = rest.slice(2);
  }
  if (!/^\d+$/.test(rest)) return { kind: 'not-a-number' };
  if (prefix === '' && rest.startsWith('0')) return { kind: 'national', written: rest };
  if (rest.startsWith('0')) return { kind: 'not-a-number' };

  const base = { kind: 'international' as const, written: rest, prefix };
  let parsed;
  try {
    parsed = parsePhoneNumberWithError(`+${rest}`);
  } catch (e) {
    const problem = e instanceof ParseError ? (e.message as 'TOO_SHORT' | 'TOO_LONG' | 'NOT_A_NUMBER' | 'INVALID_COUNTRY') : 'NOT_A_NUMBER';
    return { ...base, digits: rest, trunk: false, knownCode: problem !== 'INVALID_COUNTRY', valid: false, possible: false, lengthProblem: problem };
  }
  const digits = parsed.number.slice(1);
  const reserved = RESERVED_FOR_DRAMA.find((r) => r.pattern.test(digits))?.what;
  return {
    ...base,
    digits,
    trunk: digits !== rest,
    country: parsed.country,
    callingCode: parsed.countryCallingCode,
    knownCode: true,
    valid: parsed.isValid(),
    possible: parsed.isPossible(),
    lengthProblem: validatePhoneNumberLength(parsed.number),
    reserved,
  };
}

/** The one formatting call per provider: E.164 digits, with `+` where the provider wants it. */
export function formatPhone(digits: string, style: PhoneStyle): string {
  return style === 'plus' ? `+${digits}` : digits;
}

/** Whether `raw` is already written as the provider wants it (WhatsApp takes a leading `+` too). */
export function isWrittenAs(raw: string, digits: string, style: PhoneStyle): boolean {
  return raw === formatPhone(digits, style) || (style === 'loose' && raw === `+${digits}`);
}

/** The digit count is one an international number can have (or the country's metadata vouches for it). */
export function plausibleLength(reading: Extract<PhoneReading, { kind: 'international' }>): boolean {
  const n = reading.written.length;
  if (n > MAX_E164_DIGITS) return false;
  return n >= MIN_PLAUSIBLE_DIGITS || reading.valid;
}

/** E.164 digits of a number when it can be read as international, for prefix checks (restricted countries). */
export function internationalDigits(raw: string): string | undefined {
  const r = readPhone(raw);
  return r.kind === 'international' ? r.digits : undefined;
}

let names: Intl.DisplayNames | undefined;

/** "France (+33)" for messages, or "the +44 numbering plan" when the number fits none of the countries sharing +44. */
export function placeName(reading: Extract<PhoneReading, { kind: 'international' }>): string {
  if (!reading.country) return reading.callingCode ? `the +${reading.callingCode} numbering plan` : 'any numbering plan';
  let name: string | undefined;
  try {
    names ??= new Intl.DisplayNames(['en'], { type: 'region' });
    name = names.of(reading.country);
  } catch {
    name = undefined;
  }
  return `${name ?? reading.country} (+${reading.callingCode})`;
}
