/**
 * Where delivery receipts meet a bulk run: the webhook receiver hands over the status events it
 * saw, the journal gives the message ids this run sent, and the report gets delivered / read /
 * failed counts. A seam for src/webhooks/: it knows nothing of how events arrive.
 */
import * as fs from 'node:fs';
import * as readline from 'node:readline';
import type { JournalRecord } from './journal';

/** One status event, whatever provider sent it (Cloud API statuses[], Vonage status webhooks). */
export interface StatusEvent {
  messageId: string;
  /** delivered, read, failed (Cloud API); delivered, read, rejected, undeliverable (Vonage); others are ignored. */
  status: string;
  /** Epoch ms, to order events of one message; later wins. */
  at?: number;
}

export interface DeliveryCounts {
  delivered: number;
  read: number;
  failed: number;
  /** Sent by this run, no final status yet. */
  pending: number;
}

const RANK: Record<string, number> = { sent: 0, submitted: 0, delivered: 1, read: 2, failed: 3, rejected: 3, undeliverable: 3 };

/** Each message of the run counted once, by the furthest status it reached (failed beats all). */
export function deliveryCounts(events: Iterable<StatusEvent>, messageIds: ReadonlySet<string>): DeliveryCounts {
  const best = new Map<string, number>();
  for (const e of events) {
    if (!messageIds.has(e.messageId)) continue;
    const rank = RANK[e.status.toLowerCase()];
    if (rank === undefined) continue;
    best.set(e.messageId, Math.max(best.get(e.messageId) ?? -1, rank));
  }
  const counts: DeliveryCounts = { delivered: 0, read: 0, failed: 0, pending: 0 };
  for (const id of messageIds) {
    const r = best.get(id) ?? 0;
    if (r === 1) counts.delivered++;
    else if (r === 2) counts.read++;
    else if (r === 3) counts.failed++;
    else counts.pending++;
  }
  return counts;
}

/** The message ids a journal recorded as sent (the other half of `deliveryCounts`). */
export async function journalMessageIds(file: string): Promise<Set<string>> {
  const ids = new Set<string>();
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  for await (const text of lines) {
    try {
      const r = JSON.parse(text) as JournalRecord;
      if (r.t === 'outcome' && r.outcome === 'sent' && r.messageId) ids.add(r.messageId);
    } catch {
      // the header, or a cut-off last line
    }
  }
  return ids;
}
