/**
 * The Cloud API's address message: a button that opens a form for the delivery address.
 * India only (developers.facebook.com/documentation/business-messaging/whatsapp/messages/address-messages);
 * `country` is mandatory, else the API answers with a validation error.
 */
import { z } from 'zod';
import { object, text } from '../common/fields';
import { framed } from './interactive-frame';

export const addressMessage = framed(
  'address_message',
  'Asks for a delivery address with a form (India).',
  object({
    name: z.literal('address_message').describe('Always "address_message".'),
    parameters: object({
      country: text('ISO country code of the address form, e.g. IN.', { min: 2, max: 2 }),
      values: z.record(z.string(), z.unknown()).describe('Fields to prefill: name, phone_number, in_pin_code, house_number, address, city, state...').optional(),
      saved_addresses: z
        .array(z.looseObject({ id: text('Id of the saved address.', { min: 1 }) }))
        .describe('Addresses the customer may pick instead of typing one.')
        .optional(),
      validation_errors: z.record(z.string(), z.string()).describe('Per-field errors to show when asking again.').optional(),
    }).describe("The form's country and prefilled values."),
  }).describe('The address form.'),
  'An interactive address message.',
);
