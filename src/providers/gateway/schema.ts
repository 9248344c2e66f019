/** Token WhatsApp gateway: send a text or interactive message (seed 003). The token is a credential and is never in the file. */
import { z } from 'zod';
import { object, phone, text } from '../common/fields';
import { MAX_INTERACTIVE_BODY } from './limits';

export const MAX_BUTTONS = 3;
export const MAX_BUTTON_TITLE = 20;
/** A plain text message may be 4096 characters; an interactive one's body only 1024 (checked by the interactive-body-length rule). */
export const MAX_TEXT = 4096;

export const gatewayButton = object({
  id: text('Button id, returned to your webhook when the customer taps the button.', { min: 1, max: 256 }),
  title: text('Button label shown on the phone.', { min: 1, max: MAX_BUTTON_TITLE }),
}).describe('A quick-reply button.');

export const gatewayPayload = object({
  // The API takes the token as a body parameter, so the schema accepts it (a token in the file is
  // the credential-in-payload warning, not also "unknown property"); VS Code never suggests it.
  token: z
    .string()
    .describe('Your API token: do not keep it in the file (it would be committed). Message Workbench adds it at send time from SecretStorage or GATEWAY_TOKEN.')
    .meta({ doNotSuggest: true })
    .optional(),
  phone: phone('Recipient phone number: "+", country code and number, no spaces or dashes (e.g. +919876543210).'),
  message: text(
    "The message text. Supports WhatsApp formatting: *bold*, _italic_, ~strikethrough~, ```monospace```. Free-form text can be sent only within 24 h of the customer's last message. Up to " +
      MAX_TEXT +
      ' characters, or ' +
      MAX_INTERACTIVE_BODY +
      ' with a header, footer or buttons.',
    { min: 1, max: MAX_TEXT },
  ),
  header: text('Header text above the body. Makes the message interactive.', { min: 1, max: 60 }).optional(),
  footer: text('Footer text below the body, in a smaller font. Makes the message interactive.', { min: 1, max: 60 }).optional(),
  buttons: z
    .array(gatewayButton)
    .min(1)
    .max(MAX_BUTTONS)
    .describe(`Quick-reply buttons (1-${MAX_BUTTONS}), each with an id and a title of at most ${MAX_BUTTON_TITLE} characters. Makes the message interactive.`)
    .optional(),
}).describe('Token gateway: send a WhatsApp text or interactive message. The API token is a credential: it is added at send time from SecretStorage (or GATEWAY_TOKEN), never written here.');
