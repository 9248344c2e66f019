/**
 * SMS cost: a handful of characters outside the GSM alphabet (a curly quote pasted from a word
 * processor) switch the whole message to UCS-2, which fits 70 characters per part instead of 160.
 * Each such character is flagged where it stands in the file, with its GSM equivalent as a fix.
 */
import { hasPlaceholder } from '../placeholders';
import type { Fix, TextEdit } from '../problem';
import { analyzeSms, withGsmEquivalents, type NonGsmChar, type SmsAnalysis } from '../sms';
import { jsonStringBody, jsonStringOffsets } from '../sms/json-string-offsets';
import type { LintContext, LintRule } from './context';

/** Above this many characters without an equivalent, the text is simply not Latin: UCS-2 is right. */
const FEW = 5;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function codePoints(char: string): string {
  return [...char].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
}

/** How a character reads in a message: invisible ones by their code point only. */
function shown(char: string): string {
  return /^[\s\u200b-\u200f\u2060\ufeff\u00ad]+$/u.test(char) ? codePoints(char) : `"${char}" (${codePoints(char)})`;
}

/** Quoted for a message: a replacement that is itself a double quote reads better in single quotes. */
const q = (s: string) => (s.includes('"') ? `'${s}'` : `"${s}"`);

function fixTitle(c: NonGsmChar): string {
  return c.replacement === '' ? `Remove the invisible character ${codePoints(c.char)}` : `Replace ${q(c.char)} with ${q(c.replacement!)}`;
}

/** What the non-GSM characters cost, in words: "3 segments instead of 1". */
function cost(a: SmsAnalysis, gsm: SmsAnalysis): string {
  if (a.segments !== gsm.segments) return `${plural(a.segments, 'segment')} instead of ${gsm.segments}`;
  return `${a.segments === 1 ? '1 segment' : `${a.segments} segments`} either way for now, but a segment holds ${a.perSegment} characters instead of ${gsm.perSegment}`;
}

export const smsRules: LintRule = (ctx) => {
  const m = ctx.model;
  if (!m || m.channel !== 'sms' || !m.text) return;
  const { text, pointer } = m.text;
  const type = m.smsEncoding ?? 'auto';
  const a = analyzeSms(text, { encodingType: type });
  const filled = hasPlaceholder(text) ? ' (counted before the {{placeholders}} are filled)' : '';

  if (a.nonGsm.length > 0 && type !== 'unicode') reportNonGsm(ctx, pointer, text, a, type === 'text', filled);

  if (a.segments > 1) {
    const unit = a.encoding === 'GSM-7' ? 'septets' : 'UTF-16 units';
    const safe = a.graphemeSafeSegments > a.segments ? ` Senders that never split an emoji or accented letter across parts need ${a.graphemeSafeSegments}.` : '';
    ctx.report({
      severity: 'info',
      code: 'sms-segments',
      pointer,
      message: `This SMS goes out as ${a.segments} segments${filled}, each billed as one message: ${a.encoding}, ${a.units} ${unit} at ${a.perSegment} per segment, ${a.remaining} left in the last.${safe}`,
    });
  }
};

function reportNonGsm(ctx: LintContext, pointer: string, text: string, a: SmsAnalysis, forcedText: boolean, filled: string): void {
  const chars = a.nonGsm;
  const unreplaceable = chars.filter((c) => c.replacement === undefined).length;
  if (unreplaceable > FEW) {
    // Not Latin text: UCS-2 is right, unless the payload forbids it.
    if (forcedText) {
      ctx.report({
        severity: 'warning',
        code: 'sms-not-gsm',
        pointer,
        message: `${chars.length} characters of this text are not in the GSM-7 alphabet and sms.encoding_type is "text", so they will not arrive as written. Set sms.encoding_type to "unicode" or "auto".`,
      });
    }
    return;
  }

  const valueRange = ctx.range(pointer);
  const offsets = jsonStringOffsets(ctx.doc.text, valueRange.start);
  // The model's text must be the literal's exact decoding for offsets to be trusted.
  const located = offsets !== undefined && offsets.length === text.length + 1;
  const edit = (c: NonGsmChar): TextEdit => ({ offset: offsets![c.start], length: offsets![c.end] - offsets![c.start], newText: jsonStringBody(c.replacement!) });

  const replaceable = chars.filter((c) => c.replacement !== undefined);
  const fixAll: Fix | undefined =
    located && replaceable.length > 1
      ? {
          title:
            replaceable.length === chars.length
              ? `Replace all ${chars.length} non-GSM characters with their GSM equivalents`
              : `Replace the ${replaceable.length} non-GSM characters that have a GSM equivalent`,
          edits: replaceable.map(edit),
        }
      : undefined;

  let why: string;
  if (forcedText) {
    why = 'is not in the GSM-7 alphabet and sms.encoding_type is "text", so it will not arrive as written.';
  } else {
    const gsm = analyzeSms(withGsmEquivalents(text, chars, true));
    const others = chars.length > 1 ? ` (with ${plural(chars.length - 1, 'other such character')})` : '';
    why = `is not in the GSM-7 alphabet: it${others} makes the SMS UCS-2, ${cost(a, gsm)}${filled}.`;
  }

  for (const c of chars) {
    const fixes: Fix[] = [];
    if (located && c.replacement !== undefined) fixes.push({ title: fixTitle(c), edits: [edit(c)] });
    if (fixAll) fixes.push(fixAll);
    const advice =
      c.replacement === undefined
        ? forcedText
          ? ' Remove it, or set sms.encoding_type to "unicode".'
          : ' Remove it if the message can do without it.'
        : c.replacement === ''
          ? ' Remove it: it is invisible.'
          : ` Write ${q(c.replacement)} instead.`;
    ctx.report({
      severity: 'warning',
      code: forcedText ? 'sms-not-gsm' : 'sms-ucs2',
      pointer,
      ...(located ? { start: offsets[c.start], end: offsets[c.end] } : {}),
      message: `${shown(c.char)} ${why}${advice}`,
      fixes: fixes.length > 0 ? fixes : undefined,
    });
  }
}
