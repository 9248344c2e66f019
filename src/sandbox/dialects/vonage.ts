/** Vonage Messages API (v1, v0.1 and beta): RFC 7807 problems, 202 with a message_uuid. */
import { randomUUID } from 'node:crypto';
import { vonageMessageId } from '../ids';
import type { FieldProblem, Reply } from '../reply';
import type { Dialect } from './types';

const PROBLEM = 'application/problem+json';
const DOCS = 'https://developer.vonage.com/api-errors';

function problem(status: number, type: string, title: string, detail: string, extra: Record<string, unknown> = {}): Reply {
  return { status, contentType: PROBLEM, body: { type: `${DOCS}${type}`, title, detail, instance: randomUUID(), ...extra } };
}

export const vonageDialect: Dialect = {
  unauthorized: (reason) => problem(401, '#unauthorized', 'Unauthorized', `You did not provide correct credentials. ${reason}`),
  badJson: (detail) => problem(400, '/messages#1000', 'Invalid JSON', `The request body did not contain valid JSON: ${detail} Send a JSON body with Content-Type: application/json.`),
  tooLarge: (limit) => problem(413, '#payload-too-large', 'Payload Too Large', `The request body is larger than ${limit} bytes.`),
  invalid(problems: FieldProblem[]) {
    const first = problems[0];
    const detail =
      problems.length === 1 ? `The value of ${first.field} is invalid: ${first.message}` : `The values of ${problems.length} parameters are invalid; the first is ${first.field}: ${first.message}`;
    return problem(422, '/messages#1150', 'Invalid params', detail, {
      invalid_parameters: problems.map((p) => ({ name: p.field, reason: p.message })),
    });
  },
  windowClosed: (to) =>
    problem(
      422,
      '/messages#1340',
      'Outside of the allowed window',
      `Error 1340: ${to} has not messaged you in the last 24 hours, so WhatsApp accepts only a template message (message_type "template", or "custom" with a template) until the customer writes again. In the sandbox, POST /_sandbox/inbound {"from": "${to}"} simulates that.`,
    ),
  accepted(_to) {
    const id = vonageMessageId();
    return { id, reply: { status: 202, body: { message_uuid: id } } };
  },
  markedRead: () => ({ status: 200 }),
  unknownMessage: (id) => problem(404, '#not-found', 'Not Found', `Message ${id.slice(0, 80)} was not found among the messages you received: only an inbound message can be marked as read.`),
  rateLimited: () => problem(429, '#throttled', 'Too Many Requests', 'Please wait, then retry your request: you are sending faster than your account allows.'),
};
