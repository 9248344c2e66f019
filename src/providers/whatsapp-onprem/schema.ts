/**
 * WhatsApp On-Premises API as served by 360dialog (seed 004): the body of `POST /messages`, and the
 * body of `PUT /messages/{message-id}` that marks an incoming message as read. Retired by Meta on
 * 23 October 2025 (retired.ts); kept so old payloads still read, preview and convert.
 */
import { z } from 'zod';
import { messageOrMarkRead, object, phone, text } from '../common/fields';
import { RETIREMENT_NOTICE } from './retired';
import {
  LIMITS,
  audioObject,
  contactsArray,
  documentObject,
  imageObject,
  interactiveObject,
  languageCode,
  locationObject,
  stickerObject,
  templateComponents,
  templateName,
  videoObject,
} from '../whatsapp/parts';

const envelope = {
  recipient_type: z.literal('individual').describe('Always "individual".').optional(),
  to: phone(`Recipient's WhatsApp id (wa_id, from the contacts check or an incoming message), e.g. 447700900000. ${RETIREMENT_NOTICE}`),
  context: object({ message_id: text('Id of the message this one replies to.', { min: 1 }) })
    .describe('Makes this message a reply to an earlier one.')
    .optional(),
};

const message = <T extends string, S extends z.ZodType>(type: T, what: string, content: S, extra: z.core.$ZodLooseShape = {}) =>
  object({ ...envelope, ...extra, type: z.literal(type).describe(what), [type]: content } as typeof envelope & { type: z.ZodLiteral<T> } & Record<T, S>).describe(what);

const textContent = object({
  body: text('Message text. Supports WhatsApp formatting (*bold*, _italic_, ~strike~, ```mono```).', { min: 1, max: LIMITS.textBody }),
}).describe('The text.');

const templateContent = object({
  namespace: text("Namespace of your WhatsApp Business Account's templates (from the 360dialog hub), e.g. c8ae5f90_307a_ca4c_b8f6_d1e2a2573574.", { min: 1 }),
  name: templateName,
  language: object({
    policy: z.literal('deterministic').describe('Always "deterministic": use exactly this language (error 2001 when the template has no translation in it).'),
    code: languageCode,
  }).describe('Which translation of the template to send.'),
  components: templateComponents.optional(),
}).describe('An approved message template: the only kind of message allowed outside the 24 h window (else error 470).');

// The oldest template send, before `template` existed: `hsm` with `element_name` and
// `localizable_params` (On-Premises reference, developers.facebook.com/docs/whatsapp/on-premises/reference/messages).
const localizableParam = object({
  default: text('The text shown for this {{n}} (also the fallback of a currency or date).'),
  currency: object({
    currency_code: text('ISO 4217 currency code, e.g. USD.', { min: 3, max: 3 }),
    amount_1000: z.number().int().describe('The amount times 1000 (e.g. 100990 for 100.99).'),
  })
    .describe('Localise this parameter as an amount of money.')
    .optional(),
  date_time: z.looseObject({}).describe('Localise this parameter as a date: {"component": {...}} or {"unix_epoch": seconds}.').optional(),
}).describe('A value for one {{n}} of the template, in order.');

const hsmContent = object({
  namespace: text("Namespace of your WhatsApp Business Account's templates.", { min: 1 }),
  element_name: text('Name of the approved template.', { min: 1 }),
  language: object({
    policy: z.enum(['deterministic', 'fallback']).describe('"deterministic" (use exactly this language) or the older "fallback".'),
    code: text('Language (and locale) of the approved template, e.g. en or en_US.', { min: 2, max: 15 }),
  }).describe('Which translation of the template to send.'),
  localizable_params: z.array(localizableParam).describe("Values for the body's {{1}}, {{2}}... in order.").optional(),
}).describe('A template in the oldest form (hsm). The Cloud API takes `template` instead: convert the file.');

export const onpremMessage = z
  .discriminatedUnion('type', [
    message('text', "A text message (free-form: only within 24 h of the customer's last message, else error 470).", textContent, {
      preview_url: z.boolean().describe('Show a preview of the first URL in the body.').optional(),
    }),
    message('template', 'An approved template.', templateContent),
    message('hsm', 'An approved template in the oldest form (highly structured message).', hsmContent),
    message('image', 'An image.', imageObject),
    message('video', 'A video.', videoObject),
    message('audio', 'An audio file.', audioObject),
    message('document', 'A document.', documentObject),
    message('sticker', 'A sticker.', stickerObject),
    message('location', 'A location pin (latitude outside -90..90: error 1009).', locationObject),
    message('contacts', 'Contact cards.', contactsArray),
    message('interactive', 'An interactive message: reply buttons, a list, a URL button, a Flow, a location request or products.', interactiveObject),
  ])
  .describe('A WhatsApp On-Premises message: `type` names the content object.');

export const onpremMarkRead = object({
  status: z.literal('read').describe('Marks the incoming message in the URL (PUT /messages/{message-id}) as read.'),
}).describe('Mark an incoming message as read: the body of PUT /messages/{message-id}.');

export const onpremPayload = messageOrMarkRead(
  onpremMessage,
  onpremMarkRead,
  `WhatsApp On-Premises API (360dialog): the JSON body of POST /messages, or of PUT /messages/{message-id} to mark a message as read. ${RETIREMENT_NOTICE}`,
);
