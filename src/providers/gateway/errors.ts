/** The gateway documents no codes; phrases it is known to use map to advice. */
import type { CatalogEntry } from '../../core/http/outcome';

const PHRASES: { test: RegExp; entry: CatalogEntry }[] = [
  {
    test: /24.?h|window|template/i,
    entry: { meaning: 'The 24-hour customer service window is closed.', advice: "Use the gateway's Send Template endpoint: free-form text only goes within 24 h of the customer's last message." },
  },
  {
    test: /token|unauthori[sz]ed|auth/i,
    entry: { meaning: 'The token was not accepted.', advice: "Check GATEWAY_TOKEN (or the profile's credentials): it is in the gateway dashboard under Settings → API." },
  },
  { test: /phone|number|recipient/i, entry: { meaning: 'The phone number was not accepted.', advice: 'Write it as + and country code, no spaces or dashes (e.g. +919876543210).' } },
  { test: /button/i, entry: { meaning: 'The buttons were not accepted.', advice: 'At most 3 buttons, each with an id and a title of at most 20 characters.' } },
];

/** The sandbox's gateway (and gateways that say so) answers `window_closed`. */
export const WINDOW_CLOSED_CODES = ['window_closed'] as const;

export function explainError(text: string | undefined): CatalogEntry | undefined {
  return text ? PHRASES.find((p) => p.test.test(text))?.entry : undefined;
}
