/**
 * WhatsApp Cloud API (Meta's Graph API, and 360dialog Cloud): the body of `POST /messages`.
 * A message names its content object by `type`; the mark-as-read body goes to the same endpoint.
 */
import { z } from 'zod';
import { messageOrMarkRead, object, phone, text } from '../common/fields';
import { LIMITS, audioObject, contactsArray, documentObject, imageObject, languageCode, locationObject, stickerObject, templateComponents, templateName, videoObject } from './parts';
import { cloudInteractiveObject } from './interactive';

const envelope = {
  messaging_product: z.literal('whatsapp').describe('Always "whatsapp".'),
  // "group" is in Meta's spec (v23.0, BaseMessageProperties): `to` is then a group id.
  recipient_type: z.enum(['individual', 'group']).describe('"individual" (the default) for a one-to-one message, "group" to send to a group (then `to` is the group id).').optional(),
  to: phone('Recipient: a WhatsApp id (wa_id) or a phone number with its country code, e.g. 447700900000; for a group message, the group id.'),
  // Business-scoped user ids (BSUIDs, e.g. US.13491208655302741918) reach users who hide their number
  // behind a username (developers.facebook.com/documentation/business-messaging/whatsapp/calling/call-button-messages-deep-links
  // sends both `to` and `recipient`; `to` takes priority).
  recipient: text("The customer's business-scoped user id (BSUID), e.g. US.13491208655302741918; `to` takes priority when both are given.", { min: 1 }).optional(),
  context: object({ message_id: text('Id (wamid...) of the message this one replies to.', { min: 1 }) })
    .describe('Makes this message a reply to an earlier one, quoted above it.')
    .optional(),
  biz_opaque_callback_data: text('Your own tracking data, echoed in status webhooks.', { max: 512 }).optional(),
};

const message = <T extends string, S extends z.ZodType>(type: T, what: string, content: S) =>
  object({ ...envelope, type: z.literal(type).describe(what), [type]: content } as typeof envelope & { type: z.ZodLiteral<T> } & Record<T, S>).describe(what);

const textContent = object({
  body: text('Message text. Supports WhatsApp formatting (*bold*, _italic_, ~strike~, ```mono```).', { min: 1, max: LIMITS.textBody }),
  preview_url: z.boolean().describe('Show a preview of the first URL in the body.').optional(),
}).describe('The text.');

const reactionContent = object({
  message_id: text('Id (wamid...) of the message to react to.', { min: 1 }),
  emoji: text('The emoji; an empty string removes the reaction.'),
}).describe('A reaction to an earlier message.');

const templateContent = object({
  name: templateName,
  language: object({
    code: languageCode,
    policy: z.literal('deterministic').describe('Always "deterministic": use exactly this language.').optional(),
  }).describe('Which translation of the template to send.'),
  components: templateComponents.optional(),
}).describe('An approved message template: the only kind of message allowed outside the 24 h customer care window.');

export const cloudMessage = z
  .discriminatedUnion('type', [
    // `type` may be left out of a text message: Meta's spec example "Send Text Message with Preview
    // URL" has none (developers.facebook.com/documentation/business-messaging/whatsapp/messages/text-messages).
    object({ ...envelope, type: z.literal('text').describe('A text message (the default when `type` is left out).').optional(), text: textContent }).describe('A text message.'),
    message('image', 'An image.', imageObject),
    message('video', 'A video.', videoObject),
    message('audio', 'An audio file or voice note.', audioObject),
    message('document', 'A document.', documentObject),
    message('sticker', 'A sticker.', stickerObject),
    message('location', 'A location pin.', locationObject),
    message('contacts', 'One or more contact cards.', contactsArray),
    message('reaction', 'An emoji reaction to an earlier message.', reactionContent),
    message('interactive', 'An interactive message: reply buttons, a list, a URL or call button, a Flow, a carousel, a location or address request, products or an order.', cloudInteractiveObject),
    message('template', 'An approved template.', templateContent),
  ])
  .describe('A WhatsApp Cloud API message: `type` names the content object.');

export const cloudMarkRead = object({
  messaging_product: z.literal('whatsapp').describe('Always "whatsapp".'),
  status: z.literal('read').describe('Marks an incoming message as read (blue ticks).'),
  message_id: text('Id (wamid...) of the incoming message to mark as read.', { min: 1 }),
  typing_indicator: object({ type: z.literal('text').describe('Always "text".') })
    .describe('Also show a typing indicator for up to 25 seconds.')
    .optional(),
}).describe('Mark an incoming message as read.');

// Not a union: VS Code's JSON service picks the wrong branch of a (nested) anyOf/oneOf and reports
// its missing and unknown properties. The body is chosen by `status` (mark-as-read) or `type`.
export const whatsappPayload = messageOrMarkRead(
  cloudMessage,
  cloudMarkRead,
  'WhatsApp Cloud API: the JSON body of POST /{phone-number-id}/messages (Meta) or POST /messages (360dialog). A message, or the mark-as-read body.',
  'text',
);
