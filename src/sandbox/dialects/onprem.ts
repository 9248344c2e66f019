/** WhatsApp On-Premises API as served by 360dialog (seed 004): `errors` + `meta`, 201 on send. */
import { onpremMessageId } from '../ids';
import { normalizeNumber } from '../customer-window';
import type { FieldProblem, Reply } from '../reply';
import type { Dialect } from './types';
import { d360Unauthorized } from './meta';

export const ONPREM_META = { api_status: 'stable', version: '2.53.1' } as const;

function errors(status: number, list: { code: number; title: string; details: string }[]): Reply {
  return { status, body: { errors: list, meta: ONPREM_META } };
}

function codeFor(p: FieldProblem): { code: number; title: string } {
  if (/is required\.?$/.test(p.message)) return { code: 1008, title: 'Required parameter is missing' };
  return { code: 1009, title: 'Parameter value is not valid' };
}

export const onpremDialect: Dialect = {
  unauthorized: d360Unauthorized,
  badJson: (detail) => errors(400, [{ code: 400, title: 'Bad Request', details: `The JSON payload is not well-formed: ${detail}` }]),
  tooLarge: (limit) => errors(413, [{ code: 413, title: 'Request Entity Too Large', details: `The request body is larger than ${limit} bytes.` }]),
  invalid: (problems) =>
    errors(
      400,
      problems.map((p) => ({ ...codeFor(p), details: `${p.field}: ${p.message}` })),
    ),
  windowClosed: (to) =>
    errors(400, [
      {
        code: 470,
        title: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number',
        details: `No open session with ${normalizeNumber(to)}: free-form and media messages need a customer message in the last 24 h. Send a template (type "template" or "hsm"). In the sandbox, POST /_sandbox/inbound {"from": "${to}"} simulates the customer writing.`,
      },
    ]),
  accepted() {
    const id = onpremMessageId();
    return { id, reply: { status: 201, body: { messages: [{ id }], meta: ONPREM_META } } };
  },
  markedRead: () => ({ status: 200, body: {} }),
  unknownMessage: (id) =>
    errors(404, [{ code: 1006, title: 'Resource not found', details: `Message ${id.slice(0, 80)} was not received by this number: mark as read takes the id of a customer's message.` }]),
  rateLimited: (_kind, retryAfterMs) => errors(429, [{ code: 429, title: 'Rate limit hit', details: `Too many messages in a short time; retry in ${Math.max(1, Math.ceil(retryAfterMs / 1000))} s.` }]),
};
