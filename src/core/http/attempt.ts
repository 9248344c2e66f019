/**
 * One HTTP attempt, driven through undici's dispatch handler so we know the one fact a retry
 * depends on: whether the request was handed to the socket. Before that the provider cannot have
 * it, and sending again is safe; after it, a failure may hide an accepted message.
 *
 * Why `onRequestSent` proves it: undici's HTTP/1.1 writer queues the request line, headers and
 * body on the socket (`socket.write`) and only then calls `request.onRequestSent()`, which calls
 * the handler's `onRequestSent` (node_modules/undici/lib/dispatcher/client-h1.js `writeBuffer`,
 * lib/core/request.js `onRequestSent`; the `undici:request:bodySent` diagnostics channel fires at
 * the same point, docs/docs/api/DiagnosticsChannel.md). Errors while connecting (refused, DNS, TLS,
 * connect timeout, a proxy refusing CONNECT) come before it. A reset of a reused keep-alive socket
 * is not proof the request died unread, so it counts as written once it was: see
 * https://github.com/oven-sh/bun/pull/28708 and https://github.com/nodejs/node/issues/47130.
 */
import type { Dispatcher } from 'undici';
import type { HttpRequest } from './types';

export interface AttemptOptions {
  dispatcher: Dispatcher;
  /** Epoch ms by which headers and body must have arrived. */
  deadlineAt: number;
  maxBodyBytes: number;
  signal?: AbortSignal;
  now: () => number;
}

export interface AttemptResult {
  status?: number;
  headers?: Record<string, string>;
  bytes?: Buffer;
  /** The body was longer than the cap; the rest was not read. */
  truncated: boolean;
  /** The whole request reached the socket. */
  written: boolean;
  /** Set when no complete answer arrived: the error, or `deadline` / `cancelled`. */
  error?: unknown;
  stoppedBy?: 'deadline' | 'cancelled';
}

class Stop extends Error {
  constructor(readonly reason: 'deadline' | 'cancelled' | 'cap') {
    super(reason);
  }
}

function headerRecord(raw: Buffer[] | string[] | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (!raw) return out;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i].toString().toLowerCase();
    const value = raw[i + 1].toString();
    out[name] = out[name] === undefined ? value : `${out[name]}, ${value}`;
  }
  return out;
}

export function attempt(url: URL, req: HttpRequest, o: AttemptOptions): Promise<AttemptResult> {
  return new Promise((resolve) => {
    const result: AttemptResult = { truncated: false, written: false };
    const chunks: Buffer[] = [];
    let size = 0;
    let abort: ((err?: Error) => void) | undefined;
    let settled = false;
    let stopping: Stop | undefined;

    const settle = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      o.signal?.removeEventListener('abort', onCancel);
      if (result.status !== undefined) result.bytes = Buffer.concat(chunks);
      resolve(result);
    };
    const stop = (why: Stop) => {
      if (settled || stopping) return;
      stopping = why;
      if (why.reason !== 'cap') {
        result.stoppedBy = why.reason;
        result.error = why;
      }
      // Before undici calls onConnect there is nothing to abort yet: onConnect aborts on arrival,
      // before anything is written.
      if (abort) abort(why);
      if (why.reason !== 'cap') settle();
    };
    const onCancel = () => stop(new Stop('cancelled'));
    const timer = setTimeout(() => stop(new Stop('deadline')), Math.max(0, o.deadlineAt - o.now()));

    const handler = {
      onConnect(abortFn: (err?: Error) => void) {
        abort = abortFn;
        if (stopping) abortFn(stopping);
      },
      onRequestSent() {
        result.written = true;
      },
      onHeaders(statusCode: number, rawHeaders: Buffer[] | string[] | null) {
        if (statusCode < 200) return true;
        result.status = statusCode;
        result.headers = headerRecord(rawHeaders);
        return true;
      },
      onData(chunk: Buffer) {
        if (size + chunk.length > o.maxBodyBytes) {
          chunks.push(chunk.subarray(0, o.maxBodyBytes - size));
          size = o.maxBodyBytes;
          result.truncated = true;
          stop(new Stop('cap'));
          return false;
        }
        chunks.push(chunk);
        size += chunk.length;
        return true;
      },
      onComplete() {
        settle();
      },
      onError(err: Error) {
        if (!(err instanceof Stop && err.reason === 'cap')) result.error ??= err;
        settle();
      },
    };

    if (o.signal?.aborted) {
      result.stoppedBy = 'cancelled';
      result.error = new Stop('cancelled');
      settle();
      return;
    }
    o.signal?.addEventListener('abort', onCancel, { once: true });
    const remaining = Math.max(1, o.deadlineAt - o.now());
    try {
      o.dispatcher.dispatch(
        {
          origin: url.origin,
          path: url.pathname + url.search,
          method: req.method,
          headers: req.headers,
          body: req.body,
          // Our deadline decides; undici's own timers only as a backstop behind it.
          headersTimeout: remaining + 5_000,
          bodyTimeout: remaining + 5_000,
        },
        // The legacy handler shape: undici passes it through unwrapped, onRequestSent included.
        handler,
      );
    } catch (e) {
      result.error = e;
      settle();
    }
  });
}
