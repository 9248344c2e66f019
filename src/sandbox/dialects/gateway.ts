/** The token WhatsApp gateway (seed 003): plain JSON, `success` plus an error code and message. */
import { gatewayMessageId } from '../ids';
import type { Reply } from '../reply';
import type { Dialect } from './types';

function fail(status: number, code: string, message: string, extra: Record<string, unknown> = {}): Reply {
  return { status, body: { success: false, error: { code, message, ...extra } } };
}

export const gatewayDialect: Dialect = {
  unauthorized: (reason) => fail(401, 'invalid_token', `Invalid API token. ${reason}`),
  badJson: (detail) => fail(400, 'invalid_json', `The request body is not valid JSON: ${detail}`),
  tooLarge: (limit) => fail(413, 'payload_too_large', `The request body is larger than ${limit} bytes.`),
  invalid: (problems) =>
    fail(400, 'invalid_parameter', `${problems[0].field}: ${problems[0].message}`, {
      field: problems[0].field,
      errors: problems.map((p) => ({ field: p.field, message: p.message })),
    }),
  windowClosed: (to) =>
    fail(
      422,
      'window_closed',
      `The 24-hour customer service window with ${to} is closed: free-form messages can be sent only within 24 hours of the customer's last message. Use the Send Template endpoint instead. In the sandbox, POST /_sandbox/inbound {"from": "${to}"} simulates the customer writing.`,
    ),
  accepted(to) {
    const id = gatewayMessageId();
    return { id, reply: { status: 200, body: { success: true, message_id: id, phone: to, status: 'queued' } } };
  },
  markedRead: () => ({ status: 200, body: { success: true } }),
  unknownMessage: (id) => fail(404, 'not_found', `No received message ${id.slice(0, 80)}.`),
  rateLimited: () => fail(429, 'rate_limited', 'Too many requests; retry after a pause.'),
};
