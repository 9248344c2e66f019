/**
 * Vonage/Nexmo Messages API beta and v0.1 (`POST /beta/messages`, `/v0.1/messages`; seeds 000-002):
 * `from`/`to` are `{type, number|id}` objects and the content sits in `message.content`.
 * Template parameters were `[{"default": "..."}]` in 2019 and plain strings later: both accepted.
 */
import { z } from 'zod';
import { object, phone, text, url } from '../common/fields';
import { locatedUnion } from '../vonage/located-union';
import { LEGACY_CHANNELS } from './limits';

export const MAX_LEGACY_CLIENT_REF = 40;
export const MAX_LEGACY_WHATSAPP_TEXT = 4096;

const address = (who: 'sender' | 'recipient') =>
  object({
    type: z.enum(LEGACY_CHANNELS).describe(`Channel: "sms", "whatsapp", "viber_service", "messenger" or "mms"; the same for sender and recipient.`),
    number: phone(
      who === 'sender'
        ? 'Your number (SMS, MMS, WhatsApp) as digits only, no leading "+" or "00" (e.g. 447700900000); for SMS also an alphanumeric sender id.'
        : 'Recipient phone number (SMS, MMS, WhatsApp, Viber) as digits only, no leading "+" or "00" (e.g. 447700900000).',
    ).optional(),
    id: text(who === 'sender' ? 'Your Viber service id or Facebook page id.' : 'Recipient id (Messenger page-scoped id).', { min: 1 }).optional(),
  }).describe(who === 'sender' ? 'The sender: `type` and a `number` or `id`.' : 'The recipient: `type` and a `number` (or `id` for Messenger).');

const mediaUrl = (what: string) => url(`Public URL of the ${what}.`, { min: 10, max: 2000 });
const caption = text('Caption shown with the media.', { min: 1, max: 3000 });

const templateParameter = locatedUnion(
  z.union([
    object({ default: text('Value for this {{n}} (2019 form: {"default": "..."}).', { max: 1024 }) }).describe('Parameter in the 2019 form {"default": "..."}.'),
    text('Value for this {{n}} (later form: a plain string).', { max: 1024 }),
  ]),
  'A template parameter: a plain string or {"default": "..."}. The first fills {{1}}.',
);

const content = z
  .discriminatedUnion('type', [
    object({
      type: z.literal('text').describe('A text message.'),
      text: text('The message text (WhatsApp up to 4096; SMS and Viber up to 1000).', { min: 1, max: MAX_LEGACY_WHATSAPP_TEXT }),
    }),
    object({ type: z.literal('image').describe('An image.'), image: object({ url: mediaUrl('image'), caption: caption.optional() }).describe('The image.') }),
    object({ type: z.literal('audio').describe('An audio file.'), audio: object({ url: mediaUrl('audio file') }).describe('The audio file.') }),
    object({ type: z.literal('video').describe('A video.'), video: object({ url: mediaUrl('video'), caption: caption.optional() }).describe('The video.') }),
    object({ type: z.literal('file').describe('A file.'), file: object({ url: mediaUrl('file'), caption: caption.optional() }).describe('The file.') }),
    object({
      type: z.literal('template').describe('A WhatsApp template (MTM/HSM).'),
      template: object({
        // No max here: the common template-name-length rule reports names over 512 characters, once.
        name: text('Template name as "namespace:name", e.g. whatsapp:hsm:technology:nexmo:verify (up to 512 characters).', { min: 1 }),
        parameters: z.array(templateParameter).describe('Body parameters in order: [{"default": "..."}] or ["..."].').optional(),
      }).describe('The WhatsApp template (MTM/HSM); allowed outside the 24 h window.'),
    }),
    object({
      type: z.literal('custom').describe('A channel-native message object in `custom`.'),
      custom: z.record(z.string(), z.unknown()).describe('A channel-native message object, passed through as given.'),
    }),
  ])
  .describe('What to send: `type` and the object it names.');

const message = object({
  content,
  whatsapp: object({
    policy: z.enum(['deterministic', 'fallback']).describe('Template language policy: "deterministic" (recommended) or "fallback".').optional(),
    locale: text('Template language, e.g. en_GB or en-GB.', { min: 2 }).optional(),
  })
    .describe('WhatsApp template settings.')
    .optional(),
  viber_service: object({
    category: z.enum(['transaction', 'promotion']).describe('"transaction" or "promotion".').optional(),
    ttl: z.number().int().min(30).max(259200).describe('How long (30-259200 seconds) Vonage attempts delivery.').optional(),
    type: text('Viber message type.', { min: 1 }).optional(),
  })
    .describe('Viber settings.')
    .optional(),
  messenger: object({
    category: z.enum(['response', 'update', 'message_tag']).describe('"response", "update" or "message_tag" (needs `tag`).').optional(),
    tag: text('Message tag, required with category "message_tag".', { min: 1 }).optional(),
  })
    .describe('Messenger settings.')
    .optional(),
}).describe('The message: its content and channel settings.');

export const vonageLegacyPayload = object({
  from: address('sender'),
  to: address('recipient'),
  message,
  client_ref: text('Your own reference, returned in status webhooks.', { max: MAX_LEGACY_CLIENT_REF }).optional(),
}).describe('Vonage/Nexmo Messages API beta or v0.1 request body (POST /beta/messages or /v0.1/messages).');
