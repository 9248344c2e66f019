/**
 * The one HTTP client: timeouts, cancellation, careful retries, same-origin redirects only, and a
 * cap on what is read. Clock, sleep and randomness are injectable so tests run in milliseconds.
 */
import { Agent, request, type Dispatcher } from 'undici';
import { backoffMs, isRetryableStatus, parseRetryAfter, RETRYABLE_CONNECT_CODES } from './retry';
import type { FailureKind, HttpOutcome, HttpReply, HttpRequest } from './types';
import { describeMs } from './words';

export interface HttpOptions {
  connectTimeoutMs?: number;
  /** Time allowed for the response headers, and for each pause while reading the body. */
  responseTimeoutMs?: number;
  /** Total tries, the first included. */
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** The longest Retry-After honoured; a server asking for more gets this much and a note. */
  maxRetryAfterMs?: number;
  maxBodyBytes?: number;
  maxRedirects?: number;
  signal?: AbortSignal;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
  random?: () => number;
  /** Reuse connections across calls (benchmarks, the sandbox); otherwise one agent per call. */
  dispatcher?: Dispatcher;
}

export const DEFAULTS = {
  connectTimeoutMs: 10_000,
  responseTimeoutMs: 30_000,
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000,
  maxBodyBytes: 1024 * 1024,
  maxRedirects: 3,
};

export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

class Failure extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

function where(url: URL): string {
  // Never the query: some APIs take credentials there.
  return `${url.protocol}//${url.host}${url.pathname}`;
}

function classify(error: unknown, url: URL, options: Required<Pick<HttpOptions, 'connectTimeoutMs' | 'responseTimeoutMs'>>, signal?: AbortSignal): Failure {
  const e = error as { code?: string; name?: string; errors?: { code?: string }[] };
  const code = e?.code ?? e?.errors?.find((x) => x?.code)?.code;
  const host = url.host;
  if (signal?.aborted || e?.name === 'AbortError' || code === 'UND_ERR_ABORTED') return new Failure('cancelled', 'The send was cancelled.', false);
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return new Failure('connect-timeout', `Could not connect to ${host} within ${describeMs(options.connectTimeoutMs)}. Check the endpoint and your network (VPN, proxy, firewall).`, true);
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    // Not retried: the server may have accepted the message, and a retry could send it twice.
    return new Failure('response-timeout', `${host} accepted the connection but did not answer within ${describeMs(options.responseTimeoutMs)}. The message may or may not have been sent: check before sending again.`, false);
  }
  if (code === 'ENOTFOUND') return new Failure('dns', `The host ${url.hostname} was not found (DNS). Check the spelling of the endpoint.`, false);
  if (code === 'ECONNREFUSED') return new Failure('connect', `${host} refused the connection: nothing is listening there. Check the endpoint's host and port (is the sandbox running?).`, true);
  if (code && RETRYABLE_CONNECT_CODES.has(code)) return new Failure('connect', `The connection to ${host} failed (${code}). Check your network and the endpoint.`, true);
  if (code && /CERT|SSL|TLS|SELF_SIGNED/.test(code)) return new Failure('connect', `The TLS certificate of ${host} was not accepted (${code}). Check the endpoint; a corporate proxy may be intercepting HTTPS.`, false);
  return new Failure('other', `The request to ${host} failed${code ? ` (${code})` : ''}. Check the endpoint and your network.`, false);
}

function flatHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

async function readCapped(body: Dispatcher.ResponseData['body'], cap: number): Promise<{ bytes: Buffer; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buf = chunk as Buffer;
    if (size + buf.length > cap) {
      chunks.push(buf.subarray(0, cap - size));
      size = cap;
      // Leaving the loop destroys the stream: the rest is never downloaded.
      return { bytes: Buffer.concat(chunks), truncated: true };
    }
    chunks.push(buf);
    size += buf.length;
  }
  return { bytes: Buffer.concat(chunks), truncated: false };
}

function toReply(status: number, headers: Record<string, string>, bytes: Buffer, truncated: boolean): HttpReply {
  const text = bytes.toString('utf8');
  let json: unknown;
  if (!truncated && text.trim()) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  return { status, statusText: STATUS_TEXT[status] ?? '', headers, contentType: (headers['content-type'] ?? '').split(';')[0].trim().toLowerCase(), text, json, truncated };
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 307: 'Temporary Redirect', 308: 'Permanent Redirect',
  400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 408: 'Request Timeout', 409: 'Conflict', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Entity', 429: 'Too Many Requests',
  500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

export async function sendHttp(req: HttpRequest, options: HttpOptions = {}): Promise<HttpOutcome> {
  const o = { ...DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) } as typeof DEFAULTS & HttpOptions;
  const now = o.now ?? Date.now;
  const sleep = o.sleep ?? defaultSleep;
  const random = o.random ?? Math.random;
  const started = now();
  const notes: string[] = [];
  const ownAgent = o.dispatcher ? undefined : new Agent({ connect: { timeout: o.connectTimeoutMs }, headersTimeout: o.responseTimeoutMs, bodyTimeout: o.responseTimeoutMs });
  const dispatcher = o.dispatcher ?? ownAgent!;
  const origin = new URL(req.url).origin;
  let attempts = 0;
  let reply: HttpReply | undefined;
  const finish = (failure?: HttpOutcome['failure']): HttpOutcome => ({ reply, failure, attempts, durationMs: Math.max(0, now() - started), notes });

  try {
    for (;;) {
      attempts++;
      let url = new URL(req.url);
      let failure: Failure | undefined;
      let retryAfterMs: number | undefined;
      try {
        for (let redirects = 0; ; redirects++) {
          const res = await request(url, { method: req.method, headers: req.headers, body: req.body, signal: o.signal, dispatcher, headersTimeout: o.responseTimeoutMs, bodyTimeout: o.responseTimeoutMs });
          const headers = flatHeaders(res.headers);
          if (res.statusCode >= 300 && res.statusCode < 400 && headers.location) {
            await res.body.dump().catch(() => undefined);
            reply = toReply(res.statusCode, headers, Buffer.alloc(0), false);
            const target = new URL(headers.location, url);
            const preserving = res.statusCode === 307 || res.statusCode === 308;
            if (target.origin !== origin) {
              return finish({ kind: 'redirect', message: `The server answered ${res.statusCode} and redirected to ${where(target)}, another host. Not followed, so your credentials were not sent there: if that is the right API, change the endpoint to it.` });
            }
            if (!preserving) {
              return finish({ kind: 'redirect', message: `The server answered ${res.statusCode} and redirected to ${where(target)}. Not followed: a ${res.statusCode} would turn the send into a GET. Change the endpoint to the new address.` });
            }
            if (redirects >= o.maxRedirects) {
              return finish({ kind: 'redirect', message: `The server redirected more than ${o.maxRedirects} times (last to ${where(target)}); stopped. Change the endpoint to the final address.` });
            }
            notes.push(`Followed a ${res.statusCode} redirect to ${where(target)}.`);
            url = target;
            continue;
          }
          const { bytes, truncated } = await readCapped(res.body, o.maxBodyBytes);
          if (truncated) notes.push(`The response was larger than ${Math.round(o.maxBodyBytes / 1024)} KB; only the first ${Math.round(o.maxBodyBytes / 1024)} KB were read.`);
          reply = toReply(res.statusCode, headers, bytes, truncated);
          if (isRetryableStatus(res.statusCode)) retryAfterMs = parseRetryAfter(headers['retry-after'], now());
          break;
        }
      } catch (error) {
        failure = classify(error, url, o, o.signal);
      }

      const retryable = failure ? failure.retryable : reply !== undefined && isRetryableStatus(reply.status);
      if (!retryable || attempts >= o.maxAttempts) {
        if (failure) {
          // A response from an earlier attempt is not the answer to this one.
          reply = undefined;
          return finish({ kind: failure.kind, message: failure.message + (attempts > 1 ? ` (after ${attempts} attempts)` : '') });
        }
        if (retryable) notes.push(`Still HTTP ${reply!.status} after ${attempts} attempts; gave up.`);
        return finish();
      }
      let wait = backoffMs(attempts, o.baseDelayMs, o.maxDelayMs, random);
      if (retryAfterMs !== undefined) {
        wait = Math.min(retryAfterMs, o.maxRetryAfterMs);
        if (retryAfterMs > o.maxRetryAfterMs) notes.push(`The server asked to wait ${describeMs(retryAfterMs)} (Retry-After); waited ${describeMs(o.maxRetryAfterMs)}, the most this tool waits.`);
      }
      notes.push(`Attempt ${attempts} ${failure ? `failed (${failure.kind === 'connect' ? 'connection error' : failure.kind})` : `got HTTP ${reply!.status}`}; retrying in ${describeMs(wait)}.`);
      try {
        await sleep(wait, o.signal);
      } catch {
        return finish({ kind: 'cancelled', message: 'The send was cancelled while waiting to retry.' });
      }
    }
  } finally {
    if (ownAgent) void ownAgent.close().catch(() => undefined);
  }
}
