/**
 * The one HTTP client: a deadline, cancellation, same-origin redirects only, a cap on what is read,
 * and retries only where the provider cannot have taken the message (the request never reached the
 * socket, or the answer was 429 / 503). Everything else after the request left is an unknown
 * outcome, never re-sent. Clock, sleep and randomness are injectable so tests run in milliseconds.
 */
import type { Dispatcher } from 'undici';
import { CONNECT_TIMEOUT_MS, dispatcherFor } from './agent';
import { attempt, type AttemptResult } from './attempt';
import { outcomeOf, MAY_HAVE_BEEN_SENT } from './outcome';
import { backoffMs, isRetryableStatus, parseRetryAfter, RETRYABLE_CONNECT_CODES } from './retry';
import type { FailureKind, HttpOutcome, HttpReply, HttpRequest } from './types';
import { describeMs } from './words';

export interface HttpOptions {
  connectTimeoutMs?: number;
  /**
   * The deadline of the whole send, retries and waits included: headers and body must have
   * arrived by then (`mwb send --timeout`, the messageWorkbench.http.timeoutSeconds setting).
   */
  timeoutMs?: number;
  /** The former name of `timeoutMs`. */
  responseTimeoutMs?: number;
  /** Total tries, the first included. */
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** The longest Retry-After honoured; a server asking for more gets this much and a note. */
  maxRetryAfterMs?: number;
  maxBodyBytes?: number;
  maxRedirects?: number;
  /** False: never wait and try again, even for 429/503 (a bulk run reschedules the row itself). */
  retryStatuses?: boolean;
  signal?: AbortSignal;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
  random?: () => number;
  /** Instead of the shared keep-alive pool (agent.ts). */
  dispatcher?: Dispatcher;
}

export const DEFAULTS = {
  connectTimeoutMs: CONNECT_TIMEOUT_MS,
  timeoutMs: 30_000,
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000,
  maxBodyBytes: 1024 * 1024,
  maxRedirects: 3,
  retryStatuses: true,
};

/** Why a wait was cut short: the signal's own reason when it is an Error. */
function abortError(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new Error('Cancelled');
}

export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

interface Failure {
  kind: FailureKind;
  message: string;
  /** Nothing reached the provider (or it said "not now"): safe to try again. */
  retryable: boolean;
  /** The request had left: the provider may have the message. */
  unknown?: boolean;
}

function where(url: URL): string {
  // Never the query: some APIs take credentials there.
  return `${url.protocol}//${url.host}${url.pathname}`;
}

/** Why an attempt that sent nothing failed, and whether trying again could help. */
function unsentFailure(error: unknown, url: URL, connectTimeoutMs: number): Failure {
  const e = error as { code?: string; name?: string; message?: string; errors?: { code?: string }[] };
  const code = e?.code ?? e?.errors?.find((x) => x?.code)?.code;
  const host = url.host;
  // undici's ProxyAgent rejects a refused CONNECT as "Proxy response (407) !== 200 when HTTP Tunneling".
  const proxy = /^Proxy response \((\d+)\)/.exec(e?.message ?? '');
  if (proxy)
    return {
      kind: 'proxy',
      message: `The proxy refused to connect to ${host} (HTTP ${proxy[1]}). Check HTTPS_PROXY / NO_PROXY (in VS Code: http.proxy, http.noProxy) and the proxy's credentials.`,
      retryable: false,
    };
  if (code === 'UND_ERR_CONNECT_TIMEOUT')
    return { kind: 'connect-timeout', message: `Could not connect to ${host} within ${describeMs(connectTimeoutMs)}. Check the endpoint and your network (VPN, proxy, firewall).`, retryable: true };
  if (code === 'ENOTFOUND') return { kind: 'dns', message: `The host ${url.hostname} was not found (DNS). Check the spelling of the endpoint.`, retryable: false };
  if (code === 'ECONNREFUSED')
    return { kind: 'connect', message: `${host} refused the connection: nothing is listening there. Check the endpoint's host and port (is the sandbox running?).`, retryable: true };
  if (code && /CERT|SSL|TLS|SELF_SIGNED/.test(code))
    return { kind: 'connect', message: `The TLS certificate of ${host} was not accepted (${code}). Check the endpoint; a corporate proxy may be intercepting HTTPS.`, retryable: false };
  if (code && RETRYABLE_CONNECT_CODES.has(code))
    return { kind: 'connect', message: `The connection to ${host} failed (${code}) before the request was sent. Check your network and the endpoint.`, retryable: true };
  return { kind: 'other', message: `The request to ${host} failed before it was sent${code ? ` (${code})` : ''}. Check the endpoint and your network.`, retryable: false };
}

/** Why an attempt whose request had left ended without a complete answer. */
function writtenFailure(r: AttemptResult, url: URL, timeoutMs: number): Failure {
  const e = r.error as { code?: string } | undefined;
  const host = url.host;
  const answered = r.status !== undefined ? `answered HTTP ${r.status} but ` : '';
  if (r.stoppedBy === 'deadline') {
    return { kind: 'deadline', message: `${host} ${answered}did not finish answering within ${describeMs(timeoutMs)}. The message ${MAY_HAVE_BEEN_SENT}.`, retryable: false, unknown: true };
  }
  return {
    kind: 'reset',
    message: `The connection to ${host} broke after the request was sent${r.status !== undefined ? ` (HTTP ${r.status}, answer cut off)` : ''}${e?.code ? ` (${e.code})` : ''}. The message ${MAY_HAVE_BEEN_SENT}.`,
    retryable: false,
    unknown: true,
  };
}

function toReply(status: number, headers: Record<string, string>, bytes: Buffer, truncated: boolean, cut: boolean): HttpReply {
  const text = bytes.toString('utf8');
  let json: unknown;
  if (!truncated && !cut && text.trim()) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  return { status, statusText: STATUS_TEXT[status] ?? '', headers, contentType: (headers['content-type'] ?? '').split(';')[0].trim().toLowerCase(), text, json, truncated, ...(cut ? { cut } : {}) };
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export async function sendHttp(req: HttpRequest, options: HttpOptions = {}): Promise<HttpOutcome> {
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as HttpOptions;
  const o = { ...DEFAULTS, ...given, timeoutMs: given.timeoutMs ?? given.responseTimeoutMs ?? DEFAULTS.timeoutMs };
  const now = o.now ?? Date.now;
  const sleep = o.sleep ?? defaultSleep;
  const random = o.random ?? Math.random;
  const started = now();
  const deadlineAt = started + o.timeoutMs;
  const notes: string[] = [];
  const origin = new URL(req.url).origin;
  let attempts = 0;
  let reply: HttpReply | undefined;
  let retryAfterMs: number | undefined;
  const finish = (failure?: Failure, retryable = false): HttpOutcome => {
    const f = failure ? { kind: failure.kind, message: failure.message + (attempts > 1 ? ` (after ${attempts} attempts)` : '') } : undefined;
    return { reply, failure: f, outcome: outcomeOf(reply, failure), retryable, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}), attempts, durationMs: Math.max(0, now() - started), notes };
  };

  for (;;) {
    attempts++;
    let url = new URL(req.url);
    let failure: Failure | undefined;
    reply = undefined;
    retryAfterMs = undefined;
    for (let redirects = 0; ; redirects++) {
      const dispatcher = o.dispatcher ?? dispatcherFor(url, o.connectTimeoutMs);
      const r = await attempt(url, req, { dispatcher, deadlineAt, maxBodyBytes: o.maxBodyBytes, signal: o.signal, now });
      if (r.stoppedBy === 'cancelled') {
        if (r.status !== undefined) reply = toReply(r.status, r.headers ?? {}, r.bytes ?? Buffer.alloc(0), r.truncated, true);
        failure = {
          kind: 'cancelled',
          message: r.written ? `The send was cancelled after the request left. The message ${MAY_HAVE_BEEN_SENT}.` : 'The send was cancelled before the request left: not sent.',
          retryable: false,
          unknown: r.written,
        };
        return finish(failure);
      }
      if (r.error !== undefined && !r.written) {
        failure =
          r.stoppedBy === 'deadline'
            ? { kind: 'connect-timeout', message: `Could not reach ${url.host} within ${describeMs(o.timeoutMs)}: not sent. Check the endpoint and your network.`, retryable: false }
            : unsentFailure(r.error, url, o.connectTimeoutMs);
        break;
      }
      const status = r.status!;
      const cut = r.error !== undefined;
      if (r.status !== undefined) reply = toReply(status, r.headers ?? {}, r.bytes ?? Buffer.alloc(0), r.truncated, cut);
      if (cut) {
        // The status line came and says "not taken" (4xx other than 408, 429, 503): that stands.
        if (reply && outcomeOf(reply, undefined) === 'not-sent') {
          if (isRetryableStatus(status)) failure = { ...writtenFailure(r, url, o.timeoutMs), retryable: true, unknown: false };
          else return finish();
          break;
        }
        return finish(writtenFailure(r, url, o.timeoutMs));
      }
      if (r.truncated) notes.push(`The response was larger than ${Math.round(o.maxBodyBytes / 1024)} KB; only the first ${Math.round(o.maxBodyBytes / 1024)} KB were read.`);
      const headers = reply!.headers;
      if (status >= 300 && status < 400 && headers.location) {
        const target = new URL(headers.location, url);
        const preserving = status === 307 || status === 308;
        if (target.origin !== origin) {
          return finish({
            kind: 'redirect',
            message: `The server answered ${status} and redirected to ${where(target)}, another host. Not followed, so your credentials were not sent there: if that is the right API, change the endpoint to it.`,
            retryable: false,
          });
        }
        if (!preserving) {
          return finish({
            kind: 'redirect',
            message: `The server answered ${status} and redirected to ${where(target)}. Not followed: a ${status} would turn the send into a GET. Change the endpoint to the new address.`,
            retryable: false,
          });
        }
        if (redirects >= o.maxRedirects) {
          return finish({
            kind: 'redirect',
            message: `The server redirected more than ${o.maxRedirects} times (last to ${where(target)}); stopped. Change the endpoint to the final address.`,
            retryable: false,
          });
        }
        notes.push(`Followed a ${status} redirect to ${where(target)}.`);
        url = target;
        continue;
      }
      if (isRetryableStatus(status)) retryAfterMs = parseRetryAfter(headers['retry-after'], now());
      break;
    }

    const retryable = failure ? failure.retryable : reply !== undefined && isRetryableStatus(reply.status);
    if (!retryable) return finish(failure);
    const statusRetry = !failure;
    if ((statusRetry && !o.retryStatuses) || attempts >= o.maxAttempts) {
      if (statusRetry && o.retryStatuses) notes.push(`Still HTTP ${reply!.status} after ${attempts} attempts; gave up.`);
      return finish(failure, true);
    }
    let wait = backoffMs(attempts, o.baseDelayMs, o.maxDelayMs, random);
    if (retryAfterMs !== undefined) {
      wait = Math.min(retryAfterMs, o.maxRetryAfterMs);
      if (retryAfterMs > o.maxRetryAfterMs) notes.push(`The server asked to wait ${describeMs(retryAfterMs)} (Retry-After); waited ${describeMs(o.maxRetryAfterMs)}, the most this tool waits.`);
    }
    if (now() + wait >= deadlineAt) {
      notes.push(
        `Attempt ${attempts} ${failure ? `failed (${failure.kind === 'connect' ? 'connection error' : failure.kind})` : `got HTTP ${reply!.status}`}; not retried: waiting ${describeMs(wait)} would pass the ${describeMs(o.timeoutMs)} deadline. Nothing was sent.`,
      );
      return finish(failure, true);
    }
    notes.push(
      `Attempt ${attempts} ${failure ? `failed (${failure.kind === 'connect' ? 'connection error' : failure.kind}) before the request was sent` : `got HTTP ${reply!.status}`}; retrying in ${describeMs(wait)}.`,
    );
    try {
      await sleep(wait, o.signal);
    } catch {
      return finish({ kind: 'cancelled', message: 'The send was cancelled while waiting to retry: not sent.', retryable: false });
    }
  }
}
