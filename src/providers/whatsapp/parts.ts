/**
 * Schema pieces shared by the WhatsApp Cloud API and the On-Premises API (as 360dialog serves it):
 * both send the same message objects (media, location, contacts, interactive, template components).
 */
import { z } from 'zod';
import { object, selectedBy, text, url } from '../common/fields';
import { MAX_LIST_ROWS } from '../../core/lint/interactive';

export const LIMITS = {
  textBody: 4096,
  caption: 1024,
  buttonBody: 1024,
  // Meta's docs; its spec says 1024, and disputed-limits.ts warns between the two.
  listBody: 4096,
  footer: 60,
  headerText: 60,
  buttons: 3,
  buttonTitle: 20,
  buttonId: 256,
  listButton: 20,
  sections: 10,
  sectionTitle: 24,
  rowId: 200,
  rowTitle: 24,
  rowDescription: 72,
  ctaDisplayText: 20,
  // Meta's spec (v23.0) and the Flows docs: "Text on the CTA button ... 30 characters or less".
  flowCta: 30,
  templateName: 512,
} as const;

const mediaId = text('Media id returned by the media upload endpoint. Give either `id` or `link`, not both.', { min: 1 });
const mediaLink = url("HTTPS URL of the media file, reachable by WhatsApp's servers. Give either `id` or `link`, not both.", { min: 1, max: 2000 });
const caption = text('Caption shown under the media.', { min: 1, max: LIMITS.caption });

/** Media objects: `id` or `link` (which one is checked by the `media-source` rule, since zod can't say "exactly one" in JSON Schema). */
export const imageObject = object({ id: mediaId.optional(), link: mediaLink.optional(), caption: caption.optional() }).describe(
  'An image (JPEG or PNG, up to 5 MB): `id` or `link`, and an optional caption.',
);
export const videoObject = object({ id: mediaId.optional(), link: mediaLink.optional(), caption: caption.optional() }).describe(
  'A video (MP4 or 3GPP, H.264 with AAC audio, up to 16 MB): `id` or `link`, and an optional caption.',
);
export const audioObject = object({ id: mediaId.optional(), link: mediaLink.optional() }).describe(
  'An audio file (AAC, MP3, M4A, AMR or OGG/Opus, up to 16 MB): `id` or `link`. Audio takes no caption.',
);
export const documentObject = object({
  id: mediaId.optional(),
  link: mediaLink.optional(),
  caption: caption.optional(),
  filename: text('File name shown to the recipient, with its extension (e.g. invoice.pdf).', { min: 1, max: 240 }).optional(),
}).describe('A document (PDF, Office, text; up to 100 MB): `id` or `link`, an optional caption and file name.');
export const stickerObject = object({ id: mediaId.optional(), link: mediaLink.optional() }).describe(
  'A sticker (WebP, 512x512; static up to 100 KB, animated up to 500 KB): `id` or `link`. Stickers take no caption.',
);

/** Coordinates: a number, or a string for a number written as text or a `{{PLACEHOLDER}}` (checked by the `location-range` rule). */
const coordinate = (what: string, min: number, max: number) => z.union([z.number().min(min).max(max), z.string().min(1)]).describe(`${what} in decimal degrees, ${min} to ${max}.`);

export const locationObject = object({
  latitude: coordinate('Latitude', -90, 90),
  longitude: coordinate('Longitude', -180, 180),
  name: text('Name of the place, shown above the address.').optional(),
  address: text('Address of the place, shown under its name.').optional(),
}).describe('A location pin: latitude and longitude, with an optional name and address.');

const contactName = object({
  formatted_name: text('Full name as it should be displayed.', { min: 1 }),
  first_name: text('First name.').optional(),
  last_name: text('Last name.').optional(),
  middle_name: text('Middle name.').optional(),
  suffix: text('Name suffix.').optional(),
  prefix: text('Name prefix.').optional(),
}).describe("The contact's name. `formatted_name` is required, plus at least one other name field.");

export const contactObject = object({
  name: contactName,
  phones: z
    .array(
      object({
        phone: text('Phone number as the contact card shows it.').optional(),
        type: text('Kind of number: CELL, MAIN, IPHONE, HOME or WORK.').optional(),
        wa_id: text('WhatsApp id of the number, if any: adds a "Message" button to the card.').optional(),
      }),
    )
    .describe('Phone numbers.')
    .optional(),
  emails: z
    .array(object({ email: text('Email address.').optional(), type: text('HOME or WORK.').optional() }))
    .describe('Email addresses.')
    .optional(),
  addresses: z
    .array(
      object({
        street: text('Street.').optional(),
        city: text('City.').optional(),
        state: text('State or region.').optional(),
        zip: text('Postal code.').optional(),
        country: text('Country name.').optional(),
        country_code: text('Two-letter country code.').optional(),
        type: text('HOME or WORK.').optional(),
      }),
    )
    .describe('Postal addresses.')
    .optional(),
  org: object({ company: text('Company.').optional(), department: text('Department.').optional(), title: text('Job title.').optional() })
    .describe('Organisation.')
    .optional(),
  urls: z
    .array(object({ url: text('Web address.').optional(), type: text('HOME or WORK.').optional() }))
    .describe('Web addresses.')
    .optional(),
  birthday: text('Birthday, YYYY-MM-DD.').optional(),
}).describe('A contact card.');

export const contactsArray = z.array(contactObject).min(1).describe('Contact cards to send (at least one).');

// Interactive messages.

const headerText = text('Header text, above the body.', { min: 1, max: LIMITS.headerText });
export const interactiveHeader = selectedBy(
  z
    .discriminatedUnion('type', [
      // `sub_text` is in Meta's spec (HeaderObject, v23.0): a line under the header text.
      object({
        type: z.literal('text').describe('A text header.'),
        text: headerText,
        sub_text: text('Sub-text under the header text. Emojis, no markdown.', { min: 1, max: LIMITS.headerText }).optional(),
      }),
      object({ type: z.literal('image').describe('An image header.'), image: imageObject }),
      object({ type: z.literal('video').describe('A video header.'), video: videoObject }),
      object({ type: z.literal('document').describe('A document header.'), document: documentObject }),
    ])
    .describe('Header shown above the body: text (up to 60 characters) or an image, video or document.'),
  'type',
);

// A one-branch union so a media header in a list is one problem ("type must be text"), not three.
export const textHeaderOnly = selectedBy(
  z
    .discriminatedUnion('type', [object({ type: z.literal('text').describe('List messages take only a text header.'), text: headerText })])
    .describe('Header text above the body (list messages take only text headers).'),
  'type',
);

export const body = (max: number) => object({ text: text('Body text. Supports WhatsApp formatting.', { min: 1, max }) }).describe(`The message body (up to ${max} characters).`);
export const footer = object({ text: text('Footer text, in a smaller font under the body.', { min: 1, max: LIMITS.footer }) }).describe('Footer shown under the body.');

export const replyButton = object({
  type: z.literal('reply').describe('A quick-reply button.'),
  reply: object({
    id: text('Id returned to your webhook when the button is tapped. Unique within the message.', { min: 1, max: LIMITS.buttonId }),
    title: text('Button label. Unique within the message.', { min: 1, max: LIMITS.buttonTitle }),
  }).describe("The button's id and label."),
}).describe('A reply button.');

export const buttonMessage = object({
  type: z.literal('button').describe('Reply buttons: up to 3 buttons under the body.'),
  header: interactiveHeader.optional(),
  body: body(LIMITS.buttonBody),
  footer: footer.optional(),
  action: object({
    buttons: z.array(replyButton).min(1).max(LIMITS.buttons).describe(`1 to ${LIMITS.buttons} reply buttons with unique titles.`),
  }).describe('The buttons.'),
}).describe('An interactive message with reply buttons.');

export const listRow = object({
  id: text('Row id returned to your webhook when the row is chosen. Unique within the message.', { min: 1, max: LIMITS.rowId }),
  title: text('Row title.', { min: 1, max: LIMITS.rowTitle }),
  description: text('Row description, under its title.', { max: LIMITS.rowDescription }).optional(),
}).describe('A choice in the list.');

export const listSection = object({
  title: text('Section title; required when the list has more than one section.', { min: 1, max: LIMITS.sectionTitle }).optional(),
  // The limit is rows across all sections: the list-too-many-rows rule counts them, so no per-section max here.
  rows: z.array(listRow).min(1).describe(`Rows of this section (at most ${MAX_LIST_ROWS} rows across all sections).`),
}).describe('A section of the list.');

export const listMessage = object({
  type: z.literal('list').describe(`A list: a button that opens a menu of up to ${MAX_LIST_ROWS} rows in sections.`),
  header: textHeaderOnly.optional(),
  body: body(LIMITS.listBody),
  footer: footer.optional(),
  action: object({
    button: text('Label of the button that opens the list.', { min: 1, max: LIMITS.listButton }),
    sections: z.array(listSection).min(1).max(LIMITS.sections).describe(`1 to ${LIMITS.sections} sections; at most ${MAX_LIST_ROWS} rows across all of them.`),
  }).describe('The list.'),
}).describe('An interactive list message.');

export const ctaUrlMessage = object({
  type: z.literal('cta_url').describe('A call-to-action button that opens a URL.'),
  header: interactiveHeader.optional(),
  body: body(LIMITS.buttonBody).optional(),
  footer: footer.optional(),
  action: object({
    name: z.literal('cta_url').describe('Always "cta_url".'),
    parameters: object({
      display_text: text('Button label.', { min: 1, max: LIMITS.ctaDisplayText }),
      url: url('URL opened when the button is tapped.', { min: 1, max: 2000 }),
    }).describe('The button.'),
  }).describe('The URL button.'),
}).describe('An interactive message with a URL button.');

export const locationRequestMessage = object({
  type: z.literal('location_request_message').describe('Asks the customer to share their location.'),
  body: body(LIMITS.buttonBody),
  action: object({ name: z.literal('send_location').describe('Always "send_location".') }).describe('The "Send location" button.'),
}).describe('An interactive location request.');

export const flowMessage = object({
  type: z.literal('flow').describe('Opens a WhatsApp Flow.'),
  header: interactiveHeader.optional(),
  body: body(LIMITS.buttonBody),
  footer: footer.optional(),
  action: object({
    name: z.literal('flow').describe('Always "flow".'),
    parameters: object({
      flow_message_version: z.literal('3').describe('Always "3".'),
      flow_id: text('Id of the published Flow (or give flow_name).', { min: 1 }).optional(),
      flow_name: text('Name of the published Flow (or give flow_id).', { min: 1 }).optional(),
      flow_cta: text('Label of the button that opens the Flow (no emoji).', { min: 1, max: LIMITS.flowCta }),
      flow_token: text("Your token, echoed back with the Flow's response.").optional(),
      mode: z.enum(['draft', 'published']).describe('"draft" to test an unpublished Flow.').optional(),
      flow_action: z.enum(['navigate', 'data_exchange']).describe('What opening the Flow does first.').optional(),
      flow_action_payload: z.looseObject({}).describe('The first screen and its data (with flow_action "navigate").').optional(),
    }).describe('Which Flow to open, and how.'),
  }).describe('The Flow button.'),
}).describe('An interactive message that opens a WhatsApp Flow.');

export const productMessage = object({
  type: z.literal('product').describe('One product from your catalog.'),
  body: body(LIMITS.buttonBody).optional(),
  footer: footer.optional(),
  action: object({
    catalog_id: text('Id of the Facebook catalog linked to your WhatsApp Business Account.', { min: 1 }),
    product_retailer_id: text('Your id for the product (its SKU in the catalog).', { min: 1 }),
  }).describe('The product.'),
}).describe('An interactive single-product message.');

export const productListMessage = object({
  type: z.literal('product_list').describe('Up to 30 products from your catalog, in sections.'),
  header: textHeaderOnly,
  body: body(LIMITS.buttonBody),
  footer: footer.optional(),
  action: object({
    catalog_id: text('Id of the Facebook catalog linked to your WhatsApp Business Account.', { min: 1 }),
    sections: z
      .array(
        object({
          title: text('Section title; required when there is more than one section.', { min: 1, max: LIMITS.sectionTitle }).optional(),
          product_items: z
            .array(object({ product_retailer_id: text('Your id for the product (its SKU in the catalog).', { min: 1 }) }).describe('A product.'))
            .min(1)
            .max(30)
            .describe('Products in this section (at most 30 across all sections).'),
        }).describe('A section of products.'),
      )
      .min(1)
      .max(10)
      .describe('1 to 10 sections.'),
  }).describe('The products.'),
}).describe('An interactive multi-product message.');

/** The interactive types both APIs know; the Cloud API's newer ones are added in interactive.ts. */
export const interactiveObject = selectedBy(
  z
    .discriminatedUnion('type', [buttonMessage, listMessage, ctaUrlMessage, flowMessage, locationRequestMessage, productMessage, productListMessage])
    .describe('An interactive message: reply buttons, a list, a URL button, a Flow, a location request, or catalog products.'),
  'type',
);

// Template components (sending an approved template).

const currencyParam = object({
  type: z.literal('currency').describe('An amount of money.'),
  currency: object({
    fallback_value: text("Text shown when the amount can't be localised.", { min: 1 }),
    code: text('ISO 4217 currency code, e.g. USD.', { min: 3, max: 3 }),
    amount_1000: z.number().int().describe('The amount times 1000 (e.g. 100990 for 100.99).'),
  }).describe("The amount, its currency, and the text to show if it can't be localised."),
  parameter_name: text('Name of a named parameter ({{name}}) in the template.').optional(),
});
const dateTimeParam = object({
  type: z.literal('date_time').describe('A date and time.'),
  date_time: z.looseObject({ fallback_value: text('The date and time as text.', { min: 1 }) }).describe('The date and time.'),
  parameter_name: text('Name of a named parameter ({{name}}) in the template.').optional(),
});

// Limited-time offer and product-card parameters: Meta's docs (developers.facebook.com/documentation/
// business-messaging/whatsapp/templates/marketing-templates/limited-time-offer-templates, and
// .../catalogs/product-card-carousel-templates) send them alongside the older types.
const templateParameterUnion = z
  .discriminatedUnion('type', [
    object({
      type: z.literal('text').describe('Text that fills a {{n}} placeholder.'),
      text: text('The text (body parameters up to 32768 characters, header parameters up to 60).', { min: 1, max: 32768 }),
      parameter_name: text('Name of a named parameter ({{name}}) in the template.').optional(),
    }),
    currencyParam,
    dateTimeParam,
    object({ type: z.literal('image').describe('Header image.'), image: imageObject }),
    object({ type: z.literal('document').describe('Header document.'), document: documentObject }),
    object({ type: z.literal('video').describe('Header video.'), video: videoObject }),
    object({ type: z.literal('location').describe('Header location.'), location: locationObject }),
    object({ type: z.literal('payload').describe('Quick-reply button payload.'), payload: text('Returned to your webhook when the quick-reply button is tapped.', { min: 1, max: 1000 }) }),
    object({ type: z.literal('coupon_code').describe('Copy-code button value.'), coupon_code: text('The code copied when the button is tapped.', { min: 1, max: 15 }) }),
    object({ type: z.literal('action').describe('Flow, catalog or multi-product button action.'), action: z.looseObject({}).describe('The button action.') }),
    object({
      type: z.literal('limited_time_offer').describe('When a limited-time offer ends.'),
      limited_time_offer: object({ expiration_time_ms: z.number().int().positive().describe('When the offer expires, in milliseconds since the Unix epoch.') }).describe("The offer's expiry."),
    }),
    object({
      type: z.literal('product').describe("A product card's product (product card carousel templates)."),
      product: object({
        product_retailer_id: text('Your id for the product (its SKU in the catalog).', { min: 1 }),
        catalog_id: text('Id of the catalog that holds the product.', { min: 1 }),
      }).describe('The product shown on the card.'),
    }),
  ])
  .describe('A template parameter.');
export const templateParameter = selectedBy(templateParameterUnion, 'type');

const parameters = z.array(templateParameter).describe("Values for the component's placeholders, in order ({{1}} first).");

/** Button kinds a template send names; the API takes them in either case (Meta's spec example sends "CATALOG"). */
export const BUTTON_SUB_TYPES = ['quick_reply', 'url', 'copy_code', 'flow', 'catalog', 'mpm', 'voice_call', 'order_details'] as const;

// Meta's spec: a header or button component has at least one parameter (without any, leave the component out).
const someParameters = parameters.min(1);
const headerComponent = object({ type: z.literal('header').describe("Header parameters: text, or the header's media."), parameters: someParameters });
const bodyComponent = object({ type: z.literal('body').describe('Body parameters, in order.'), parameters });
const buttonComponent = object({
  type: z.literal('button').describe('Parameters of one button.'),
  sub_type: z.enum([...BUTTON_SUB_TYPES, ...BUTTON_SUB_TYPES.map((t) => t.toUpperCase())]).describe('The kind of button (lower or upper case).'),
  index: z
    .union([z.number().int().min(0).max(9), z.string().regex(/^\d$/, "must be the button's position, 0 to 9 (a number, or a digit as a string)")])
    .describe('Position of the button in the template, 0 to 9.'),
  parameters: someParameters,
});

// Carousel templates: one card per card defined on the template, each with its own components
// (developers.facebook.com/documentation/business-messaging/whatsapp/templates/marketing-templates/media-card-carousel-templates).
const carouselCard = object({
  card_index: z.number().int().min(0).max(9).describe('Position of the card, 0 to 9.'),
  components: z
    .array(selectedBy(z.discriminatedUnion('type', [headerComponent, bodyComponent, buttonComponent]).describe('A card component and its parameters.'), 'type'))
    .describe("The card's header, body and button parameters."),
}).describe('One card of a carousel template.');

export const templateComponent = selectedBy(
  z
    .discriminatedUnion('type', [
      headerComponent,
      bodyComponent,
      buttonComponent,
      object({
        type: z.literal('carousel').describe('The cards of a carousel template.'),
        cards: z.array(carouselCard).min(1).max(10).describe('One entry per card defined on the template (up to 10).'),
      }),
      object({ type: z.literal('limited_time_offer').describe('When the limited-time offer ends.'), parameters }),
    ])
    .describe('A template component and its parameters.'),
  'type',
);

export const templateComponents = z.array(templateComponent).describe("Parameters for the template's header, body and buttons.");

// No max here: the common template-name-length rule reports names over 512 characters, once.
export const templateName = text(`Name of an approved template (up to ${LIMITS.templateName} characters).`, { min: 1 });
export const languageCode = text('Language (and locale) of the approved template, e.g. en or en_US.', { min: 2, max: 15 });
