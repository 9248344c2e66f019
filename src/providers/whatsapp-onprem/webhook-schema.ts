/**
 * What the WhatsApp On-Premises API (as 360dialog served it) posts to your webhook: the Cloud API's
 * message and status objects, flat at the top level, with no envelope. Retired by Meta on
 * 23 October 2025; kept for teams with old handlers.
 */
import { z } from 'zod';
import { contactObject, errorObject, messageObject, statusObject } from '../whatsapp/webhook-schema';

export const onpremWebhook = z
  .object({
    contacts: z.array(contactObject).describe('Who wrote (with `messages`).').optional(),
    messages: z.array(messageObject).describe('Messages from customers.').optional(),
    statuses: z.array(statusObject).describe('Status updates for messages you sent; a failed one carries `errors` (470: the 24 h window is closed).').optional(),
    errors: z.array(errorObject).describe('Errors not tied to one message.').optional(),
  })
  .refine((v) => v.messages !== undefined || v.statuses !== undefined || v.errors !== undefined, { message: 'An On-Premises webhook has `messages`, `statuses` or `errors`.' })
  .describe('A webhook the WhatsApp On-Premises API posts to your server (retired 23 October 2025).');
