/**
 * Phone numbers in the form each provider wants (Vonage and WhatsApp: E.164 digits; the gateway: `+`
 * and digits). A wrong form is an error with the one right fix; a number its country does not use is
 * a warning, so numbers reserved for testing stay usable.
 */
import { hasPlaceholder } from '../placeholders';
import { replaceStringEdit } from '../edits';
import type { PhoneRef } from '../model';
import { formatPhone, isWrittenAs, MAX_E164_DIGITS, placeName, plausibleLength, readPhone, type PhoneReading, type PhoneStyle } from '../phone-number';
import { shown, type LintContext, type LintRule } from './context';

const RULE: Record<PhoneStyle, string> = {
  plus: 'a "+", the country code and the number, with no spaces or dashes',
  loose: 'the country code and the number as digits (a leading "+" is fine), or the WhatsApp id (wa_id)',
  digits: 'the country code and number as digits only, with no leading "+" or "00"',
};

/**
 * Whether the number's E.164 form is certain: dropping a trunk 0 is right only when what is left is a
 * whole number of that country, and with no country code in use no form is right.
 */
function sure(r: Extract<PhoneReading, { kind: 'international' }>): boolean {
  return r.knownCode && (!r.trunk || r.possible);
}

export function checkPhone(ctx: LintContext, phone: PhoneRef, what: string): void {
  const raw = phone.text;
  // An empty number is the schema's to report ("must not be empty").
  if (raw === '' || hasPlaceholder(raw)) return;
  const style = phone.style;
  const example = formatPhone('447700900000', style);
  const say = (message: string, fixed?: string, severity: 'error' | 'info' = 'error') => {
    // Locating needs the position tree, which costs on big files: only when there is a fix to offer.
    const at = fixed === undefined ? undefined : ctx.range(phone.pointer);
    const fixes = at && fixed !== undefined ? [{ title: `Write the number as ${fixed}`, auto: true, edits: [replaceStringEdit(at.start, at.end, fixed)] }] : undefined;
    ctx.report({ severity, code: 'phone-format', pointer: phone.pointer, message, fixes });
  };

  const r = readPhone(raw);
  if (r.kind === 'letters') return say(`${what} ${shown(raw)} contains letters: write ${RULE[style]}, e.g. ${example}.`);
  if (r.kind === 'not-a-number') return say(`${what} ${shown(raw)} is not a phone number: write ${RULE[style]}, e.g. ${example}.`);
  if (r.kind === 'national') {
    return say(`${what} ${shown(raw)} starts with 0 (a trunk prefix, not a country code): write the country code and the number without its leading 0, e.g. ${example} for the UK's 07700 900000.`);
  }
  if (!plausibleLength(r)) {
    const n = r.written.length;
    return say(`${what} ${shown(raw)} has ${n} digits; an international number has ${n > MAX_E164_DIGITS ? `at most ${MAX_E164_DIGITS}` : 'more'}, starting with the country code, e.g. ${example}.`);
  }

  if (!isWrittenAs(raw, r.digits, style)) {
    const wanted = formatPhone(r.digits, style);
    const t = raw.trim();
    let why: string;
    if (r.trunk) why = `keeps the trunk prefix 0 after the country code +${r.callingCode ?? ''} (that 0 is dialled only inside the country)`;
    else if (r.prefix === '00') why = style === 'plus' ? 'uses "00" instead of "+"' : 'has a leading "00"';
    else if (style === 'plus' && !t.startsWith('+')) why = 'lacks the leading "+"';
    else if (style === 'digits' && t.startsWith('+') && /^\+\d+$/.test(t)) why = 'has a leading "+"';
    else {
      // WhatsApp reads "+1 (415) 555-0100" as written (Meta's Cloud API strips the separators): nothing is wrong.
      if (style === 'loose' && sure(r)) return say(`${what} ${shown(raw)} has spaces, dashes or brackets; WhatsApp accepts them, and the number is ${wanted} as a wa_id.`, wanted, 'info');
      why = 'has spaces, dashes or brackets';
    }
    const fixed = sure(r) ? wanted : undefined;
    return say(`${what} ${shown(raw)} ${why}: write ${RULE[style]}, e.g. ${fixed ?? example}.`, fixed);
  }

  if (r.valid || r.reserved) return;
  let why: string;
  if (!r.knownCode) why = 'does not start with a country code in use';
  else if (r.lengthProblem === 'TOO_SHORT') why = `is too short for ${placeName(r)}`;
  else if (r.lengthProblem === 'TOO_LONG') why = `is too long for ${placeName(r)}`;
  else if (r.lengthProblem === 'INVALID_LENGTH') why = `has a length ${placeName(r)} does not use`;
  else why = `is not in a number range ${placeName(r)} uses`;
  ctx.report({
    severity: 'warning',
    code: 'phone-invalid',
    pointer: phone.pointer,
    message: `${what} ${shown(raw)} ${why}: check it, the message cannot be delivered to a number that does not exist.`,
  });
}

export const phoneFormat: LintRule = (ctx) => {
  const m = ctx.model;
  if (!m?.to) return;
  checkPhone(ctx, m.to, 'The recipient number');
};
