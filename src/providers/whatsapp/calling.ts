/** Cloud API interactive messages of the Calling API: a "Call on WhatsApp" button, and asking permission to call. */
import { z } from 'zod';
import { object, text } from '../common/fields';
import { LIMITS } from './parts';
import { framed } from './interactive-frame';

// developers.facebook.com/documentation/business-messaging/whatsapp/calling/call-button-messages-deep-links:
// every parameter is optional (label "Call Now", 7 days by default).
export const voiceCallMessage = framed(
  'voice_call',
  'A "Call on WhatsApp" button that calls your business.',
  object({
    name: z.literal('voice_call').describe('Always "voice_call".'),
    parameters: object({
      display_text: text('Button label (default "Call Now").', { min: 1, max: LIMITS.buttonTitle }).optional(),
      ttl_minutes: z.number().int().min(1).max(43200).describe('Minutes the button stays active, 1 to 43200 (default 10080, 7 days).').optional(),
      payload: text('Your tracking data, returned in call webhooks.', { max: 512 }).optional(),
    })
      .describe("The button's label, lifetime and payload; all optional.")
      .optional(),
  }).describe('The call button.'),
  'An interactive call button message (Calling API).',
);

// Meta's spec (v23.0): InteractiveObject type and ActionObject name "call_permission_request".
export const callPermissionRequestMessage = framed(
  'call_permission_request',
  'Asks the customer for permission to call them.',
  object({ name: z.literal('call_permission_request').describe('Always "call_permission_request".') }).describe('The permission request.'),
  'An interactive call permission request (Calling API).',
);
