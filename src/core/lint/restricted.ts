/** WhatsApp may not be used to or from Crimea, Cuba, Iran, North Korea and Syria (seed 001). */
import { hasPlaceholder } from '../placeholders';
import type { TextRef } from '../model';
import { internationalDigits } from '../phone-number';
import type { LintContext, LintRule } from './context';

/** E.164 prefixes (country codes are prefix-free); Crimea uses Ukrainian and Russian ranges. */
const RESTRICTED: readonly { prefix: string; place: string }[] = [
  { prefix: '53', place: 'Cuba (+53)' },
  { prefix: '98', place: 'Iran (+98)' },
  { prefix: '850', place: 'North Korea (+850)' },
  { prefix: '963', place: 'Syria (+963)' },
  { prefix: '38065', place: 'Crimea (+380 65)' },
  { prefix: '38069', place: 'Crimea (Sevastopol, +380 69)' },
  { prefix: '7365', place: 'Crimea (+7 365)' },
  { prefix: '7978', place: 'Crimea (mobile, +7 978)' },
  { prefix: '7869', place: 'Crimea (Sevastopol, +7 869)' },
];

export function restrictedPlace(number: string): string | undefined {
  const digits = internationalDigits(number);
  if (!digits) return undefined;
  return RESTRICTED.find((r) => digits.startsWith(r.prefix))?.place;
}

function check(ctx: LintContext, ref: TextRef | undefined, direction: 'to' | 'from'): void {
  if (!ref || hasPlaceholder(ref.text)) return;
  const place = restrictedPlace(ref.text);
  if (!place) return;
  ctx.report({
    severity: 'error',
    code: 'restricted-destination',
    pointer: ref.pointer,
    message: `WhatsApp Business may not be used to send messages ${direction} ${place}: the message will not be delivered. Use another channel for this number.`,
  });
}

export const restrictedDestinations: LintRule = (ctx) => {
  if (ctx.model?.channel !== 'whatsapp') return;
  check(ctx, ctx.model.to, 'to');
  check(ctx, ctx.model.from, 'from');
};
