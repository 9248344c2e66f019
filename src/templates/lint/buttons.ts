/**
 * Definition rules about buttons: how many of each kind, their order, their labels and targets.
 * Source: Meta, template components (SOURCES.components, "Buttons"): up to 10 buttons; quick
 * reply buttons grouped together (not mixed between call-to-action buttons); at most 2 URL buttons,
 * 1 phone number button and 1 copy code button; button text at most 25 characters; URL at most
 * 2000 characters; phone number at most 20.
 */
import { setValueEdits } from '../../core/edits';
import { buttonsOf, rangeInString, type LocatedButton } from './located';
import type { DefinitionRule } from './rule';

export const MAX_BUTTONS = 10;
export const MAX_BUTTON_TEXT = 25;
const PER_TYPE: Record<string, number> = { URL: 2, PHONE_NUMBER: 1, COPY_CODE: 1 };
const LABEL: Record<string, string> = { URL: 'URL buttons', PHONE_NUMBER: 'phone number button', COPY_CODE: 'copy code button' };
/** Types whose label the definition gives (OTP and COPY_CODE labels are Meta's). */
const NEEDS_TEXT = new Set(['QUICK_REPLY', 'URL', 'PHONE_NUMBER', 'FLOW', 'CATALOG', 'MPM', 'SPM', 'VOICE_CALL']);

/** `template-button-count`: at most 10 buttons, and the per-kind limits. */
export const buttonCount: DefinitionRule = (ctx, def) => {
  const component = def.components.find((c) => c.type === 'BUTTONS');
  const buttons = buttonsOf(component);
  if (buttons.length > MAX_BUTTONS) {
    ctx.report({
      severity: 'error',
      code: 'template-button-count',
      pointer: buttons[MAX_BUTTONS].pointer,
      message: `The template has ${buttons.length} buttons; Meta allows at most ${MAX_BUTTONS}. Remove ${buttons.length - MAX_BUTTONS} (from this one on).`,
    });
  }
  for (const [type, max] of Object.entries(PER_TYPE)) {
    const of = buttons.filter((b) => b.type === type);
    if (of.length > max) {
      ctx.report({
        severity: 'error',
        code: 'template-button-count',
        pointer: `${of[max].pointer}/type`,
        message: `A template has at most ${max} ${LABEL[type]}; this is number ${max + 1}. Remove it or change its type.`,
      });
    }
  }
};

/** `template-button-order`: quick reply buttons stand together, not between call-to-action buttons. */
export const buttonOrder: DefinitionRule = (ctx, def) => {
  const component = def.components.find((c) => c.type === 'BUTTONS');
  const buttons = buttonsOf(component);
  const firstQr = buttons.findIndex((b) => b.type === 'QUICK_REPLY');
  if (firstQr < 0) return;
  let left = false;
  const stray = buttons.find((b, i) => {
    if (i <= firstQr) return false;
    if (b.type !== 'QUICK_REPLY') left = true;
    return b.type === 'QUICK_REPLY' && left;
  });
  if (!stray || !component) return;
  // One right answer: the quick replies join the first group, everything else keeps its order.
  const qr = buttons.filter((b) => b.type === 'QUICK_REPLY');
  const rest = buttons.filter((b) => b.type !== 'QUICK_REPLY');
  const reordered = [...rest.slice(0, rest.filter((b) => buttons.indexOf(b) < firstQr).length), ...qr, ...rest.filter((b) => buttons.indexOf(b) > firstQr)].map((b) => b.value);
  const path = component.pointer
    .split('/')
    .slice(1)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  ctx.report({
    severity: 'error',
    code: 'template-button-order',
    pointer: `${stray.pointer}/type`,
    message: 'Quick reply buttons must stand together: this one is separated from the others by a call-to-action button. Move the quick replies next to each other.',
    fixes: [{ title: 'Group the quick reply buttons', edits: setValueEdits(ctx.doc.text, [...path, 'buttons'], reordered) }],
  });
};

function checkButton(ctx: Parameters<DefinitionRule>[0], b: LocatedButton): void {
  const text = b.value.text;
  if (typeof text === 'string' && text.length > MAX_BUTTON_TEXT) {
    const pointer = `${b.pointer}/text`;
    ctx.report({
      severity: 'error',
      code: 'template-button-text',
      pointer,
      ...rangeInString(ctx, pointer, MAX_BUTTON_TEXT, text.length),
      message: `The button text is ${text.length} characters; Meta allows at most ${MAX_BUTTON_TEXT}. Shorten it by ${text.length - MAX_BUTTON_TEXT}.`,
    });
  } else if (NEEDS_TEXT.has(b.type) && (text === undefined || (typeof text === 'string' && text.trim() === ''))) {
    ctx.report({
      severity: 'error',
      code: 'template-button-text',
      pointer: `${b.pointer}/text`,
      message: `This ${b.type} button has no "text": add its label (at most ${MAX_BUTTON_TEXT} characters).`,
    });
  }
  if (b.type === 'URL') {
    if (b.value.url === undefined || b.value.url === '')
      ctx.report({ severity: 'error', code: 'template-button-url', pointer: `${b.pointer}/url`, message: 'A URL button needs "url": the address it opens (https://...).' });
    else if (typeof b.value.url === 'string' && b.value.url.length > 2000)
      ctx.report({ severity: 'error', code: 'template-button-url', pointer: `${b.pointer}/url`, message: `The URL is ${b.value.url.length} characters; Meta allows at most 2000.` });
  }
  if (b.type === 'PHONE_NUMBER') {
    const phone = b.value.phone_number;
    if (phone === undefined || phone === '')
      ctx.report({
        severity: 'error',
        code: 'template-button-phone',
        pointer: `${b.pointer}/phone_number`,
        message: 'A PHONE_NUMBER button needs "phone_number": the number to call, with its country code.',
      });
    else if (typeof phone === 'string' && phone.length > 20)
      ctx.report({ severity: 'error', code: 'template-button-phone', pointer: `${b.pointer}/phone_number`, message: `The phone number is ${phone.length} characters; Meta allows at most 20.` });
  }
}

/** `template-button-text`, `template-button-url`, `template-button-phone`: each button's label and target. */
export const buttonFields: DefinitionRule = (ctx, def) => {
  for (const c of [...def.components, ...def.cards.flatMap((card) => card.components)]) {
    if (c.type === 'BUTTONS') for (const b of buttonsOf(c)) checkButton(ctx, b);
  }
};
