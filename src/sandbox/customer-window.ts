/**
 * The WhatsApp 24 h customer care window as the sandbox sees it: who has written recently.
 * Numbers 447700900000-447700900999 (the UK's drama range, never a real subscriber) count as
 * having written recently, so examples work at once; anyone else must write first.
 */
export const WINDOW_MS = 24 * 60 * 60 * 1000;
const OPEN_RANGE = /^447700900\d{3}$/;
/** Bounds memory however many distinct numbers a test or a script sends from. */
const MAX_TRACKED = 10_000;

/** Digits only, with an international `00` prefix dropped: "+44 7700 900123" -> "447700900123". */
export function normalizeNumber(raw: string): string {
  const digits = raw.replace(/\D+/g, '');
  return digits.startsWith('00') ? digits.slice(2) : digits;
}

/** A number of the test range, whose window is always open (in any sandbox, even one not started yet). */
export function alwaysOpen(number: string): boolean {
  return OPEN_RANGE.test(normalizeNumber(number));
}

export class CustomerWindow {
  private readonly lastInbound = new Map<string, number>();

  constructor(private readonly now: () => number) {}

  /** Records a customer's message: the window with that number is open for the next 24 h. */
  inbound(from: string): { number: string; openUntil: number } {
    const number = normalizeNumber(from);
    const at = this.now();
    this.lastInbound.delete(number);
    this.lastInbound.set(number, at);
    if (this.lastInbound.size > MAX_TRACKED) {
      const oldest = this.lastInbound.keys().next().value;
      if (oldest !== undefined) this.lastInbound.delete(oldest);
    }
    return { number, openUntil: at + WINDOW_MS };
  }

  /** Until when a free-form message to this number is allowed: 'always' for the test range, undefined when closed. */
  openUntil(to: string): number | 'always' | undefined {
    if (alwaysOpen(to)) return 'always';
    const at = this.lastInbound.get(normalizeNumber(to));
    return at !== undefined && this.now() - at < WINDOW_MS ? at + WINDOW_MS : undefined;
  }

  isOpen(to: string): boolean {
    return this.openUntil(to) !== undefined;
  }
}
