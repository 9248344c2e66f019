/**
 * The Cloud API's interactive carousels: 2 to 10 horizontally scrolling cards under one body.
 * Media cards (developers.facebook.com/documentation/business-messaging/whatsapp/messages/
 * interactive-media-carousel-messages) carry an image or video, optional text up to 160 characters
 * and a URL button or quick-reply buttons; product cards (.../catalogs/interactive-product-carousel-messages)
 * carry one product each. No header or footer on the message itself.
 */
import { z } from 'zod';
import { object, selectedBy, text, url } from '../common/fields';
import { LIMITS, body, imageObject, videoObject } from './parts';

export const CAROUSEL_LIMITS = { minCards: 2, maxCards: 10, cardBody: 160 } as const;

const cardHeader = selectedBy(
  z
    .discriminatedUnion('type', [
      object({ type: z.literal('image').describe('An image header.'), image: imageObject }),
      object({ type: z.literal('video').describe('A video header.'), video: videoObject }),
    ])
    .describe("The card's image or video (every card has one)."),
  'type',
);

const urlAction = object({
  name: z.literal('cta_url').describe('Always "cta_url".'),
  parameters: object({
    display_text: text('Button label.', { min: 1, max: LIMITS.ctaDisplayText }),
    url: url('URL opened when the button is tapped.', { min: 1, max: 2000 }),
  }).describe('The URL button.'),
}).describe('One URL button.');

const quickReplies = object({
  buttons: z
    .array(
      object({
        type: z.literal('quick_reply').describe('A quick-reply button.'),
        quick_reply: object({
          id: text('Id returned to your webhook when the button is tapped.', { min: 1, max: LIMITS.buttonId }),
          title: text('Button label.', { min: 1, max: LIMITS.buttonTitle }),
        }).describe("The button's id and label."),
      }),
    )
    .min(1)
    .describe('Quick-reply buttons; every card must have the same number.'),
}).describe('Quick-reply buttons.');

const productAction = object({
  product_retailer_id: text('Your id for the product (its SKU in the catalog).', { min: 1 }),
  catalog_id: text('Id of the catalog; the same on every card.', { min: 1 }),
}).describe('The product on this card.');

export const carouselCard = object({
  card_index: z
    .number()
    .int()
    .min(0)
    .max(CAROUSEL_LIMITS.maxCards - 1)
    .describe('Position of the card from the left, 0 to 9.'),
  type: z.enum(['cta_url', 'product']).describe('"cta_url" for a card with a URL button, "product" for a product card; left out for quick-reply buttons.').optional(),
  header: cardHeader.optional(),
  body: object({ text: text('Card text, up to 2 line breaks.', { min: 1, max: CAROUSEL_LIMITS.cardBody }) })
    .describe("The card's text (optional).")
    .optional(),
  action: z.union([urlAction, quickReplies, productAction]).describe('A URL button, quick-reply buttons, or a product.'),
}).describe('One card of the carousel.');

export const carouselMessage = object({
  type: z.literal('carousel').describe('Scrolling cards with media and buttons, or products.'),
  body: body(LIMITS.buttonBody),
  action: object({
    cards: z.array(carouselCard).min(CAROUSEL_LIMITS.minCards).max(CAROUSEL_LIMITS.maxCards).describe(`${CAROUSEL_LIMITS.minCards} to ${CAROUSEL_LIMITS.maxCards} cards.`),
  }).describe('The cards.'),
}).describe('An interactive carousel message.');
