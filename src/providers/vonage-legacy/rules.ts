/** Beta/v0.1 rules a JSON Schema can't express: addresses per channel, per-channel text limits. */
import type { LintRule } from '../../core/lint/context';
import { rec, str } from '../common/fields';
import { checkNumber, checkSmsSender, checkWhatsAppCustom } from '../vonage/rules';
import { LEGACY_CHANNELS, MAX_LEGACY_SMS_TEXT } from './limits';

const CHANNEL_NAMES: Readonly<Record<string, string>> = { sms: 'An SMS', whatsapp: 'A WhatsApp', mms: 'An MMS', viber_service: 'A Viber', messenger: 'A Messenger' };
const NUMBER_CHANNELS = new Set(['sms', 'whatsapp', 'mms', 'viber_service']);

/** `to` and `from` name the same channel, and carry a `number` or an `id` as that channel needs. */
export const legacyAddresses: LintRule = (ctx) => {
  const p = rec(ctx.value);
  const to = rec(p?.to);
  const from = rec(p?.from);
  const toType = str(to?.type);
  const fromType = str(from?.type);
  const known = (t: string | undefined) => t !== undefined && (LEGACY_CHANNELS as readonly string[]).includes(t);
  // An unknown type is the schema's to report; a mismatch is only between two real channels.
  if (known(toType) && known(fromType) && toType !== fromType) {
    ctx.report({
      severity: 'error',
      code: 'legacy-channel-mismatch',
      pointer: '/to/type',
      message: `The recipient's type "${toType}" differs from the sender's "${fromType}": both must name the channel to send on. Make them the same.`,
    });
  }
  if (to && toType) {
    if (NUMBER_CHANNELS.has(toType) && to.number === undefined) {
      ctx.report({
        severity: 'error',
        code: 'legacy-address',
        pointer: '/to',
        message: `${CHANNEL_NAMES[toType] ?? 'A'} recipient needs a "number": the phone number as digits only, e.g. 447700900000.`,
      });
    } else if (toType === 'messenger' && to.id === undefined) {
      ctx.report({ severity: 'error', code: 'legacy-address', pointer: '/to', message: 'A Messenger recipient needs an "id": the page-scoped id of the person.' });
    }
  }
  if (from && fromType) {
    const number = str(from.number);
    if ((fromType === 'viber_service' || fromType === 'messenger') && from.id === undefined) {
      ctx.report({
        severity: 'error',
        code: 'legacy-address',
        pointer: '/from',
        message: `${CHANNEL_NAMES[fromType] ?? 'A'} sender needs an "id": your ${fromType === 'messenger' ? 'Facebook page id' : 'Viber service id'}.`,
      });
    } else if (NUMBER_CHANNELS.has(fromType) && fromType !== 'viber_service') {
      if (number === undefined)
        ctx.report({
          severity: 'error',
          code: 'legacy-address',
          pointer: '/from',
          message: `${CHANNEL_NAMES[fromType] ?? 'A'} sender needs a "number": your number as digits only, e.g. 447700900000.`,
        });
      else if (fromType === 'sms') checkSmsSender(ctx, number, '/from/number');
      else checkNumber(ctx, number, '/from/number', `The ${fromType === 'whatsapp' ? 'WhatsApp' : 'MMS'} sender number`);
    }
  }
};

/** SMS and Viber texts are limited to 1000 characters (WhatsApp's 4096 is in the schema). */
export const legacyTextLength: LintRule = (ctx) => {
  const p = rec(ctx.value);
  const type = str(rec(p?.to)?.type);
  const text = str(rec(rec(p?.message)?.content)?.text);
  if (!text || (type !== 'sms' && type !== 'viber_service')) return;
  if (text.length > MAX_LEGACY_SMS_TEXT) {
    // The schema's limit (4096, WhatsApp's) would be the wrong number for this channel: say it once, right.
    ctx.supersede('/message/content/text', 'schema');
    ctx.report({
      severity: 'error',
      code: 'text-length',
      pointer: '/message/content/text',
      message: `The ${type === 'sms' ? 'SMS' : 'Viber'} text is ${text.length} characters; the limit is ${MAX_LEGACY_SMS_TEXT}. Shorten it.`,
    });
  }
};

/** What each channel can carry: templates and custom are WhatsApp-only, SMS carries text only. */
export const legacyContentForChannel: LintRule = (ctx) => {
  const p = rec(ctx.value);
  const channel = str(rec(p?.to)?.type);
  const type = str(rec(rec(p?.message)?.content)?.type);
  if (!channel || !type) return;
  const allowed: Record<string, string[]> = {
    sms: ['text'],
    whatsapp: ['text', 'image', 'audio', 'video', 'file', 'template', 'custom'],
    viber_service: ['text', 'image', 'video', 'file'],
    messenger: ['text', 'image', 'audio', 'video', 'file'],
  };
  const ok = allowed[channel];
  // An unknown type is the schema's to report.
  if (ok && allowed.whatsapp.includes(type) && !ok.includes(type)) {
    ctx.report({
      severity: 'error',
      code: 'legacy-content-type',
      pointer: '/message/content/type',
      message: `A ${channel} message can't have content type "${type}"; use ${ok.map((t) => `"${t}"`).join(' or ')}.`,
    });
  }
};

export const legacyMessengerTag: LintRule = (ctx) => {
  const m = rec(rec(rec(ctx.value)?.message)?.messenger);
  if (str(m?.category) === 'message_tag' && m?.tag === undefined) {
    ctx.report({
      severity: 'error',
      code: 'messenger-tag',
      pointer: '/message/messenger',
      message: 'Category "message_tag" needs a "tag" (e.g. ACCOUNT_UPDATE, CONFIRMED_EVENT_UPDATE, POST_PURCHASE_UPDATE, HUMAN_AGENT).',
    });
  }
};

export const legacyWhatsAppCustom: LintRule = (ctx) => {
  const p = rec(ctx.value);
  const content = rec(rec(p?.message)?.content);
  if (str(rec(p?.to)?.type) !== 'whatsapp' || str(content?.type) !== 'custom') return;
  checkWhatsAppCustom(ctx, content?.custom, ['message', 'content', 'custom']);
};

export const LEGACY_RULES: LintRule[] = [legacyAddresses, legacyTextLength, legacyContentForChannel, legacyMessengerTag, legacyWhatsAppCustom];
