/** What a provider made of a response: sent (with an id), or a problem a person can act on. */
import type { HttpReply, SendOutcome } from './types';

export interface SendProblem {
  /** One line: what went wrong, in the provider's own words where it gave them. */
  title: string;
  /** The provider's detail message, as it gave it. */
  detail?: string;
  /** The provider's error code (Meta/On-Premises numeric codes, Vonage problem type). */
  code?: string;
  /** What to do about it. */
  advice?: string;
  /** Vonage RFC 7807 `invalid_parameters`, each with a reason. */
  invalidParameters?: { name: string; reason: string }[];
  /** RFC 7807 `instance`: quote it to support. */
  instance?: string;
}

export interface ReadResult {
  ok: boolean;
  messageId?: string;
  problem?: SendProblem;
}

export interface CatalogEntry {
  meaning: string;
  advice: string;
}

/** A short, single-line excerpt of a body, with HTML tags dropped, for error messages. */
export function excerpt(text: string, max = 160): string {
  const plain = text
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > max ? plain.slice(0, max - 1) + '…' : plain;
}

/** A response that is not the JSON the API speaks: a proxy's HTML page, a load balancer's text. */
export function nonJsonProblem(reply: HttpReply): SendProblem {
  const html = /html/.test(reply.contentType) || /^\s*<(!doctype|html)/i.test(reply.text);
  const what = reply.truncated ? 'a response too large to read' : html ? 'an HTML page' : reply.text.trim() ? `a non-JSON body (${reply.contentType || 'no content type'})` : 'an empty body';
  const shown = reply.text.trim() ? `: "${excerpt(reply.text)}"` : '';
  return {
    title: `HTTP ${reply.status}${reply.statusText ? ` ${reply.statusText}` : ''} with ${what} instead of the API's JSON${shown}`,
    advice: html
      ? "An HTML page usually comes from a proxy, a login page or a wrong endpoint, not from the messaging API: check the profile's endpoint."
      : "Check the profile's endpoint: it may not point at the messaging API.",
  };
}

/** Advice by HTTP status when the provider's own words say nothing more specific. */
export function statusAdvice(status: number): string | undefined {
  if (status === 401) return "The credentials were not accepted: check the profile's key or token (for a Vonage JWT, the application id and that the private key is that application's).";
  if (status === 403) return "The credentials are valid but not allowed to do this: check the account's permissions and that the sender belongs to it.";
  if (status === 404) return "The endpoint path was not found: check the profile's endpoint (and API version).";
  if (status === 405) return "The endpoint does not take this method: check the profile's endpoint.";
  if (status === 408) return 'The server timed out waiting: send again.';
  if (status === 413) return 'The body is too large for this API.';
  if (status === 415) return 'The server did not accept the content type: the body must be JSON.';
  if (status === 429) return 'Too many requests: wait a moment and send again, or lower your sending rate.';
  if (status >= 500) return "The provider had a problem: try again later; if it persists, check the provider's status page.";
  return undefined;
}

/** The words for an unknown outcome, the same everywhere. */
export const MAY_HAVE_BEEN_SENT = 'may have been sent: check its status before sending again';

/**
 * What an HTTP exchange means for the message. 2xx: taken, even when the answer cannot be read.
 * 408 and 5xx (but 501, 503, 505): the server got the request and its answer does not say it
 * dropped it, so nobody can tell. 429, 503 and the other 4xx: the provider says it did not take it.
 * A failure that happened after the request left is unknown; one before it, not sent.
 */
export function outcomeOf(reply: HttpReply | undefined, failure: { unknown?: boolean } | undefined): SendOutcome {
  if (failure?.unknown) return 'unknown';
  if (failure) return 'not-sent';
  if (!reply) return 'unknown';
  const s = reply.status;
  if (s >= 200 && s < 300) return 'sent';
  if (s === 408 || (s >= 500 && s !== 501 && s !== 503 && s !== 505)) return 'unknown';
  if (s >= 300) return 'not-sent';
  return 'unknown';
}
