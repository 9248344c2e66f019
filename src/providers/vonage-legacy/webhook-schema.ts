/**
 * What the Vonage/Nexmo Messages API beta and v0.1 posted to your webhooks (and what v1 posts to a
 * message sent with `webhook_version: "v0.1"`): `from`/`to` as objects, statuses with
 * `error: {code, reason}`, inbound text in `message.content`.
 */
import { z } from 'zod';

const s = (description: string) => z.string().describe(description);
const party = (who: string) =>
  z
    .object({
      type: z.enum(['sms', 'mms', 'whatsapp', 'viber_service_msg', 'messenger']).describe('The channel.'),
      number: s('The phone number (SMS, MMS, WhatsApp).').optional(),
      id: s('The id (Viber, Messenger).').optional(),
    })
    .describe(who);

const statusBody = z
  .object({
    message_uuid: s('Id of the message the status is about.'),
    to: party('The recipient.'),
    from: party('The sender.'),
    timestamp: s('When it happened, ISO 8601.'),
    status: z.enum(['submitted', 'delivered', 'read', 'rejected', 'undeliverable']).describe('submitted, delivered, read, rejected (see `error`), undeliverable.'),
    error: z
      .object({ code: z.union([z.number(), z.string()]).describe('The error code, e.g. 1340 (24 h window closed).'), reason: s('What happened.') })
      .describe('Why it was rejected.')
      .optional(),
    usage: z
      .object({ currency: s('ISO 4217 currency.'), price: s('The charge.') })
      .describe('What it cost.')
      .optional(),
    client_ref: s('Your reference.').optional(),
  })
  .describe('A message status.');

const inboundBody = z
  .object({
    message_uuid: s("This message's id."),
    to: party('Your number or id.'),
    from: party('The customer.'),
    timestamp: s('When it was sent, ISO 8601.'),
    direction: s('"inbound".').optional(),
    message: z
      .object({
        content: z
          .object({
            type: z.enum(['text', 'image', 'audio', 'video', 'file', 'location', 'unsupported']).describe('The content type.'),
            text: s('What the customer wrote.').optional(),
            image: z
              .object({ url: s('Where to download it.') })
              .describe('An image.')
              .optional(),
            audio: z
              .object({ url: s('Where to download it.') })
              .describe('An audio.')
              .optional(),
            video: z
              .object({ url: s('Where to download it.') })
              .describe('A video.')
              .optional(),
            file: z
              .object({ url: s('Where to download it.') })
              .describe('A file.')
              .optional(),
            location: z
              .object({ lat: z.number().describe('Latitude.'), long: z.number().describe('Longitude.') })
              .describe('A location.')
              .optional(),
          })
          .describe('What the customer sent.'),
      })
      .describe('The message.'),
  })
  .describe('A message from a customer.');

export const vonageLegacyWebhook = z.union([statusBody, inboundBody]).describe('A webhook the Vonage Messages API beta/v0.1 posts to your server: a message status, or an inbound message.');
