/** How fast to send to a 360dialog On-Premises number when the user does not say. */
import type { ProviderPace } from '../types';

/**
 * No published default: the On-Premises client's throughput depended on its own deployment
 * (https://docs.360dialog.com/partner/onboarding/integration-best-practices/sizing-your-environment-based-on-expected-throughput),
 * and the API is retired. A cautious 20 messages/s; `--rate` overrides it.
 */
export const PACE: ProviderPace = {
  perSecond: 20,
  source: 'no published default (retired API): a cautious 20 messages/s',
};
