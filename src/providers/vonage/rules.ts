/** Vonage v1 rules a JSON Schema can't express: who may be the sender, replies that need a target. */
import type { z } from 'zod';
import { shown, type LintContext, type LintRule } from '../../core/lint/context';
import { checkPhone } from '../../core/lint/phone';
import { hasPlaceholder } from '../../core/placeholders';
import { schemaProblemsAt } from '../../core/schema-check';
import { rec, str } from '../common/fields';
import { MAX_SMS_SENDER_ID } from './limits';
import { once } from '../lazy';

const SENDER_ID = /^[A-Za-z0-9 ]+$/;
/** Up to this many digits a sender is a short code, not an international number. */
const MAX_SHORT_CODE = 7;

/**
 * SMS `from`: a number (digits only, with a quick fix for "+", "00" and separators), a short
 * code, or an alphanumeric sender id of at most 11 letters, digits and spaces.
 */
export function checkSmsSender(ctx: LintContext, raw: string, pointer: string): void {
  if (raw === '' || hasPlaceholder(raw)) return;
  const looksLikeNumber = /^[\s+(]*\d[\d\s\-().]*$/.test(raw) || raw.trim().startsWith('+');
  if (looksLikeNumber) {
    const digitsOnly = /^\d+$/.test(raw);
    if (digitsOnly && raw.length <= MAX_SHORT_CODE) return;
    checkNumber(ctx, raw, pointer, 'The SMS sender number');
    return;
  }
  if (raw.length > MAX_SMS_SENDER_ID) {
    ctx.report({
      severity: 'error',
      code: 'sms-sender-id',
      pointer,
      message: `The SMS sender id ${shown(raw)} is ${raw.length} characters; an alphanumeric sender id may have at most ${MAX_SMS_SENDER_ID}. Shorten it, or send from a number (digits only, e.g. 447700900000).`,
    });
  } else if (!SENDER_ID.test(raw)) {
    // Some networks accept a few punctuation marks, many reject or rewrite them: a warning.
    ctx.report({
      severity: 'warning',
      code: 'sms-sender-id',
      pointer,
      message: `The SMS sender id ${shown(raw)} has characters other than letters, digits and spaces; many networks reject or rewrite such ids. Use only letters, digits and spaces (at most ${MAX_SMS_SENDER_ID}).`,
    });
  }
}

/** Already right (8-15 digits, no trunk 0): nothing to say, and locating it would cost a position tree on big files. */
const WELL_FORMED_NUMBER = /^[1-9]\d{7,14}$/;

export function checkNumber(ctx: LintContext, raw: string, pointer: string, what: string): void {
  if (!WELL_FORMED_NUMBER.test(raw)) checkPhone(ctx, { text: raw, pointer, style: 'digits' }, what);
}

export const senderFormat: LintRule = (ctx) => {
  const p = rec(ctx.value);
  const from = str(p?.from);
  if (from === undefined) return;
  switch (str(p?.channel)) {
    case 'sms':
      checkSmsSender(ctx, from, '/from');
      break;
    case 'whatsapp':
      checkNumber(ctx, from, '/from', 'The WhatsApp sender (your WhatsApp Business number)');
      break;
    case 'mms':
      // US and Canadian MMS also go out from short codes (5-6 digits).
      if (/^\d+$/.test(from) && from.length <= MAX_SHORT_CODE) break;
      checkNumber(ctx, from, '/from', 'The MMS sender number');
      break;
    default:
      // Other channels' senders are ids the schema checks (Viber service ids, Messenger page ids).
      break;
  }
};

export const reactionTarget: LintRule = (ctx) => {
  const p = rec(ctx.value);
  if (str(p?.channel) !== 'whatsapp' || str(p?.message_type) !== 'reaction') return;
  if (str(rec(p?.context)?.message_uuid) !== undefined) return;
  ctx.report({
    severity: 'error',
    code: 'reaction-context',
    pointer: '/reaction',
    onKey: true,
    message: 'A reaction needs the message it reacts to: add "context": {"message_uuid": "..."} with the message_uuid of that message.',
  });
};

/** The Cloud API content objects a WhatsApp `custom` message may carry, checked with the WhatsApp provider's own schemas. */
const cloudContent = once(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const parts = require('../whatsapp/parts') as typeof import('../whatsapp/parts');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { cloudInteractiveObject } = require('../whatsapp/interactive') as typeof import('../whatsapp/interactive');
  const byType: Readonly<Record<string, z.ZodType>> = {
    interactive: cloudInteractiveObject,
    image: parts.imageObject,
    video: parts.videoObject,
    audio: parts.audioObject,
    document: parts.documentObject,
    sticker: parts.stickerObject,
    location: parts.locationObject,
    contacts: parts.contactsArray,
  };
  return { byType, templateComponents: parts.templateComponents };
});

/**
 * A WhatsApp `custom` object is free-form for Vonage but WhatsApp still enforces its limits (3 buttons,
 * 20-character titles...): check the content object its `type` names. The rest is passed through as
 * given (the SDK keeps camelCase keys there), so only that object is checked.
 */
export function checkWhatsAppCustom(ctx: LintContext, custom: unknown, at: readonly (string | number)[]): void {
  const c = rec(custom);
  const type = str(c?.type);
  if (!c || !type) return;
  const found: { schema: z.ZodType; path: (string | number)[] }[] = [];
  const cloud = cloudContent();
  if (cloud.byType[type] && type in c) found.push({ schema: cloud.byType[type], path: [...at, type] });
  if (type === 'template' && Array.isArray(rec(c.template)?.components)) found.push({ schema: cloud.templateComponents, path: [...at, 'template', 'components'] });
  for (const { schema, path } of found) {
    for (const p of schemaProblemsAt(ctx.doc, schema, path, 'custom-content', 'lint', { api: 'WhatsApp' })) {
      ctx.report({ severity: p.severity, code: p.code, pointer: p.pointer, start: p.start, end: p.end, message: p.message });
    }
  }
}

export const whatsappCustom: LintRule = (ctx) => {
  const p = rec(ctx.value);
  if (str(p?.channel) !== 'whatsapp' || str(p?.message_type) !== 'custom') return;
  checkWhatsAppCustom(ctx, p?.custom, ['custom']);
};

export const VONAGE_RULES: LintRule[] = [senderFormat, reactionTarget, whatsappCustom];
