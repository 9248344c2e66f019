/** The gateway's response format is not documented: read the common shapes defensively. */
import { nonJsonProblem, statusAdvice, type ReadResult } from '../../core/http/outcome';
import { rec, scalarText } from '../../core/json-values';
import type { HttpReply } from '../../core/http/types';
import { firstMessageId } from '../whatsapp/response';
import { explainError } from './errors';

function findId(body: Record<string, unknown> | undefined): string | undefined {
  if (!body) return undefined;
  const data = rec(body.data) ?? rec(body.result);
  return scalarText(body.messageId) ?? scalarText(body.message_id) ?? scalarText(body.message_uuid) ?? scalarText(body.id) ?? firstMessageId(body) ?? (data ? findId(data) : undefined);
}

function findError(body: Record<string, unknown>): string | undefined {
  const e = body.error;
  const nested = rec(e);
  const first = Array.isArray(body.errors) ? body.errors[0] : undefined;
  return scalarText(e) ?? scalarText(nested?.message) ?? scalarText(nested?.title) ?? scalarText(first) ?? scalarText(rec(first)?.message) ?? scalarText(body.detail) ?? scalarText(body.message);
}

export function readResponse(reply: HttpReply): ReadResult {
  const body = rec(reply.json);
  const failedFlag = body && (body.success === false || body.ok === false || body.status === 'error' || body.status === 'failed');
  if (reply.status >= 200 && reply.status < 300 && !failedFlag) {
    if (!body && reply.text.trim()) return { ok: false, problem: nonJsonProblem(reply) };
    return { ok: true, messageId: findId(body) };
  }
  if (!body) return { ok: false, problem: nonJsonProblem(reply) };
  const text = findError(body);
  const known = explainError(text);
  return {
    ok: false,
    problem: {
      title: `HTTP ${reply.status}: ${text ?? known?.meaning ?? (reply.statusText || 'error')}`,
      detail: known && text ? known.meaning : undefined,
      code: scalarText(body.code),
      advice: known?.advice ?? statusAdvice(reply.status),
    },
  };
}
