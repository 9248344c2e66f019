/**
 * Cloud API answers {messaging_product, contacts, messages:[{id}]} or {error:{message, type, code,
 * error_subcode, error_data:{details}, fbtrace_id}}. 360dialog Cloud passes Meta's shape through.
 */
import { nonJsonProblem, statusAdvice, type ReadResult } from '../../core/http/outcome';
import { rec, scalarText } from '../../core/json-values';
import type { HttpReply } from '../../core/http/types';
import { explainError } from './errors';

export function firstMessageId(body: Record<string, unknown> | undefined): string | undefined {
  const messages = body?.messages;
  return Array.isArray(messages) ? scalarText(rec(messages[0])?.id) : undefined;
}

export function readResponse(reply: HttpReply): ReadResult {
  const body = rec(reply.json);
  if (reply.status >= 200 && reply.status < 300) {
    if (!body && reply.text.trim()) return { ok: false, problem: nonJsonProblem(reply) };
    return { ok: true, messageId: firstMessageId(body) };
  }
  if (!body) return { ok: false, problem: nonJsonProblem(reply) };
  const error = rec(body.error) ?? rec(Array.isArray(body.errors) ? body.errors[0] : undefined);
  const code = scalarText(error?.code);
  const known = explainError(code);
  // 360dialog answers its own auth errors as {meta:{success:false, http_code, developer_message}}.
  const message = scalarText(error?.message) ?? scalarText(error?.title) ?? scalarText(rec(body.meta)?.developer_message) ?? scalarText(body.message);
  const details = scalarText(rec(error?.error_data)?.details) ?? scalarText(error?.details);
  return {
    ok: false,
    problem: {
      title: `HTTP ${reply.status}: ${(known?.meaning ?? message ?? (reply.statusText || 'error')).replace(/\.$/, '')}${code ? ` (code ${code})` : ''}`,
      // When the catalog has no meaning the title already carries the provider's message.
      detail: [known ? message : undefined, details].filter((x, i, a) => x && a.indexOf(x) === i).join(' — ') || undefined,
      code,
      advice: known?.advice ?? statusAdvice(reply.status),
      instance: scalarText(error?.fbtrace_id),
    },
  };
}
