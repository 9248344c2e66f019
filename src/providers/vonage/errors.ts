/**
 * Vonage errors are RFC 7807 problems; their `title`/`detail` already say what happened. The
 * catalog adds what to do, keyed by HTTP status and by what the detail talks about.
 */
import type { CatalogEntry } from '../../core/http/outcome';

const BY_STATUS: Record<number, CatalogEntry> = {
  400: { meaning: 'The request body was not understood.', advice: 'Check the payload against the schema: run `mwb validate` on it.' },
  401: {
    meaning: 'The credentials were not accepted.',
    advice: 'Check the application id and that the private key belongs to that application (or the API key and secret for Basic auth). A JWT must not be expired: a fresh one is made per send.',
  },
  402: { meaning: 'The account balance is too low.', advice: 'Top up the Vonage account, then send again.' },
  403: { meaning: 'Not allowed.', advice: 'Check that the sender (from) belongs to this account and the application is linked to it; for the Messages sandbox, the recipient must be allow-listed.' },
  404: { meaning: 'Not found.', advice: 'Check the endpoint (https://api.nexmo.com or a regional host) and, for mark-as-read, the message UUID and region.' },
  409: { meaning: 'Conflict.', advice: 'The message is in a state that does not allow this change.' },
  415: { meaning: 'Unsupported media type.', advice: 'The body must be JSON with content-type application/json.' },
  422: { meaning: 'The request is well-formed JSON but some values are invalid.', advice: 'Fix the parameters named above in the payload file and send again.' },
  429: { meaning: 'Throttled: the account sent too fast.', advice: 'Slow down (the Messages sandbox allows 1 message per second) and send again.' },
  500: { meaning: 'Vonage had an internal error.', advice: 'Send again later; quote the instance id to Vonage support if it persists.' },
  503: { meaning: 'Vonage is temporarily unavailable.', advice: 'Send again later.' },
};

const BY_DETAIL: { test: RegExp; entry: CatalogEntry }[] = [
  {
    test: /outside (of )?(the )?(allowed|24.?h(our)?) window|customer care window|re-?engagement/i,
    entry: {
      meaning: 'The WhatsApp 24-hour customer care window is closed for this recipient.',
      advice: 'Send an approved template message (message_type "template" or a custom template) instead of free-form content.',
    },
  },
  { test: /throttl|rate limit/i, entry: { meaning: 'Sending too fast.', advice: 'Slow down and send again.' } },
  {
    test: /not (white|allow)-?listed|allow-?list/i,
    entry: { meaning: 'The recipient is not allow-listed.', advice: 'Add the number to the Messages sandbox allow list, or send through the production endpoint.' },
  },
  { test: /balance|insufficient/i, entry: { meaning: 'The account balance is too low.', advice: 'Top up the Vonage account.' } },
];

/**
 * The codes of a `rejected` or `undeliverable` status webhook (`error.title`, or the `type` link's
 * fragment), from https://developer.vonage.com/en/api-errors/messages.
 */
const STATUS_CODES: Record<number, CatalogEntry> = {
  1000: { meaning: 'Throttled: more messages than the account may submit.', advice: 'Send more slowly and try again.' },
  1010: { meaning: 'Mandatory parameters are missing.', advice: 'Add the missing fields: run `mwb validate` on the payload.' },
  1020: { meaning: 'One or more parameter values are invalid.', advice: 'Fix the values: run `mwb validate` on the payload.' },
  1022: { meaning: 'The template or its parameters are invalid.', advice: 'Check the template name, language and parameter count against the approved template.' },
  1030: { meaning: 'Vonage had an internal error processing the message.', advice: 'Send again later; quote the instance id to Vonage support if it persists.' },
  1040: { meaning: 'The platform could not process the message (e.g. an unrecognised number prefix).', advice: 'Check the recipient number: digits with the country code, no "+" or "00".' },
  1050: { meaning: 'The recipient number is barred and may not receive messages.', advice: 'Reach the customer another way.' },
  1070: { meaning: 'The pre-paid account has too little credit for this message.', advice: 'Top up the Vonage account, then send again.' },
  1120: { meaning: 'The sender id was not accepted under local regulations.', advice: 'Use a sender allowed in the destination country (often a number, not a name).' },
  1160: { meaning: "The recipient is not on the account's pre-approved destination list.", advice: 'Add the number in the Vonage Dashboard, or send from a production account.' },
  1340: {
    meaning: 'The WhatsApp 24-hour customer care window is closed for this recipient.',
    advice: 'Send an approved template message (message_type "template" or a custom template) instead of free-form content.',
  },
};

/** Vonage's problem type for the closed WhatsApp window ends in `#1340` ("Outside of the allowed window"). */
export const WINDOW_CLOSED_CODES = ['1340'] as const;

export function explainError(status: number, detail?: string): CatalogEntry | undefined {
  // Four digits: a status webhook's code, not an HTTP status.
  if (status >= 1000) return STATUS_CODES[status] ?? (detail ? BY_DETAIL.find((d) => d.test.test(detail))?.entry : undefined);
  if (detail) for (const d of BY_DETAIL) if (d.test.test(detail)) return d.entry;
  return BY_STATUS[status] ?? (status >= 500 ? BY_STATUS[500] : undefined);
}

/** Advice for one invalid parameter, by its name and the reason Vonage gave. */
export function explainParameter(name: string, reason: string): string {
  const n = name.toLowerCase();
  if (/^(to|from)$|number/.test(n)) return `${reason}. Phone numbers are E.164 digits without "+" or "00" (e.g. 447700900000).`;
  if (/client_ref/.test(n)) return `${reason}. client_ref is at most 100 characters.`;
  if (/url/.test(n)) return `${reason}. Use a public https URL.`;
  return reason;
}
