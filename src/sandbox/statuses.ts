/**
 * Which statuses the real API posts after accepting a message, in neutral words (each provider's
 * builder maps them): an open window gives sent, delivered, read (SMS and MMS stop at delivered:
 * no read receipts); a free-form WhatsApp message to a closed 24 h window is accepted and then
 * fails with the provider's code: 131047 (Cloud API), 470 (On-Premises), 1340 (Vonage, as a
 * `rejected` status). Cloud statuses carry per-message pricing.
 */
import type { StatusSpec } from '../providers/webhook-types';

export interface PlannedStatus {
  status: StatusSpec['status'];
  error?: StatusSpec['error'];
  pricing?: StatusSpec['pricing'];
}

export const WINDOW_CLOSED_ERROR: Record<'whatsapp' | 'whatsapp-onprem' | 'vonage' | 'vonage-legacy', StatusSpec['error'] & object> = {
  whatsapp: { code: 131047, title: 'Re-engagement message', detail: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.' },
  'whatsapp-onprem': {
    code: 470,
    title: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number',
    detail: 'Send a template (type "template" or "hsm"): free-form messages need a customer message in the last 24 h.',
  },
  vonage: { code: 1340, title: 'Outside of the allowed window', detail: 'Outside of the allowed window' },
  'vonage-legacy': { code: 1340, title: 'Outside of the allowed window', detail: 'Outside of the allowed window' },
};

export interface Sent {
  provider: keyof typeof WINDOW_CLOSED_ERROR;
  /** A WhatsApp message that is not a template. */
  freeForm: boolean;
  windowOpen: boolean;
  channel?: string;
}

/**
 * Per-message pricing (since 1 July 2025): free-form and utility messages inside the customer
 * service window are free; a template outside it is charged. The sandbox does not know a template's
 * category and reports "utility".
 */
function pricing(s: Sent): StatusSpec['pricing'] {
  if (s.freeForm) return { billable: false, category: 'service', type: 'free_customer_service' };
  return s.windowOpen ? { billable: false, category: 'utility', type: 'free_customer_service' } : { billable: true, category: 'utility', type: 'regular' };
}

export function plannedStatuses(s: Sent): PlannedStatus[] {
  const whatsapp = s.provider === 'whatsapp' || s.provider === 'whatsapp-onprem' || s.channel === 'whatsapp';
  if (whatsapp && s.freeForm && !s.windowOpen) return [{ status: 'failed', error: WINDOW_CLOSED_ERROR[s.provider] }];
  const price = s.provider === 'whatsapp' || s.provider === 'whatsapp-onprem' ? pricing(s) : undefined;
  const steps: PlannedStatus['status'][] = s.channel === 'sms' || s.channel === 'mms' ? ['sent', 'delivered'] : ['sent', 'delivered', 'read'];
  return steps.map((status) => (price ? { status, pricing: price } : { status }));
}
