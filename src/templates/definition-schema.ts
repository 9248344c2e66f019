/**
 * A WhatsApp template definition in Meta's own format: the body of `POST /{WABA-ID}/message_templates`,
 * and each entry of what `GET` returns. The zod schema gives the shape (and, generated, the JSON
 * Schema behind completion and hovers in `*.template.json` files); Meta's rules that a schema cannot
 * say (lengths that depend on the kind of template, variables, button mixes) are the lint rules in
 * ./lint/. Objects stay open: Meta adds fields, and a pulled template carries ones we do not know.
 * Enum values are accepted in any case, as the API accepts them (Meta's own examples mix `BODY` and `body`).
 * Reference: the Message Templates API (developers.facebook.com/docs/graph-api/reference/whats-app-business-account/message_templates/)
 * and template components (developers.facebook.com/documentation/business-messaging/whatsapp/templates/components).
 */
import { z } from 'zod';

/** An enum that takes each value in upper or lower case. */
function anyCase<const T extends readonly [string, ...string[]]>(values: T, description: string) {
  return z.enum([...values, ...values.map((v) => v.toLowerCase())] as [string, ...string[]]).describe(description);
}

export const CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'] as const;
export const COMPONENT_TYPES = ['HEADER', 'BODY', 'FOOTER', 'BUTTONS', 'CAROUSEL', 'LIMITED_TIME_OFFER'] as const;
export const HEADER_FORMATS = ['TEXT', 'IMAGE', 'VIDEO', 'GIF', 'DOCUMENT', 'LOCATION', 'PRODUCT'] as const;
export const BUTTON_TYPES = ['QUICK_REPLY', 'URL', 'PHONE_NUMBER', 'COPY_CODE', 'OTP', 'FLOW', 'CATALOG', 'MPM', 'SPM', 'VOICE_CALL'] as const;
export const OTP_TYPES = ['COPY_CODE', 'ONE_TAP', 'ZERO_TAP'] as const;

const namedExample = z
  .looseObject({
    param_name: z.string().describe("The variable's name, as in `{{param_name}}`."),
    example: z.string().describe('An example value for it.'),
  })
  .describe('One named variable and its example value.');

const example = z
  .looseObject({
    header_text: z.array(z.string()).optional().describe("Example value of the header's `{{1}}` (one value)."),
    header_text_named_params: z.array(namedExample).optional().describe("Example value of the header's named variable."),
    header_handle: z.array(z.string()).optional().describe("A media header's example: the handle from the Resumable Upload API (or a URL, for some providers)."),
    body_text: z.array(z.array(z.string())).optional().describe("Example values of the body's `{{1}}`, `{{2}}`, ...: one array of values, in order, inside an array."),
    body_text_named_params: z.array(namedExample).optional().describe("Example values of the body's named variables."),
  })
  .describe('Example values for the variables (Meta requires one for every variable) and the sample media of a media header.');

const supportedApp = z.looseObject({
  package_name: z.string().describe('Android package name of your app.'),
  signature_hash: z.string().describe("Your app's signing key hash."),
});

export const buttonDefinition = z
  .looseObject({
    type: anyCase(
      BUTTON_TYPES,
      'QUICK_REPLY (a reply), URL (opens a web page), PHONE_NUMBER (calls), COPY_CODE (copies a coupon code), OTP (authentication), FLOW, CATALOG, MPM (multi-product), SPM, VOICE_CALL.',
    ),
    text: z.string().optional().describe('The button label (at most 25 characters).'),
    url: z.string().optional().describe('URL buttons: the address (at most 2000 characters); one variable `{{1}}` may end it.'),
    phone_number: z.string().optional().describe('PHONE_NUMBER buttons: the number to call, with its country code (at most 20 characters).'),
    example: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .describe("URL buttons: the example value of the URL's variable; COPY_CODE buttons: an example code (at most 15 characters)."),
    otp_type: anyCase(OTP_TYPES, 'OTP buttons: COPY_CODE (the customer copies the code), ONE_TAP (autofill in your Android app), ZERO_TAP (the app receives the code with no tap).').optional(),
    autofill_text: z.string().optional().describe("ONE_TAP: the autofill button's label."),
    package_name: z.string().optional().describe("ONE_TAP / ZERO_TAP: your Android app's package name."),
    signature_hash: z.string().optional().describe("ONE_TAP / ZERO_TAP: your app's signing key hash."),
    supported_apps: z.array(supportedApp).optional().describe('ONE_TAP / ZERO_TAP: the apps that may receive the code.'),
    zero_tap_terms_accepted: z.boolean().optional().describe("ZERO_TAP: you accept Meta's zero-tap terms."),
    flow_id: z.string().optional().describe("FLOW buttons: the Flow's id."),
    flow_name: z.string().optional().describe("FLOW buttons: the Flow's name."),
    flow_json: z.string().optional().describe("FLOW buttons: the Flow's JSON, as a string."),
    flow_action: z.string().optional().describe('FLOW buttons: navigate or data_exchange.'),
    navigate_screen: z.string().optional().describe('FLOW buttons: the first screen.'),
  })
  .describe('A button.');

const componentFields = {
  type: anyCase(COMPONENT_TYPES, 'HEADER, BODY (required), FOOTER, BUTTONS, CAROUSEL (media cards), LIMITED_TIME_OFFER.'),
  format: anyCase(HEADER_FORMATS, 'HEADER: what it shows: TEXT, IMAGE, VIDEO, GIF, DOCUMENT, LOCATION, PRODUCT.').optional(),
  text: z.string().optional().describe('The text: header and footer at most 60 characters, body at most 1024 (160 on a carousel card). Variables `{{1}}` or `{{name}}`.'),
  example: example.optional(),
  buttons: z.array(buttonDefinition).optional().describe('BUTTONS: at most 10 (quick replies together; at most 2 URL, 1 phone number, 1 copy code).'),
  add_security_recommendation: z.boolean().optional().describe('AUTHENTICATION body: add "For your security, do not share this code."'),
  code_expiration_minutes: z.number().int().optional().describe('AUTHENTICATION footer: "This code expires in N minutes" (1-90).'),
  limited_time_offer: z
    .looseObject({
      text: z.string().describe("The offer's headline (at most 16 characters)."),
      has_expiration: z.boolean().optional().describe("Show a countdown to the offer's end (the send gives the time)."),
    })
    .optional()
    .describe('LIMITED_TIME_OFFER: the offer banner.'),
};

export const cardComponentDefinition = z.looseObject(componentFields).describe('A component of a carousel card: HEADER (image or video), BODY, BUTTONS.');

export const componentDefinition = z
  .looseObject({
    ...componentFields,
    cards: z
      .array(z.looseObject({ components: z.array(cardComponentDefinition).describe("The card's header, body and buttons: the same kinds on every card.") }).describe('A media card.'))
      .optional()
      .describe('CAROUSEL: 2 to 10 cards of the same shape.'),
  })
  .describe('A template component.');

export const templateDefinitionSchema = z
  .looseObject({
    $schema: z.string().optional(),
    name: z.string().describe('Template name: lowercase letters, digits and underscores, at most 512 characters.'),
    language: z.string().min(1).describe('Language and locale code of this translation, e.g. en_US or en.'),
    category: anyCase(CATEGORIES, 'MARKETING, UTILITY or AUTHENTICATION (Meta may change it on review).'),
    parameter_format: anyCase(['POSITIONAL', 'NAMED'], 'POSITIONAL (`{{1}}`, the default) or NAMED (`{{first_name}}`).').optional(),
    allow_category_change: z.boolean().optional().describe('Let Meta assign the category it finds right instead of rejecting the template.'),
    sub_category: z.string().optional().describe('Sub-category, e.g. ORDER_DETAILS or ORDER_STATUS.'),
    message_send_ttl_seconds: z.number().int().optional().describe('How long WhatsApp keeps trying to deliver a message of this template.'),
    cta_url_link_tracking_opted_out: z.boolean().optional().describe("Turn off Meta's click tracking of URL buttons."),
    components: z.array(componentDefinition).describe("The template's parts: BODY is required; HEADER, FOOTER, BUTTONS, CAROUSEL, LIMITED_TIME_OFFER as needed."),
    id: z.string().optional().describe('Set by Meta: the template id.'),
    status: z.string().optional().describe('Set by Meta: APPROVED, PENDING, REJECTED, PAUSED, DISABLED, IN_APPEAL, ...'),
    rejected_reason: z.string().optional().describe('Set by Meta on a rejected template: INVALID_FORMAT, ABUSIVE_CONTENT, INCORRECT_CATEGORY, TAG_CONTENT_MISMATCH, SCAM, PROMOTIONAL, NONE.'),
    previous_category: z.string().optional().describe('Set by Meta when it changed the category.'),
    quality_score: z.unknown().optional().describe("Set by Meta: the template's quality rating."),
  })
  .describe("A WhatsApp message template in Meta's format (Message Workbench: push it with `mwb templates push`).");
