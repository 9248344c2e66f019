/**
 * The sandbox's rate limits, as the real APIs enforce them, so backoff can be seen working:
 * - throughput: more than N messages a second from one sender gets 130429 (Cloud) or 429. Meta's
 *   default is 80 messages/s per business number, 1,000 after an automatic upgrade
 *   (https://developers.facebook.com/docs/whatsapp/throughput). Off unless configured: the sandbox
 *   also serves benches and bulk runs that send thousands a second.
 * - pair rate: one message every 6 s from a business number to the same customer, with bursts of up
 *   to 45 in 6 s that borrow from the future: after a burst, nothing more until the time those
 *   messages would have taken at the normal rate has passed; then 131056
 *   (https://developers.facebook.com/docs/whatsapp/cloud-api/overview#pair-rate-limits, as quoted in
 *   https://learn.turn.io/l/en/article/ik2v3vgiif-why-am-i-seeing-error-code-131056). On by default:
 *   no manual test sends 45 messages to one number in 6 s.
 */
export interface PairLimit {
  /** The steady rate: one message per this many milliseconds. */
  intervalMs: number;
  /** How many may go at once before the steady rate applies. */
  burst: number;
}

export interface RateLimits {
  /** Messages per second per sender; 0 or undefined: no limit. */
  messagesPerSecond?: number;
  /** WhatsApp Cloud API pair rate limit; false: none. */
  pair?: PairLimit | false;
}

export const META_PAIR_LIMIT: PairLimit = { intervalMs: 6000, burst: 45 };

/** Bounds memory however many senders and customers a run uses. */
const MAX_KEYS = 10_000;

function bounded<V>(map: Map<string, V>): void {
  if (map.size <= MAX_KEYS) return;
  const oldest = map.keys().next().value;
  if (oldest !== undefined) map.delete(oldest);
}

export class Throughput {
  private readonly windows = new Map<string, { second: number; count: number }>();
  constructor(private readonly perSecond: number) {}

  /** Counts one message for `key`; false when it is over the limit this second. */
  take(key: string, now: number): boolean {
    if (!(this.perSecond > 0)) return true;
    const second = Math.floor(now / 1000);
    const w = this.windows.get(key);
    if (!w || w.second !== second) {
      this.windows.delete(key);
      this.windows.set(key, { second, count: 1 });
      bounded(this.windows);
      return true;
    }
    if (w.count >= this.perSecond) return false;
    w.count++;
    return true;
  }
}

export class PairLimiter {
  /** Per pair: when the borrowed time is paid back, and the current burst. */
  private readonly pairs = new Map<string, { paidAt: number; burstStart: number; burstCount: number }>();
  constructor(private readonly limit: PairLimit | false) {}

  /** Counts one message for the pair; the wait in ms when it is refused. */
  take(key: string, now: number): { ok: true } | { ok: false; retryAfterMs: number } {
    if (!this.limit) return { ok: true };
    const { intervalMs, burst } = this.limit;
    let p = this.pairs.get(key);
    if (!p || now >= p.paidAt) {
      p = { paidAt: now, burstStart: now, burstCount: 0 };
      this.pairs.delete(key);
      this.pairs.set(key, p);
      bounded(this.pairs);
    } else if (p.burstCount >= burst || now - p.burstStart >= intervalMs) {
      return { ok: false, retryAfterMs: p.paidAt - now };
    }
    p.burstCount++;
    p.paidAt += intervalMs;
    return { ok: true };
  }
}
