/** Vonage v1 answers 202 {"message_uuid"} or an RFC 7807 problem (application/problem+json). */
import { nonJsonProblem, statusAdvice, type ReadResult } from '../../core/http/outcome';
import { rec, scalarText } from '../../core/json-values';
import type { HttpReply } from '../../core/http/types';
import { explainError, explainParameter } from './errors';

export function readResponse(reply: HttpReply): ReadResult {
  const body = rec(reply.json);
  if (reply.status >= 200 && reply.status < 300) {
    const id = scalarText(body?.message_uuid);
    return { ok: true, messageId: id };
  }
  return { ok: false, problem: readProblem(reply) };
}

/** RFC 7807, shared with the legacy API (same error format). */
export function readProblem(reply: HttpReply): ReadResult['problem'] {
  const body = rec(reply.json);
  if (!body) return nonJsonProblem(reply);
  const title = scalarText(body.title) ?? scalarText(body.error_title) ?? `HTTP ${reply.status} ${reply.statusText}`.trim();
  const detail = scalarText(body.detail) ?? scalarText(body.error_text) ?? scalarText(body.message);
  const raw = Array.isArray(body.invalid_parameters) ? body.invalid_parameters : [];
  const invalidParameters = raw
    .map((p) => rec(p))
    .filter((p): p is Record<string, unknown> => !!p)
    .map((p) => {
      const name = scalarText(p.name) ?? '?';
      const reason = scalarText(p.reason) ?? 'invalid';
      return { name, reason: explainParameter(name, reason) };
    });
  const known = explainError(reply.status, `${title} ${detail ?? ''}`);
  return {
    title: `HTTP ${reply.status}: ${title}`,
    detail,
    code: scalarText(body.type),
    instance: scalarText(body.instance),
    invalidParameters: invalidParameters.length ? invalidParameters : undefined,
    advice: known?.advice ?? statusAdvice(reply.status),
  };
}
