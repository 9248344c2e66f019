/** On-Premises answers {messages:[{id}], meta} or {errors:[{code, title, details}], meta}. */
import { nonJsonProblem, statusAdvice, type ReadResult } from '../../core/http/outcome';
import { rec, scalarText } from '../../core/json-values';
import type { HttpReply } from '../../core/http/types';
import { firstMessageId } from '../whatsapp/response';
import { explainError } from './errors';

export function readResponse(reply: HttpReply): ReadResult {
  const body = rec(reply.json);
  const errors = Array.isArray(body?.errors) ? body.errors.map(rec).filter((e): e is Record<string, unknown> => !!e) : [];
  if (reply.status >= 200 && reply.status < 300 && errors.length === 0) {
    // Mark-as-read answers `null` or `{}`; both mean success.
    if (!body && reply.text.trim() && reply.text.trim() !== 'null') return { ok: false, problem: nonJsonProblem(reply) };
    return { ok: true, messageId: firstMessageId(body) };
  }
  if (!body) return { ok: false, problem: nonJsonProblem(reply) };
  const first = errors[0] ?? rec(body.error) ?? {};
  const code = scalarText(first.code) ?? String(reply.status);
  const known = explainError(code);
  const providerText = [scalarText(first.title), scalarText(first.details)].filter(Boolean).join(': ') || (scalarText(rec(body.meta)?.developer_message) ?? '');
  return {
    ok: false,
    problem: {
      title: `HTTP ${reply.status}: ${(known?.meaning ?? (providerText || reply.statusText || 'error')).replace(/\.$/, '')} (code ${code})`,
      detail: [providerText, ...errors.slice(1).map((e) => `${scalarText(e.code) ?? ''} ${scalarText(e.title) ?? ''} ${scalarText(e.details) ?? ''}`.trim())].filter(Boolean).join('; ') || undefined,
      code,
      advice: known?.advice ?? statusAdvice(reply.status),
    },
  };
}
