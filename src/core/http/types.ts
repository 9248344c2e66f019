/** A request as it goes on the wire, and what came back. */

/** What a request builder may need besides the payload and the profile. */
export interface BuildContext {
  /** Placeholder values (for values that go into the URL, such as a message id). */
  variables?: Record<string, string | undefined>;
  /** Leave `{{NAME}}` in place (for curl text) instead of requiring a value. */
  keepPlaceholders?: boolean;
}

/** The payload cannot become a request as it stands; the message says what is missing. */
export class RequestError extends Error {}
export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface HttpReply {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  contentType: string;
  /** The body as text, at most `maxBodyBytes` of it. */
  text: string;
  /** Parsed when the body is JSON (whatever the content type says), else undefined. */
  json: unknown;
  /** True when the body was larger than the cap and reading stopped. */
  truncated: boolean;
  /** True when the connection broke (or the deadline came) before the body was complete. */
  cut?: boolean;
}

export type FailureKind = 'cancelled' | 'connect' | 'dns' | 'connect-timeout' | 'response-timeout' | 'deadline' | 'proxy' | 'reset' | 'redirect' | 'insecure' | 'other';

/**
 * What became of a message: the provider took it, it certainly did not, or nobody can tell (the
 * request left and no complete answer came back). Only `not-sent` may ever be sent again.
 */
export type SendOutcome = 'sent' | 'not-sent' | 'unknown';

export interface HttpOutcome {
  /** The last response, when there was one. */
  reply?: HttpReply;
  /** Why no usable response arrived (with `reply` also set for a refused redirect or a cut-off body). */
  failure?: { kind: FailureKind; message: string };
  /** Whether the provider has, has not, or may have the request (see outcome.ts `outcomeOf`). */
  outcome: SendOutcome;
  /** The provider said "not now" (429, 503) or the request never left: sending again is safe. */
  retryable: boolean;
  /** Retry-After of the last reply, in ms, when it had one. */
  retryAfterMs?: number;
  attempts: number;
  durationMs: number;
  /** Things the user should know: retries, waits capped, truncation. */
  notes: string[];
}

export const USER_AGENT = `message-workbench/0.1.0 node/${process.version.replace(/^v/, '')}`;

/** The JSON request every provider sends; the headers are what the Vonage SDK sends, plus Accept. */
export function jsonRequest(method: HttpRequest['method'], url: string, body: unknown): HttpRequest {
  return {
    method,
    url,
    headers: { 'content-type': 'application/json', accept: 'application/json', 'user-agent': USER_AGENT },
    body: body === undefined ? undefined : JSON.stringify(body),
  };
}

/** `base` + `path`, without doubling slashes, and without doubling the path if the base already ends with it. */
export function joinUrl(base: string, path: string): string {
  const b = base.replace(/\/+$/, '');
  const p = path.startsWith('/') ? path : `/${path}`;
  if (b.endsWith(p)) return b;
  return b + p;
}
