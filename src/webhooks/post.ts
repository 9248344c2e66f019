/**
 * Posting webhook bytes to a handler, as `mwb trigger`, `listen --forward-to`, `listen replay` and
 * the sandbox do: exact bytes, given headers, one keep-alive agent per process, a deadline, and the
 * handler's answer (status, content type, the start of its body).
 */
import { Agent, request } from 'undici';

export interface HandlerAnswer {
  ok: boolean;
  status?: number;
  contentType?: string;
  /** The body as text, at most MAX_ANSWER_CHARS. */
  body?: string;
  /** Why no answer came (connection refused, timeout...). */
  error?: string;
  durationMs: number;
}

export const MAX_ANSWER_CHARS = 4096;
const TIMEOUT_MS = 10_000;

let agent: Agent | undefined;
function shared(): Agent {
  agent ??= new Agent({ keepAliveTimeout: 4_000, connections: 64 });
  return agent;
}

/** Headers that describe one hop, not the request: never passed on. */
const HOP = new Set(['host', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'upgrade', 'proxy-connection', 'te', 'trailer', 'expect']);

export function passHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([k]) => !HOP.has(k.toLowerCase())));
}

export async function postBytes(url: string, body: Buffer, headers: Record<string, string>, method = 'POST', timeoutMs = TIMEOUT_MS): Promise<HandlerAnswer> {
  const started = performance.now();
  try {
    const res = await request(url, { method: method as 'POST', body, headers: passHeaders(headers), dispatcher: shared(), headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body) {
      if (size < MAX_ANSWER_CHARS) chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
    const text = Buffer.concat(chunks).toString('utf8').slice(0, MAX_ANSWER_CHARS);
    const contentType = res.headers['content-type'];
    return {
      ok: res.statusCode >= 200 && res.statusCode < 300,
      status: res.statusCode,
      contentType: Array.isArray(contentType) ? contentType[0] : contentType,
      body: text,
      durationMs: Math.round(performance.now() - started),
    };
  } catch (e) {
    const err = e as { code?: string; message?: string; cause?: { code?: string } };
    const code = err.code ?? err.cause?.code;
    const words =
      code === 'ECONNREFUSED'
        ? 'connection refused (is the handler running?)'
        : code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT'
          ? `no answer within ${timeoutMs / 1000} s`
          : `${code ?? 'error'}: ${(err.message ?? '').slice(0, 160)}`;
    return { ok: false, error: words, durationMs: Math.round(performance.now() - started) };
  }
}

/** Closes the shared agent (tests, and the CLI before it exits). */
export async function closeAgent(): Promise<void> {
  const a = agent;
  agent = undefined;
  if (a) await a.close();
}
