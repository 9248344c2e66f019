/** How fast the Vonage Messages API takes requests by default. */
import type { ProviderPace } from '../types';

/**
 * "All API keys are set with 30 API requests per second throughput restriction by default"
 * (https://api.support.vonage.com/hc/en-us/articles/203993598-What-is-the-Throughput-Limit-for-Outbound-SMS);
 * over it the API answers 429.
 */
export const PACE: ProviderPace = {
  perSecond: 30,
  source: 'Vonage: 30 API requests/s per API key by default',
};
