/**
 * What the sandbox remembers about its chats, so a customer's simulated answer goes back the way a
 * real one would: who last wrote to each number (provider, business number, where its webhooks go),
 * the messages it accepted (a reply's context must be one of them, and names the reply's kind), and
 * the ids of customers' messages (the only ids "mark as read" accepts). Bounded, oldest dropped.
 */
import type { InboundSpec } from '../providers/webhook-types';
import { normalizeNumber } from './customer-window';

export type ReplyKind = NonNullable<InboundSpec['reply']>['kind'];

export interface SentMessage {
  id: string;
  provider: string;
  /** The face of the provider it came through (whatsapp-meta, whatsapp-360, ...). */
  api: string;
  to: string;
  /** The business number or id that sent it. */
  business: string;
  phoneNumberId?: string;
  channel?: string;
  /** What a customer's tap on it sends back. */
  replyKind: ReplyKind;
  /** Vonage: where its statuses go (the payload's webhook_url) and in which shape. */
  webhookUrl?: string;
  webhookVersion?: string;
}

const MAX = 10_000;

function remember<K, V>(map: Map<K, V>, key: K, value: V): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > MAX) {
    const oldest = map.keys().next().value;
    if (oldest !== undefined) map.delete(oldest);
  }
}

export class Conversations {
  private readonly sent = new Map<string, SentMessage>();
  private readonly lastTo = new Map<string, SentMessage>();
  private readonly inboundIds = new Map<string, string>();

  sentMessage(m: SentMessage): void {
    remember(this.sent, m.id, m);
    remember(this.lastTo, normalizeNumber(m.to), m);
  }

  message(id: string): SentMessage | undefined {
    return this.sent.get(id);
  }

  /** The last message the sandbox accepted for this number, from any provider. */
  lastMessageTo(number: string): SentMessage | undefined {
    return this.lastTo.get(normalizeNumber(number));
  }

  customerMessage(id: string, from: string): void {
    remember(this.inboundIds, id, normalizeNumber(from));
  }

  isCustomerMessage(id: string): boolean {
    return this.inboundIds.has(id);
  }
}

/** What tapping a button of this message sends back: a list row, a reply button, or a template's quick reply. */
export function replyKindOf(provider: string, body: unknown): ReplyKind {
  const b = (body ?? {}) as Record<string, unknown>;
  const whatsapp = (m: Record<string, unknown>): ReplyKind => {
    if (m.type === 'template') return 'template-button';
    const interactive = (m.interactive ?? {}) as Record<string, unknown>;
    return interactive.type === 'list' ? 'list' : 'button';
  };
  if (provider === 'whatsapp' || provider === 'whatsapp-onprem') return whatsapp(b);
  if (provider === 'vonage') {
    if (b.message_type === 'template') return 'template-button';
    if (b.message_type === 'custom' && b.custom && typeof b.custom === 'object') return whatsapp(b.custom as Record<string, unknown>);
  }
  return 'button';
}
