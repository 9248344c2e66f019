/** How `mwb listen` shows a request: one line per event for people, one JSON object per request for scripts. */
import type { StoredRequest } from './store';

/** Text from a webhook body, safe for a terminal: control characters (ANSI escapes included) shown escaped. */
export function safe(text: string, max = 80): string {
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => (c === '\n' ? '\\n' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  return clean.length > max ? clean.slice(0, max - 1) + '\u2026' : clean;
}

function verdict(r: StoredRequest): string {
  if (r.verified === true) return 'verified';
  if (r.verified === null) return 'unverified';
  return `REFUSED ${r.status}`;
}

/** Lines for a person: one per event, or one for the request when it carried none. */
export function humanLines(r: StoredRequest): string[] {
  const time = r.receivedAt.slice(11, 19);
  const who = (r.provider ?? '?').padEnd(15);
  const head = `${time}  ${r.id}  ${who} ${verdict(r).padEnd(12)}`;
  const lines: string[] = [];
  for (const e of r.events) {
    const parts = [e.kind === 'status' ? `status ${e.status ?? '?'}` : e.kind === 'message' ? `message ${e.type ?? ''}`.trim() : e.kind];
    if (e.messageId) parts.push(safe(e.messageId, 48));
    if (e.kind === 'message' && e.from) parts.push(`from ${safe(e.from, 20)}`);
    if (e.kind === 'status' && e.to) parts.push(`to ${safe(e.to, 20)}`);
    if (e.reply) parts.push(`tapped "${safe(e.reply.title, 30)}" (${safe(e.reply.id, 30)})`);
    else if (e.text) parts.push(`"${safe(e.text, 60)}"`);
    if (e.context) parts.push(`re ${safe(e.context, 48)}`);
    if (e.errorCode !== undefined) parts.push(`error ${safe(String(e.errorCode), 12)}${e.errorTitle ? ` ${safe(e.errorTitle, 60)}` : ''}`);
    if (e.pricing?.type || e.pricing?.category) parts.push(`[${[e.pricing.model, e.pricing.category, e.pricing.type].filter(Boolean).join(' ')}]`);
    lines.push(`${head} ${parts.join('  ')}`);
  }
  if (lines.length === 0) lines.push(`${head} ${r.method} ${safe(r.path, 60)}${r.events.length === 0 && r.status < 400 ? ' (no events)' : ''}`);
  if (r.reason && r.verified !== true) lines.push(`          ${safe(r.reason, 300)}`);
  if (r.forwarded) lines.push(`          -> ${safe(r.forwarded.url, 80)}: ${r.forwarded.status ?? `failed (${safe(r.forwarded.error ?? '', 120)})`} (${r.forwarded.durationMs} ms)`);
  return lines;
}

/** One object per request, for `--json` (a line each). */
export function jsonLine(r: StoredRequest): string {
  return JSON.stringify({
    id: r.id,
    receivedAt: r.receivedAt,
    method: r.method,
    path: r.path,
    provider: r.provider,
    verified: r.verified,
    ...(r.reason !== undefined ? { reason: r.reason } : {}),
    status: r.status,
    events: r.events.map(({ pointer: _pointer, ...e }) => e),
    ...(r.forwarded ? { forwarded: r.forwarded } : {}),
  });
}
