/**
 * Vonage Messages API v1 (`POST /v1/messages`): one branch per channel, each a union on
 * `message_type`, so VS Code offers the right properties once `channel` and `message_type` are set.
 * Keys are snake_case at every depth except inside `custom`, which Vonage passes through as given.
 * Accepts every body the official Node SDK (@vonage/messages 1.24) sends.
 */
import { z } from 'zod';
import { lazyJson, object, phone, text, url } from '../common/fields';
import { locatedUnion } from './located-union';

export const MAX_CLIENT_REF = 100;
export const MAX_SMS_TEXT = 1000;
export const MAX_WHATSAPP_TEXT = 4096;
export const MAX_MESSENGER_TEXT = 640;
export const MAX_VIBER_TEXT = 1000;
export const MAX_MMS_TEXT = 2000;
export const MAX_RCS_TEXT = 3072;

const mediaUrl = (what: string) => url(`Public URL of the ${what}; Vonage fetches it when sending.`, { min: 10, max: 2000 });
const TYPE_HINTS: Record<string, string> = {
  text: 'a text message',
  image: 'an image',
  audio: 'an audio file',
  video: 'a video',
  file: 'a file (document)',
  sticker: 'a sticker',
  template: 'a template (MTM/HSM), allowed outside the 24 h window',
  custom: 'a channel-native message object in `custom`',
  reaction: 'a reaction to an earlier message',
  vcard: 'a contact card (vCard)',
  content: 'several parts in `content`',
};
/** The `message_type` of one branch, described so the hover says what it sends. */
const messageType = <T extends string>(type: T) => z.literal(type).describe(`Send ${TYPE_HINTS[type] ?? type}.`);
const seconds = (description: string, min: number, max: number) => z.number().int().min(min).max(max).describe(`${description} (${min}-${max} seconds)`);

/** Fields every v1 message may carry. */
const commonFields = {
  to: phone('Recipient: the phone number in E.164 form as digits only, no leading "+" or "00" (e.g. 447700900000). For Messenger, the recipient\'s page-scoped id.'),
  from: text('Sender: your number (digits only, no "+"), an alphanumeric SMS sender id of at most 11 characters, your Viber service id or your Facebook page id.', { min: 1 }),
  client_ref: text('Your own reference for this message, returned in every status webhook.', { max: MAX_CLIENT_REF }).optional(),
  webhook_url: url("Status webhook URL for this message only; overrides the application's setting.", { min: 1 }).optional(),
  webhook_version: z.enum(['v0.1', 'v1']).describe('Format of the status webhooks for this message: "v1" (current) or "v0.1".').optional(),
};

// ---------- SMS ----------
const smsSettings = object({
  encoding_type: z
    .enum(['text', 'unicode', 'auto'])
    .describe('"text" (GSM-7, 160 characters per part), "unicode" (UCS-2, 70 per part) or "auto" (Vonage decides from the content). Overrides detection.')
    .optional(),
  content_id: text('DLT content template id (India only).', { min: 1 }).optional(),
  entity_id: text('DLT entity id (India only).', { min: 1 }).optional(),
}).describe('SMS-specific settings.');

const smsText = object({
  ...commonFields,
  channel: z.literal('sms').describe('Send as SMS.'),
  message_type: messageType('text'),
  text: text('The SMS text. Long texts are split into parts (160 GSM-7 or 70 UCS-2 characters each, fewer when split).', { min: 1, max: MAX_SMS_TEXT }),
  ttl: z.number().int().positive().describe('How long (seconds) Vonage attempts delivery; by default 72 hours, though operators typically stop after 24-48 hours.').optional(),
  sms: smsSettings.optional(),
  trusted_recipient: z.boolean().describe('Marks the recipient as trusted so fraud checks are skipped (an account feature).').optional(),
}).describe('SMS text message.');

export const smsMessage = z.discriminatedUnion('message_type', [smsText]).describe('SMS message.');

// ---------- WhatsApp ----------
const whatsappContext = object({
  message_uuid: text('The message_uuid of the message this one replies to.', { min: 1 }),
}).describe('Send as a reply (quote) to an earlier message.');

const whatsappCommon = {
  ...commonFields,
  channel: z.literal('whatsapp').describe('Send over WhatsApp.'),
  context: whatsappContext.optional(),
  ttl: z.number().int().positive().describe('Seconds Vonage keeps trying to deliver the message.').optional(),
  category: text('WhatsApp pricing category hint (as the SDK sends it).', { min: 1 }).optional(),
};
const waCaption = (what: string) => text(`Caption shown under the ${what}.`, { min: 1, max: 3000 });

const whatsappText = object({
  ...whatsappCommon,
  message_type: messageType('text'),
  text: text("Message text. Supports WhatsApp formatting (*bold*, _italic_, ~strike~, ```mono```). Free-form: only within 24 h of the customer's last message.", { min: 1, max: MAX_WHATSAPP_TEXT }),
}).describe('WhatsApp text message.');

const whatsappImage = object({
  ...whatsappCommon,
  message_type: messageType('image'),
  image: object({ url: mediaUrl('image (JPG or PNG)'), caption: waCaption('image').optional() }).describe('The image.'),
}).describe('WhatsApp image message.');

const whatsappAudio = object({
  ...whatsappCommon,
  message_type: messageType('audio'),
  audio: object({ url: mediaUrl('audio file (AAC, M4A, AMR, MP3 or OGG Opus)') }).describe('The audio file.'),
}).describe('WhatsApp audio message.');

const whatsappVideo = object({
  ...whatsappCommon,
  message_type: messageType('video'),
  video: object({ url: mediaUrl('video (MP4 or 3GPP)'), caption: waCaption('video').optional() }).describe('The video.'),
}).describe('WhatsApp video message.');

const whatsappFile = object({
  ...whatsappCommon,
  message_type: messageType('file'),
  file: object({
    url: mediaUrl('document'),
    caption: waCaption('document').optional(),
    name: text('File name shown to the recipient, e.g. invoice.pdf.', { min: 1 }).optional(),
  }).describe('The document.'),
}).describe('WhatsApp file (document) message.');

const whatsappSticker = object({
  ...whatsappCommon,
  message_type: messageType('sticker'),
  sticker: locatedUnion(
    z.union([
      object({ url: mediaUrl('sticker (WebP)') }).describe('A sticker by URL.'),
      object({ id: text('Id of a sticker uploaded to WhatsApp.', { min: 1 }) }).describe('A sticker by uploaded media id.'),
    ]),
    'The sticker: either `url` or `id`.',
  ),
}).describe('WhatsApp sticker message.');

const whatsappTemplate = object({
  ...whatsappCommon,
  message_type: messageType('template'),
  template: object({
    // No max here: the common template-name-length rule reports names over 512 characters, once.
    name: text('Template name as approved by WhatsApp (older templates: "namespace:name"), up to 512 characters.', { min: 1 }),
    parameters: z
      .array(text('Value for {{n}} in the template body, in order.', { min: 1, max: 1024 }))
      .describe('Body parameters: the first fills {{1}}.')
      .optional(),
  }).describe('The template (MTM/HSM) to send; allowed outside the 24 h window.'),
  whatsapp: object({
    policy: z.literal('deterministic').describe('Language policy; only "deterministic".').optional(),
    locale: text('Template language, e.g. en_US (the default), en_GB, pt_BR.', { min: 2 }).optional(),
  })
    .describe('Template language settings.')
    .optional(),
}).describe('WhatsApp template message.');

const whatsappCustom = object({
  ...whatsappCommon,
  message_type: messageType('custom'),
  custom: z
    .record(z.string(), z.unknown())
    .describe('A WhatsApp Cloud API message object (e.g. {"type":"interactive","interactive":{...}} or {"type":"template","template":{...}}), passed through as given.'),
}).describe('WhatsApp custom message (any Cloud API message object).');

const whatsappReaction = object({
  ...whatsappCommon,
  message_type: messageType('reaction'),
  reaction: z
    .discriminatedUnion('action', [
      object({ action: z.literal('react').describe('Add a reaction.'), emoji: text('The emoji to react with.', { min: 1 }) }),
      object({ action: z.literal('unreact').describe('Remove your reaction.'), emoji: text('Ignored when removing.').optional() }),
    ])
    .describe('React to (or unreact from) the message in `context.message_uuid`.'),
}).describe('WhatsApp reaction.');

export const whatsappMessage = z
  .discriminatedUnion('message_type', [whatsappText, whatsappImage, whatsappAudio, whatsappVideo, whatsappFile, whatsappSticker, whatsappTemplate, whatsappCustom, whatsappReaction])
  .describe('WhatsApp message.');

// ---------- MMS ----------
const mmsCommon = {
  ...commonFields,
  channel: z.literal('mms').describe('Send as MMS (US and Canada numbers).'),
  ttl: seconds('How long Vonage attempts delivery', 300, 259200).optional(),
};
const mmsCaption = (what: string) => text(`Caption sent with the ${what}.`, { min: 1, max: 2000 });
const mmsMedia = (what: string, withCaption = true) => (withCaption ? object({ url: mediaUrl(what), caption: mmsCaption(what).optional() }) : object({ url: mediaUrl(what) }));

const mmsImage = object({ ...mmsCommon, message_type: messageType('image'), image: mmsMedia('image (JPG, PNG or GIF)').describe('The image.') }).describe('MMS image.');
const mmsVcard = object({ ...mmsCommon, message_type: messageType('vcard'), vcard: mmsMedia('vCard (.vcf)').describe('The contact card.') }).describe('MMS vCard.');
const mmsAudio = object({ ...mmsCommon, message_type: messageType('audio'), audio: mmsMedia('audio file').describe('The audio file.') }).describe('MMS audio.');
const mmsVideo = object({ ...mmsCommon, message_type: messageType('video'), video: mmsMedia('video').describe('The video.') }).describe('MMS video.');
const mmsFile = object({ ...mmsCommon, message_type: messageType('file'), file: mmsMedia('file').describe('The file.') }).describe('MMS file.');
const mmsText = object({ ...mmsCommon, message_type: messageType('text'), text: text('The MMS text.', { min: 1, max: MAX_MMS_TEXT }) }).describe('MMS text.');
const mmsContent = object({
  ...mmsCommon,
  message_type: messageType('content'),
  content: z
    .array(
      object({
        type: z.enum(['image', 'audio', 'video', 'vcard', 'file', 'text']).describe('Kind of this part.'),
        url: mediaUrl('part').optional(),
        caption: mmsCaption('part').optional(),
        text: text('Text of a "text" part.', { min: 1, max: MAX_MMS_TEXT }).optional(),
      }).describe('One part of the MMS.'),
    )
    .min(1)
    .max(10)
    .describe('The parts of a multi-part MMS (1-10).'),
}).describe('MMS with several parts.');

export const mmsMessage = z.discriminatedUnion('message_type', [mmsImage, mmsVcard, mmsAudio, mmsVideo, mmsFile, mmsText, mmsContent]).describe('MMS message.');

// ---------- Viber ----------
const viberAction = object({
  url: url('Where the button leads.', { min: 1, max: 2000 }),
  text: text('Button label.', { min: 1, max: 30 }),
}).describe('A call-to-action button under the message.');

const viberSettings = (extra: z.core.$ZodLooseShape = {}) =>
  object({
    category: z.enum(['transaction', 'promotion']).describe('"transaction" or "promotion" (promotions need the recipient\'s consent).').optional(),
    ttl: seconds('How long Vonage attempts delivery', 30, 259200).optional(),
    type: text('Viber message type as Vonage names it (e.g. "string").', { min: 1 }).optional(),
    action: viberAction.optional(),
    ...extra,
  }).describe('Viber-specific settings.');

const viberCommon = {
  ...commonFields,
  channel: z.literal('viber_service').describe('Send as a Viber Business message.'),
};
const stringOrNumber = (description: string) => locatedUnion(z.union([z.string().min(1), z.number().positive()]), description);

const viberText = object({
  ...viberCommon,
  message_type: messageType('text'),
  text: text('The Viber message text.', { min: 1, max: MAX_VIBER_TEXT }),
  viber_service: viberSettings().optional(),
}).describe('Viber text message.');
const viberImage = object({
  ...viberCommon,
  message_type: messageType('image'),
  image: object({ url: mediaUrl('image (JPG or PNG)'), caption: text('Caption sent with the image.', { min: 1 }).optional() }).describe('The image.'),
  viber_service: viberSettings().optional(),
}).describe('Viber image message.');
const viberVideo = object({
  ...viberCommon,
  message_type: messageType('video'),
  video: object({
    url: mediaUrl('video (MP4)'),
    caption: text('Caption sent with the video.', { min: 1 }).optional(),
    thumb_url: mediaUrl('thumbnail image shown before the video plays'),
  }).describe('The video.'),
  viber_service: viberSettings({
    duration: stringOrNumber('Video length in seconds (1-600).'),
    file_size: stringOrNumber('Video size in MB (1-200).'),
  }),
}).describe('Viber video message.');
const viberFile = object({
  ...viberCommon,
  message_type: messageType('file'),
  file: object({ url: mediaUrl('file'), name: text('File name shown to the recipient.', { min: 1 }).optional(), caption: text('Caption sent with the file.', { min: 1 }).optional() }).describe(
    'The file.',
  ),
  viber_service: viberSettings().optional(),
}).describe('Viber file message.');

export const viberMessage = z.discriminatedUnion('message_type', [viberText, viberImage, viberVideo, viberFile]).describe('Viber message.');

// ---------- Messenger ----------
const messengerSettings = z
  .discriminatedUnion('category', [
    object({
      category: z.enum(['response', 'update']).describe('"response" (reply within 24 h) or "update" (proactive, within 24 h).'),
      tag: text('Only used with category "message_tag".', { min: 1 }).optional(),
    }),
    object({
      category: z.literal('message_tag').describe('Outside the 24 h window: needs a `tag`.'),
      tag: text('The message tag Facebook allows outside the 24 h window, e.g. ACCOUNT_UPDATE, CONFIRMED_EVENT_UPDATE, POST_PURCHASE_UPDATE, HUMAN_AGENT.', { min: 1 }),
    }),
  ])
  .describe('Messenger-specific settings: the message category (and tag).');

const messengerCommon = {
  ...commonFields,
  to: text("The recipient's page-scoped id (PSID).", { min: 1 }),
  from: text('Your Facebook page id.', { min: 1 }),
  channel: z.literal('messenger').describe('Send over Facebook Messenger.'),
  messenger: messengerSettings.optional(),
};
const messengerMedia = (what: string) => object({ url: mediaUrl(what) }).describe(`The ${what}.`);

const messengerText = object({ ...messengerCommon, message_type: messageType('text'), text: text('The message text.', { min: 1, max: MAX_MESSENGER_TEXT }) }).describe('Messenger text message.');
const messengerImage = object({ ...messengerCommon, message_type: messageType('image'), image: messengerMedia('image') }).describe('Messenger image.');
const messengerAudio = object({ ...messengerCommon, message_type: messageType('audio'), audio: messengerMedia('audio file') }).describe('Messenger audio.');
const messengerVideo = object({ ...messengerCommon, message_type: messageType('video'), video: messengerMedia('video') }).describe('Messenger video.');
const messengerFile = object({ ...messengerCommon, message_type: messageType('file'), file: messengerMedia('file') }).describe('Messenger file.');

export const messengerMessage = z.discriminatedUnion('message_type', [messengerText, messengerImage, messengerAudio, messengerVideo, messengerFile]).describe('Messenger message.');

// ---------- RCS ----------
const rcsCommon = {
  ...commonFields,
  channel: z.literal('rcs').describe('Send as RCS Business Messaging.'),
  ttl: seconds('How long Vonage attempts delivery', 20, 259200).optional(),
  rcs: object({
    category: z.enum(['authentication', 'transaction', 'promotion', 'service-request', 'acknowledgement', 'acknoledgement']).describe('RCS message category.'),
  })
    .describe('RCS-specific settings.')
    .optional(),
};
const rcsSuggestion = z
  .looseObject({
    type: z.enum(['reply', 'dial', 'view_location', 'share_location', 'open_url', 'open_url_in_webview', 'create_calendar_event']).describe('Kind of suggestion chip.'),
    text: text('Label of the suggestion chip.', { min: 1, max: 25 }),
    postback_data: text('Returned to your webhook when the chip is tapped.', { min: 1, max: 2048 }),
  })
  .describe('A suggested reply or action.');

const rcsText = object({
  ...rcsCommon,
  message_type: messageType('text'),
  text: text('The RCS message text.', { min: 1, max: MAX_RCS_TEXT }),
  suggestions: z.array(rcsSuggestion).max(11).describe('Suggested replies and actions (at most 11).').optional(),
}).describe('RCS text message.');
const rcsImage = object({ ...rcsCommon, message_type: messageType('image'), image: object({ url: mediaUrl('image') }).describe('The image.') }).describe('RCS image.');
const rcsVideo = object({ ...rcsCommon, message_type: messageType('video'), video: object({ url: mediaUrl('video') }).describe('The video.') }).describe('RCS video.');
const rcsFile = object({ ...rcsCommon, message_type: messageType('file'), file: object({ url: mediaUrl('file (PDF)') }).describe('The file.') }).describe('RCS file.');
const rcsCustom = object({
  ...rcsCommon,
  message_type: messageType('custom'),
  custom: z.record(z.string(), z.unknown()).describe('An RCS message object, passed through as given.'),
}).describe('RCS custom message.');

export const rcsMessage = z.discriminatedUnion('message_type', [rcsText, rcsImage, rcsVideo, rcsFile, rcsCustom]).describe('RCS message.');

const channels = [smsMessage, whatsappMessage, mmsMessage, viberMessage, messengerMessage, rcsMessage] as const;

/**
 * The generated JSON Schema picks the branch with `if`/`then` on `channel` and `message_type`
 * rather than a `oneOf` of every branch: VS Code's JSON service reported a `oneOf` failure from
 * whichever branch it liked best ("channel must be whatsapp" for an MMS caption over 2000, "must
 * be sms" for an unknown channel). Now an unknown channel or a message_type the channel lacks is
 * one error naming the valid values, and everything else is the chosen branch's own error.
 * zod keeps the nested discriminated unions, whose errors name the channel or message_type at fault.
 */
function selectorSchema(): Record<string, unknown> {
  const json = (schema: z.ZodType) => {
    const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: 'draft-7', unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
    return rest as { properties?: Record<string, { const?: string; description?: string }>; description?: string };
  };
  const allOf: unknown[] = [];
  const channelValues: string[] = [];
  const channelText: string[] = [];
  for (const union of channels) {
    const branches = union.options.map((o: z.ZodType) => json(o));
    const channel = branches[0].properties?.channel;
    const types = branches.map((b) => b.properties?.message_type?.const as string);
    channelValues.push(channel?.const as string);
    channelText.push(`"${channel?.const}": ${channel?.description ?? ''}`);
    const isChannel = { properties: { channel: { const: channel?.const, description: channel?.description } }, required: ['channel'] };
    const typeText = branches.map((b, i) => `"${types[i]}": ${b.properties?.message_type?.description ?? ''}`).join(' ');
    allOf.push({ if: isChannel, then: { properties: { message_type: { enum: types, description: typeText } } } });
    branches.forEach((b, i) => {
      // A pattern, not a const: VS Code offers an `if`'s consts as values, and this one must not offer other channels' types.
      const isType = { properties: { message_type: { pattern: `^${types[i]}$`, description: b.properties?.message_type?.description } }, required: ['message_type'] };
      allOf.push({ if: { allOf: [isChannel, isType] }, then: b });
    });
  }
  const common = json(z.object(commonFields)).properties ?? {};
  return {
    type: 'object',
    required: ['channel', 'message_type'],
    properties: {
      channel: { enum: channelValues, description: `The channel to send on. ${channelText.join(' ')}` },
      // No enum here: the channel's own list (above) is the one to complete and check against.
      message_type: { type: 'string', description: 'What to send; the types depend on the channel.' },
      ...Object.fromEntries(Object.entries(common).map(([k, v]) => [k, { description: v.description }])),
    },
    allOf,
  };
}

export const vonagePayload = z.discriminatedUnion('channel', [...channels]).meta(
  lazyJson({ oneOf: undefined }, ['type', 'required', 'properties', 'allOf'], selectorSchema, {
    description: 'Vonage Messages API v1 request body (POST /v1/messages). Pick a `channel`, then a `message_type`.',
  }),
);
