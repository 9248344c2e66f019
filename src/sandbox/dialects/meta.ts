/** WhatsApp Cloud API (Meta's Graph API, and 360dialog Cloud which relays it). */
import { fbtraceId, wamid } from '../ids';
import { normalizeNumber } from '../customer-window';
import type { FieldProblem, Reply } from '../reply';
import type { Dialect } from './types';

export function graphError(status: number, code: number, message: string, details?: string, type = 'OAuthException'): Reply {
  return {
    status,
    body: {
      error: {
        message: `(#${code}) ${message}`,
        type,
        code,
        ...(details !== undefined ? { error_data: { messaging_product: 'whatsapp', details } } : {}),
        fbtrace_id: fbtraceId(),
      },
    },
  };
}

/** Meta answers a missing field with 131008 and a wrong value with 131009; unknown keys are #100. */
function codeFor(p: FieldProblem): { code: number; title: string } {
  if (/is required\.?$/.test(p.message)) return { code: 131008, title: 'Required parameter is missing' };
  if (/^Unknown propert/.test(p.message)) return { code: 100, title: 'Invalid parameter' };
  return { code: 131009, title: 'Parameter value is not valid' };
}

export const metaDialect: Dialect = {
  unauthorized: (reason) => ({
    status: 401,
    body: { error: { message: `Invalid OAuth access token - Cannot parse access token. ${reason}`, type: 'OAuthException', code: 190, fbtrace_id: fbtraceId() } },
  }),
  badJson: (detail) => graphError(400, 100, 'Invalid parameter', `The request body is not valid JSON: ${detail}`),
  tooLarge: (limit) => graphError(413, 100, 'Invalid parameter', `The request body is larger than ${limit} bytes.`),
  invalid(problems) {
    const first = problems[0];
    const { code, title } = codeFor(first);
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length === 2 ? '' : 's'})` : '';
    return graphError(400, code, title, `${first.field}: ${first.message}${more}`);
  },
  windowClosed: (to) =>
    graphError(
      400,
      131047,
      'Re-engagement message',
      `Message failed to send because more than 24 hours have passed since the customer (${to}) last replied to this number. Send a template message instead. In the sandbox, POST /_sandbox/inbound {"from": "${to}"} simulates the customer writing.`,
    ),
  accepted(to) {
    const waId = normalizeNumber(to);
    const id = wamid(waId);
    return { id, reply: { status: 200, body: { messaging_product: 'whatsapp', contacts: [{ input: to, wa_id: waId }], messages: [{ id }] } } };
  },
  markedRead: () => ({ status: 200, body: { success: true } }),
  // Meta refuses a message_id this number never received with an invalid-parameter error.
  unknownMessage: (id) =>
    graphError(
      400,
      100,
      'Invalid parameter',
      `message_id ${id.slice(0, 80)} is not a message this business number received: mark as read takes the id of a customer's message (from the inbound webhook, or the sandbox's POST /_sandbox/inbound answer).`,
    ),
  // 130429 and 131056 come back as HTTP 429, which clients retry after a pause (https://docs.ycloud.com/reference-link/whatsapp-errors shows 131056 relayed as 429).
  rateLimited: (kind, retryAfterMs) =>
    kind === 'pair'
      ? graphError(
          429,
          131056,
          '(Business Account, Consumer Account) pair rate limit hit',
          `Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time. Wait ${Math.ceil(retryAfterMs / 1000)} s before sending to this number again; other numbers are not affected.`,
        )
      : graphError(429, 130429, 'Rate limit hit', 'Cloud API message throughput has been reached. Slow down and retry after a pause.'),
};

/** 360dialog answers a bad key itself, before anything reaches Meta. */
export const d360Unauthorized = (reason: string): Reply => ({
  status: 401,
  body: { meta: { success: false, http_code: 401, developer_message: `Invalid api_key. ${reason}` } },
});

export const d360CloudDialect: Dialect = { ...metaDialect, unauthorized: d360Unauthorized };
