/** Phone number format per provider: Vonage wants bare E.164 digits, the gateway wants `+` and digits. */
import { hasPlaceholder } from '../placeholders';
import { replaceStringEdit } from '../edits';
import type { PhoneRef } from '../model';
import { shown, type LintContext, type LintRule } from './context';

const SEPARATORS = /[\s\-().\u00a0]/g;

/** Digits of a number with its international prefix (`+` or `00`) and separators removed, or undefined. */
export function e164Digits(raw: string): string | undefined {
  let s = raw.trim().replace(SEPARATORS, '');
  if (s.startsWith('+')) s = s.slice(1);
  else if (s.startsWith('00')) s = s.slice(2);
  return /^\d+$/.test(s) ? s : undefined;
}

const validLength = (digits: string) => digits.length >= 8 && digits.length <= 15 && digits[0] !== '0';

export function checkPhone(ctx: LintContext, phone: PhoneRef, what: string): void {
  const raw = phone.text;
  // An empty number is the schema's to report ("must not be empty").
  if (raw === '' || hasPlaceholder(raw)) return;
  const digits = e164Digits(raw);
  const wanted = digits && validLength(digits) ? (phone.style === 'plus' ? `+${digits}` : digits) : undefined;
  // Locating needs the position tree, which costs on big files: only when there is something to say.
  const fixes = () => {
    if (!wanted || wanted === raw) return undefined;
    const range = ctx.range(phone.pointer);
    return [{ title: `Write the number as ${wanted}`, edits: [replaceStringEdit(range.start, range.end, wanted)] }];
  };
  const example = phone.style === 'plus' ? '+447700900000' : '447700900000';
  const rule =
    phone.style === 'plus'
      ? 'a "+", the country code and the number, with no spaces or dashes'
      : phone.style === 'loose'
        ? 'the country code and the number (a leading "+" is fine) or the WhatsApp id (wa_id)'
        : 'the country code and number as digits only, with no leading "+" or "00"';

  if (!digits) {
    ctx.report({ severity: 'error', code: 'phone-format', pointer: phone.pointer, message: `${what} ${shown(raw)} is not a phone number: write ${rule}, e.g. ${example}.` });
    return;
  }
  if (!validLength(digits)) {
    const why = digits[0] === '0' ? 'starts with 0 (a trunk prefix, not a country code)' : `has ${digits.length} digits`;
    ctx.report({ severity: 'error', code: 'phone-format', pointer: phone.pointer, message: `${what} ${shown(raw)} ${why}; an international number has 8 to 15 digits starting with the country code, e.g. ${example}.` });
    return;
  }
  if (phone.style === 'loose') return;
  if (wanted !== raw) {
    let why: string;
    if (phone.style === 'plus') why = raw.startsWith('+') ? 'has spaces or dashes' : raw.trim().startsWith('00') ? 'uses "00" instead of "+"' : 'lacks the leading "+"';
    else why = raw.trim().startsWith('+') ? 'has a leading "+"' : raw.trim().startsWith('00') ? 'has a leading "00"' : 'has spaces or dashes';
    ctx.report({ severity: 'error', code: 'phone-format', pointer: phone.pointer, message: `${what} ${shown(raw)} ${why}: write ${rule}, e.g. ${wanted}.`, fixes: fixes() });
  }
}

export const phoneFormat: LintRule = (ctx) => {
  const m = ctx.model;
  if (!m?.to) return;
  checkPhone(ctx, m.to, 'The recipient number');
};
