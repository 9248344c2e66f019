/**
 * Cloud API interactive messages that sell: the catalog message and the two order messages of the
 * Payments API. The order parameters differ per market (India, Brazil, Singapore), so only what
 * every market shares is checked and the rest passes through.
 */
import { z } from 'zod';
import { object, text } from '../common/fields';
import { LIMITS, body, footer } from './parts';
import { framed } from './interactive-frame';

// Meta's spec (v23.0, ActionObject) and docs (developers.facebook.com/docs/whatsapp/guides/
// commerce-guides/share-products-with-customers): body up to 1024, footer up to 60, a fixed header.
export const catalogMessage = object({
  type: z.literal('catalog_message').describe('Shows your catalog behind a "View catalog" button.'),
  body: body(LIMITS.buttonBody),
  footer: footer.optional(),
  action: object({
    name: z.literal('catalog_message').describe('Always "catalog_message".'),
    parameters: object({
      thumbnail_product_retailer_id: text('SKU (Content ID in Commerce Manager) of the product whose image heads the message.', { min: 1 }),
    })
      .describe("Which product's image to show; without it WhatsApp uses the first product in the catalog.")
      .optional(),
  }).describe('The "View catalog" button.'),
}).describe('An interactive catalog message.');

/** An amount as the Payments API writes it: `value` / `offset` (e.g. 1500 / 100 = 15.00). */
const amount = (what: string) =>
  z
    .looseObject({
      value: z.number().int().describe('The amount times `offset`, as a whole number.'),
      offset: z.number().int().positive().describe('What `value` is divided by, e.g. 100.'),
      description: text('Text shown with the amount.', { max: 60 }).optional(),
    })
    .describe(what);

// Payments API (developers.facebook.com/documentation/business-messaging/whatsapp/payments/
// payments-br/orders and .../payments-in/pg): order_details opens the order, order_status updates it.
export const orderDetailsMessage = framed(
  'order_details',
  'An order with a "Review and pay" button (Payments API).',
  object({
    name: z.literal('review_and_pay').describe('Always "review_and_pay".'),
    parameters: z
      .looseObject({
        reference_id: text('Your unique id of this order (letters, digits, _ - .), used in every later message about it.', { min: 1 }),
        type: z.enum(['digital-goods', 'physical-goods']).describe('"digital-goods" or "physical-goods".').optional(),
        currency: text('ISO 4217 currency code, e.g. INR or BRL.', { min: 3, max: 3 }),
        total_amount: amount('The total to pay.'),
        order: z
          .looseObject({
            status: z.literal('pending').describe('Always "pending" in an order_details message.'),
            items: z
              .array(z.looseObject({ name: text('Item name shown to the buyer.', { min: 1, max: 60 }), quantity: z.number().int().positive().describe('How many.') }).describe('An item of the order.'))
              .min(1)
              .describe('The items.')
              .optional(),
            subtotal: amount('Sum of the items.').optional(),
            tax: amount('Tax.').optional(),
          })
          .describe('The itemised order (optional in some markets).')
          .optional(),
      })
      .describe('The order and how it is paid (payment_settings, payment_configuration or payment_type depending on the market).'),
  }).describe('The "Review and pay" button.'),
  'An interactive order details message (Payments API).',
);

export const orderStatusMessage = framed(
  'order_status',
  'An update to an order sent with order_details.',
  object({
    name: z.literal('review_order').describe('Always "review_order".'),
    parameters: z
      .looseObject({
        reference_id: text('The reference_id of the order_details message this updates.', { min: 1 }),
        order: z
          .looseObject({
            // The markets spell them differently (partially_shipped, partially-shipped): not an enum here.
            status: text('New status: pending, processing, partially_shipped, shipped, completed, canceled (market-dependent).', { min: 1 }),
            description: text('Why the status changed, shown to the buyer.', { max: 120 }).optional(),
          })
          .describe("The order's new status."),
      })
      .describe('Which order, and its new status.'),
  }).describe('The order update.'),
  'An interactive order status message (Payments API).',
);
