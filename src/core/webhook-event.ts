/**
 * What a webhook says, whatever the provider's shape: the common model of what comes back (as
 * core/model.ts is of what goes out). Providers map their bodies to it; `mwb listen`, the preview
 * and the editor's conversation view read only this.
 */
export type WebhookEventKind = 'message' | 'status' | 'error' | 'other';

export interface WebhookEvent {
  kind: WebhookEventKind;
  /** The inbound message's id (message), or the id of the message the status is about (status). */
  messageId: string;
  /** The provider's own status word: sent/delivered/read/failed (WhatsApp), submitted/delivered/read/rejected/undeliverable (Vonage). */
  status?: string;
  /** Who sent it: the customer (message), the business number (status, when the body says). */
  from?: string;
  /** Who it went to: the business number (message), the customer (status). */
  to?: string;
  /** The provider's error code, a number when the provider writes one (131047, 470, 1340). */
  errorCode?: number | string;
  /** The provider's words for the error. */
  errorTitle?: string;
  /** ISO 8601. */
  timestamp?: string;
  /** The message's type as the provider names it (text, image, interactive, button, reply...). */
  type?: string;
  /** What the customer wrote or tapped, as text. */
  text?: string;
  /** A tapped reply button or list row. */
  reply?: { id: string; title: string };
  /** The id of the business message this one answers (a reply's context). */
  context?: string;
  /** A customer's media message: what the phone shows in place of the file (nothing is downloaded). */
  media?: { kind: 'image' | 'video' | 'audio' | 'file' | 'sticker' | 'vcard'; caption?: string; filename?: string; mime?: string };
  /** A customer's shared location. */
  location?: { latitude?: number; longitude?: number; name?: string; address?: string };
  /** A customer's reaction: the emoji ('' when removed); the message it is on is `context`. */
  reaction?: { emoji: string };
  /** Per-message pricing as the status reports it (WhatsApp `pricing`, Vonage `usage`). */
  pricing?: { billable?: boolean; model?: string; category?: string; type?: string; price?: string; currency?: string };
  /** Where the event stands in the body, as a JSON pointer. */
  pointer: string;
}

/** The object without its undefined fields, so events compare and print as written. */
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Whole seconds or milliseconds since the epoch, or a date string, as ISO 8601; undefined if unreadable. */
export function isoTime(value: unknown): string | undefined {
  if (typeof value === 'string' && /^\d+$/.test(value)) value = Number(value);
  if (typeof value === 'number' && Number.isFinite(value)) {
    const ms = value < 1e11 ? value * 1000 : value;
    const d = new Date(ms);
    return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
  }
  if (typeof value === 'string') {
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
  }
  return undefined;
}
