/** How fast to send through a token gateway when the user does not say. */
import type { ProviderPace } from '../types';

/** Seed 003 documents no throughput: a cautious 10 messages/s; `--rate` overrides it. */
export const PACE: ProviderPace = {
  perSecond: 10,
  source: 'no documented default: a cautious 10 messages/s',
};
