/** How fast the Cloud API takes messages, and how it says "too fast". */
import type { ProviderPace } from '../types';

/**
 * 80 messages per second per business phone number by default (up to 1,000 after Meta's upgrade);
 * over it the API answers error 130429 until the sender is back within its level. Sending too
 * often to one user gives the pair rate limit error 131056, about one message every 6 seconds
 * per pair (https://developers.facebook.com/documentation/business-messaging/whatsapp/throughput;
 * the 6 s figure: https://dev.to/wapgrowai_org/whatsapp-cloud-api-rate-limits-in-practice-throughput-pair-rate-messaging-limits-and-error-codes-1i7k).
 * 360dialog Cloud relays the same limits (https://docs.360dialog.com/partner/get-started/billing-and-invocing).
 */
export const PACE: ProviderPace = {
  perSecond: 80,
  source: 'Meta: 80 messages/s per business phone number by default',
  throttledCodes: ['130429'],
  pairCodes: ['131056'],
  pairWaitMs: 6_000,
};
