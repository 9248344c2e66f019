/**
 * What the WhatsApp Cloud API posts to your webhook (Meta's `whatsapp_business_account` envelope;
 * 360dialog Cloud forwards the same body). Shapes from Meta's OpenAPI spec v23.0 (WebhookPayload,
 * StatusMessageValue, IncomingMessage) and the status webhook reference
 * (https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/status/).
 * Open objects: Meta adds fields without notice, so unknown keys are not errors here.
 * The message and status objects are shared with the On-Premises API's flat webhooks.
 */
import { z } from 'zod';

const s = (description: string) => z.string().describe(description);
const digits = (description: string) => z.string().min(1).describe(description);
/** Meta writes Unix seconds as strings ("1749416383"). */
const unixSeconds = (description: string) => z.string().regex(/^\d+$/, 'Unix seconds as a string of digits, e.g. "1749416383".').describe(description);

export const errorObject = z
  .object({
    code: z.number().int().describe('The error code, e.g. 131047 (24 h window closed; On-Premises 470), 131026 (undeliverable), 131056 (pair rate limit).'),
    title: s('The error\'s title, e.g. "Re-engagement message".'),
    message: s('The same as the title (Cloud API v16+).').optional(),
    error_data: z
      .object({ details: s('What happened, in words.') })
      .describe('More about the error.')
      .optional(),
    href: s('Link to the error codes page.').optional(),
  })
  .describe('Why a message failed.');

/**
 * Per-message pricing (PMP) since 1 July 2025: `pricing_model` "PMP", `type` regular (charged) or
 * free_customer_service / free_entry_point (free), category of the template or "service" for a
 * free-form message. https://developers.facebook.com/docs/whatsapp/pricing/updates-to-pricing/ and
 * the summaries in https://docs.ycloud.com/reference/whatsapp-message-pricing-updates.
 */
export const pricingObject = z
  .object({
    billable: z.boolean().describe('Whether this message is charged. Deprecated by Meta in favour of `type`, still sent.').optional(),
    pricing_model: z.enum(['PMP', 'CBP']).describe('"PMP" (per-message pricing, since 1 July 2025); "CBP" only for a message inside a free entry point conversation.'),
    category: z
      .enum(['marketing', 'marketing_lite', 'utility', 'authentication', 'authentication_international', 'service', 'referral_conversion'])
      .describe('What is charged: the template\'s category, "service" for a free-form (non-template) message, "referral_conversion" inside a free entry point window.'),
    type: z
      .enum(['regular', 'free_customer_service', 'free_entry_point'])
      .describe(
        '"regular": charged; "free_customer_service": free, sent inside the 24 h customer service window; "free_entry_point": free, inside a 72 h free entry point window (click-to-WhatsApp ad or Page button).',
      )
      .optional(),
  })
  .describe('What this message costs (per-message pricing).');

export const conversationObject = z
  .object({
    id: s("The conversation's id."),
    expiration_timestamp: unixSeconds('When the conversation window ends (Unix seconds).').optional(),
    origin: z
      .object({ type: s('The conversation\'s category, e.g. "service", "utility", "referral_conversion".') })
      .describe('Where the conversation came from.')
      .optional(),
  })
  .describe('Under per-message pricing only sent for a free entry point conversation.');

export const statusObject = z
  .object({
    id: s('Id of the message this status is about (the id the send returned).'),
    status: z.enum(['sent', 'delivered', 'read', 'failed', 'deleted', 'warning', 'played']).describe('sent (one grey tick), delivered (two grey ticks), read (two blue ticks), failed (see `errors`).'),
    timestamp: unixSeconds('When the message reached this status (Unix seconds).'),
    recipient_id: digits("The customer's WhatsApp id (wa_id)."),
    biz_opaque_callback_data: s('Your tracking data, as sent with the message.').optional(),
    conversation: conversationObject.optional(),
    pricing: pricingObject.optional(),
    errors: z.array(errorObject).describe('Why it failed (status "failed").').optional(),
  })
  .describe('A status update for a message you sent.');

const media = (what: string) =>
  z
    .object({
      id: s('Media id: GET it from the Graph API to download it.'),
      mime_type: s('Its MIME type, e.g. image/jpeg.'),
      sha256: s('Its SHA-256 hash.').optional(),
      caption: s('Its caption.').optional(),
      filename: s('The file name (documents).').optional(),
      voice: z.boolean().describe('A voice note recorded in WhatsApp (audio).').optional(),
      animated: z.boolean().describe('An animated sticker.').optional(),
    })
    .describe(what);

const context = z
  .object({
    from: s('The business number the customer replied to.').optional(),
    id: s('Id of your message the customer replied to or tapped a button in.'),
    forwarded: z.boolean().describe('The message was forwarded.').optional(),
    frequently_forwarded: z.boolean().describe('The message was forwarded many times.').optional(),
    referred_product: z
      .object({ catalog_id: s('Catalog id.'), product_retailer_id: s('Product id.') })
      .describe('The product the customer asked about.')
      .optional(),
  })
  .describe('What this message answers.');

export const messageObject = z
  .object({
    from: digits("The customer's WhatsApp id (phone number digits)."),
    id: s('This message\'s id: pass it to "mark as read" (blue ticks).'),
    timestamp: unixSeconds('When the customer sent it (Unix seconds).'),
    type: z
      .enum([
        'text',
        'image',
        'audio',
        'video',
        'document',
        'sticker',
        'location',
        'contacts',
        'reaction',
        'button',
        'interactive',
        'order',
        'system',
        'request_welcome',
        'unsupported',
        'unknown',
        'ephemeral',
      ])
      .describe('The message type; its content is in the property of the same name.'),
    context: context.optional(),
    text: z
      .object({ body: s('What the customer wrote.') })
      .describe('A text message.')
      .optional(),
    image: media('An image.').optional(),
    audio: media('An audio or voice note.').optional(),
    video: media('A video.').optional(),
    document: media('A document.').optional(),
    sticker: media('A sticker.').optional(),
    location: z
      .object({
        latitude: z.number().describe('Latitude.'),
        longitude: z.number().describe('Longitude.'),
        name: s('Place name.').optional(),
        address: s('Address.').optional(),
        url: s('Place URL.').optional(),
      })
      .describe('A location.')
      .optional(),
    contacts: z.array(z.record(z.string(), z.unknown()).describe('A contact card.')).describe('Shared contacts.').optional(),
    reaction: z
      .object({ message_id: s('The message reacted to.'), emoji: s('The emoji; empty when the reaction was removed.').optional() })
      .describe('A reaction.')
      .optional(),
    button: z
      .object({ payload: s("The quick-reply button's payload."), text: s("The button's label.") })
      .describe('A tapped template quick-reply button.')
      .optional(),
    interactive: z
      .object({
        type: z.enum(['button_reply', 'list_reply', 'nfm_reply']).describe('button_reply (a reply button), list_reply (a list row) or nfm_reply (a flow).'),
        button_reply: z
          .object({ id: s("The button's id, as you sent it."), title: s("The button's title.") })
          .describe('The tapped reply button.')
          .optional(),
        list_reply: z
          .object({ id: s("The row's id, as you sent it."), title: s("The row's title."), description: s("The row's description.").optional() })
          .describe('The chosen list row.')
          .optional(),
        nfm_reply: z
          .object({ name: s("The flow's name.").optional(), body: s("The flow's summary.").optional(), response_json: s("The flow's answers, as JSON text.") })
          .describe('A completed flow.')
          .optional(),
      })
      .describe('A tapped reply button, list row, or completed flow.')
      .optional(),
    referral: z.record(z.string(), z.unknown()).describe('The click-to-WhatsApp ad the customer came from.').optional(),
    errors: z.array(errorObject).describe('Why the message could not be read (type "unsupported").').optional(),
  })
  .describe('A message from a customer.');

export const contactObject = z
  .object({
    profile: z.object({ name: s("The customer's WhatsApp profile name.") }).describe("The customer's profile."),
    wa_id: digits("The customer's WhatsApp id."),
  })
  .describe('Who wrote.');

const value = z
  .object({
    messaging_product: z.literal('whatsapp').describe('Always "whatsapp".'),
    metadata: z
      .object({
        display_phone_number: digits('Your business number, as displayed.'),
        phone_number_id: digits("Your business number's id (the one in the send URL)."),
      })
      .describe('Which of your numbers this is about.'),
    contacts: z.array(contactObject).describe('Who wrote (with `messages`).').optional(),
    messages: z.array(messageObject).describe('Messages from customers.').optional(),
    statuses: z.array(statusObject).describe('Status updates for messages you sent.').optional(),
    errors: z.array(errorObject).describe('Errors not tied to one message.').optional(),
  })
  .describe('The change: messages, statuses or errors.');

export const whatsappWebhook = z
  .object({
    object: z.literal('whatsapp_business_account').describe('Always "whatsapp_business_account".'),
    entry: z
      .array(
        z
          .object({
            id: digits('Your WhatsApp Business Account id.'),
            changes: z
              .array(z.object({ field: s('The subscribed field; "messages" for messages and statuses.'), value }).describe('One change.'))
              .min(1)
              .describe('What changed.'),
          })
          .describe("One account's changes."),
      )
      .min(1)
      .describe('The changes, per WhatsApp Business Account.'),
  })
  .describe('A webhook the WhatsApp Cloud API (or 360dialog Cloud) posts to your server.');
