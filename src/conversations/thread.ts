/**
 * What a conversation holds: one thread per profile and customer, with the messages the editor sent
 * (and how far each got, from status webhooks) and the customer's messages (from inbound webhooks).
 * Plain data, so the whole book is saved as JSON and survives a window reload.
 */
import type { HttpRequest } from '../core/http/types';
import type { WebhookEvent } from '../core/webhook-event';
import type { Progress } from '../preview/conversation-items';

export type { Progress };

/** The raw exchange of a send, secrets already taken out (Show Request / Show Response). */
export interface Exchange {
  request?: HttpRequest;
  response?: { status: number; statusText: string; headers: Record<string, string>; body: string };
}

export interface OutgoingMessage {
  dir: 'out';
  /** Unique in the thread: the message id, or a local id for a send the API refused. */
  key: string;
  messageId: string | null;
  provider: string;
  /** Milliseconds since the epoch. */
  at: number;
  /** The payload file it came from (workspace-relative), when there was one. */
  file?: string;
  /** The payload as sent, secret values replaced; left out when it was too large to keep. */
  body?: unknown;
  summary: string;
  progress: Progress;
  /** Each status the provider reported, in arrival order. */
  statuses: { status: string; at: number }[];
  /** A failed status's error, or the send's own problem. */
  error?: { code?: string; title?: string };
  /** Why the send itself failed (no message id), in words. */
  problem?: string;
  exchange?: Exchange;
  /** The customer's reaction to this message ('' removed it). */
  reaction?: string;
  /** Where it was sent from: the editor (Send, re-send), a bulk run, or elsewhere (only its statuses were seen). */
  origin: 'editor' | 'bulk' | 'elsewhere';
}

export interface InboundMessage {
  dir: 'in';
  key: string;
  messageId: string;
  provider: string;
  at: number;
  type?: string;
  text?: string;
  reply?: { id: string; title: string };
  /** The id of our message this one answers. */
  context?: string;
  media?: WebhookEvent['media'];
  location?: WebhookEvent['location'];
  /** The stored webhook request it came in (the inbox's id), for Show Request. */
  requestId?: string;
  /** Marked as read from the editor: the customer sees blue ticks. */
  markedRead?: boolean;
}

export type ThreadMessage = OutgoingMessage | InboundMessage;

export interface Thread {
  /** `profile` + customer, see threadKey. */
  key: string;
  profile: string;
  /** The customer's number (digits) or id, as threads are matched. */
  customer: string;
  /** The provider of the latest message: what a reply is written for. */
  provider: string;
  /** The business number or id that last wrote or was written to, when known. */
  business?: string;
  /** The channel of the latest message we sent (whatsapp, sms, ...), when known. */
  channel?: string;
  messages: ThreadMessage[];
  /** When the customer last wrote (ms), for the 24 h window. */
  lastInboundAt?: number;
  updatedAt: number;
  /** Customer messages and status changes not yet seen in the view. */
  unseen: number;
}

/** A customer as threads are matched: the digits of a phone number, else the id as written (a BSUID). */
export function customerOf(raw: string): string {
  const trimmed = raw.trim();
  const digits = trimmed.replace(/\D+/g, '');
  if (/[a-z]/i.test(trimmed) || digits.length < 6) return trimmed;
  return digits.startsWith('00') ? digits.slice(2) : digits;
}

export function threadKey(profile: string, customer: string): string {
  return `${profile}\u0000${customerOf(customer)}`;
}
