/**
 * The pace of a bulk run: a token bucket refilled at `rate` tokens per second, holding at most a
 * fiftieth of a second's worth (so the observed rate stays at the rate over any second). When the
 * provider says "too fast" (429, 130429) the whole run pauses for its Retry-After and halves its
 * rate, then climbs back to the configured rate by a tenth of it per second.
 */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const REAL_CLOCK: Clock = { now: () => performance.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };

export class TokenBucket {
  private tokens: number;
  private last: number;
  private current: number;
  private pausedUntil = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    /** The configured rate, messages per second. */
    readonly rate: number,
    private readonly clock: Clock = REAL_CLOCK,
  ) {
    if (!(rate > 0)) throw new RangeError('rate must be positive');
    this.current = rate;
    this.tokens = 1;
    this.last = clock.now();
  }

  private get capacity(): number {
    return Math.max(1, this.current / 50);
  }

  /** The rate now (lower than `rate` after a slow-down). */
  get currentRate(): number {
    return this.current;
  }

  private refill(): void {
    const now = this.clock.now();
    const dt = Math.max(0, now - this.last) / 1000;
    this.last = now;
    if (this.current < this.rate) this.current = Math.min(this.rate, this.current + this.rate * 0.1 * dt);
    this.tokens = Math.min(this.capacity, this.tokens + dt * this.current);
  }

  /** Wait for a token; callers are served in order. */
  take(): Promise<void> {
    const next = this.queue.then(() => this.takeOne());
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async takeOne(): Promise<void> {
    for (;;) {
      this.refill();
      const now = this.clock.now();
      if (this.pausedUntil > now) {
        await this.clock.sleep(this.pausedUntil - now);
        continue;
      }
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await this.clock.sleep(((1 - this.tokens) / this.current) * 1000);
    }
  }

  /** The provider said "too fast": nobody sends for `ms`, and the rate halves (at least 0.2/s). */
  slowDown(ms: number): void {
    this.refill();
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
    this.current = Math.max(Math.min(0.2, this.rate), this.current / 2);
    this.tokens = Math.min(this.tokens, 0);
  }
}
