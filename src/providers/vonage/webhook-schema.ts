/**
 * What the Vonage Messages API v1 posts to your webhooks: message statuses (to the status URL,
 * or a message's own `webhook_url`) and inbound messages (to the inbound URL). Shapes from
 * https://developer.vonage.com/en/messages/concepts/messages-status-callbacks and
 * https://developer.vonage.com/en/messages/concepts/whatsapp/wa-status-callbacks. Open objects:
 * Vonage adds fields per channel, so unknown keys are not errors.
 */
import { z } from 'zod';

const s = (description: string) => z.string().describe(description);
const channel = z.enum(['sms', 'mms', 'rcs', 'whatsapp', 'viber_service', 'messenger']).describe('The channel.');
const timestamp = s('When it happened, ISO 8601 (e.g. "2025-02-03T12:14:25Z").');

export const vonageError = z
  .object({
    type: s("A link to the error's explanation; its fragment is the code, e.g. ...#1340.").optional(),
    title: z.union([z.number(), z.string()]).describe('The error code, e.g. 1340 (24 h window closed: send a template).').optional(),
    detail: s('What happened, in words.').optional(),
    instance: s('A reference for Vonage support.').optional(),
    code: z.union([z.number(), z.string()]).describe('The error code (older shape).').optional(),
    reason: s('What happened (older shape).').optional(),
  })
  .describe('Why the message was rejected or could not be delivered.');

export const vonageUsage = z.object({ currency: s('ISO 4217 currency, e.g. EUR.'), price: s('The charge, as a decimal string.') }).describe('What the message cost.');

const statusBody = z
  .object({
    message_uuid: s('Id of the message the status is about (the id the send returned).'),
    to: s('The recipient.'),
    from: s('The sender (your number or id).'),
    timestamp,
    status: z.enum(['submitted', 'delivered', 'read', 'rejected', 'undeliverable']).describe('submitted (passed to the channel), delivered, read, rejected (see `error`), undeliverable.'),
    channel: channel.optional(),
    error: vonageError.optional(),
    usage: vonageUsage.optional(),
    client_ref: s('Your reference, as sent with the message.').optional(),
    destination: z
      .object({ network_code: s("The recipient's network (SMS).") })
      .describe('Where it went (SMS).')
      .optional(),
    sms: z
      .object({ count_total: s('How many SMS parts.').optional() })
      .describe('SMS details.')
      .optional(),
    whatsapp: z.record(z.string(), z.unknown()).describe('WhatsApp details (conversation, pricing, recipient ids).').optional(),
    workflow: z.record(z.string(), z.unknown()).describe('The failover workflow this message belongs to.').optional(),
  })
  .describe('A message status.');

const media = (what: string) => z.object({ url: s('Where to download it (authenticated, for a limited time).'), name: s('File name.').optional(), caption: s('Caption.').optional() }).describe(what);

const inboundBody = z
  .object({
    channel,
    message_uuid: s('This message\'s id: PATCH /v1/messages/{message_uuid} {"status":"read"} marks it as read.'),
    to: s('Your number or id that received it.'),
    from: s('The customer.'),
    timestamp,
    message_type: z
      .enum(['text', 'image', 'audio', 'video', 'file', 'sticker', 'location', 'vcard', 'reply', 'button', 'order', 'reaction', 'unsupported', 'custom'])
      .describe('The message type; its content is in the property of the same name.'),
    text: s('What the customer wrote.').optional(),
    image: media('An image.').optional(),
    audio: media('An audio.').optional(),
    video: media('A video.').optional(),
    file: media('A file.').optional(),
    sticker: media('A sticker.').optional(),
    vcard: media('A contact card.').optional(),
    location: z
      .object({ lat: z.number().describe('Latitude.'), long: z.number().describe('Longitude.'), name: s('Place name.').optional(), address: s('Address.').optional() })
      .describe('A location.')
      .optional(),
    reply: z
      .object({ id: s("The reply button's or list row's id, as you sent it."), title: s('Its title.'), description: s("The row's description.").optional() })
      .describe('A tapped reply button or list row.')
      .optional(),
    button: z
      .object({ payload: s("The template quick-reply button's payload."), text: s('Its label.'), subtype: s("The button's type.").optional() })
      .describe('A tapped template button.')
      .optional(),
    reaction: z
      .object({ action: s('"react" or "unreact".'), emoji: s('The emoji.').optional() })
      .describe('A reaction.')
      .optional(),
    context: z
      .object({ message_uuid: s('Id of your message this answers.'), message_from: s('Who sent that message.').optional() })
      .describe('The message this one answers.')
      .optional(),
    context_status: z.enum(['none', 'available', 'unavailable']).describe('Whether `context` is given.').optional(),
    profile: z
      .object({ name: s("The customer's profile name.") })
      .describe("The customer's profile.")
      .optional(),
    sms: z.record(z.string(), z.unknown()).describe('SMS details (parts, keyword).').optional(),
    origin: z
      .object({ network_code: s("The customer's network.") })
      .describe('Where it came from (SMS).')
      .optional(),
    usage: vonageUsage.optional(),
    whatsapp: z.record(z.string(), z.unknown()).describe('WhatsApp details (referral).').optional(),
  })
  .describe('A message from a customer.');

export const vonageWebhook = z.union([statusBody, inboundBody]).describe('A webhook the Vonage Messages API v1 posts to your server: a message status, or an inbound message.');
