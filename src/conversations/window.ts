/**
 * The WhatsApp customer care window of a thread, in the words the view shows: "open until 14:32"
 * or "closed: templates only". It opens for 24 h with each customer message
 * (https://developers.facebook.com/docs/whatsapp/cloud-api/guides/send-messages#customer-service-windows);
 * other channels (SMS, MMS, Viber) have none.
 */
import { WINDOW_MS } from '../sandbox/customer-window';
import { explainFailure } from './explain';
import type { Thread } from './thread';

export interface WindowState {
  state: 'open' | 'closed' | 'always' | 'none';
  /** When it closes (ms), while open. */
  until?: number;
  words: string;
}

const WHATSAPP_PROVIDERS = new Set(['whatsapp', 'whatsapp-onprem']);

/** "14:32", the extension host's local time (bubbles have day separators above them). */
export function clockWords(at: number): string {
  const d = new Date(at);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** When the window closes: "14:32" today, "tomorrow 14:32", else "Fri 14:32". */
export function untilWords(at: number, now: number): string {
  const d = new Date(at);
  const day = (x: Date) => x.toDateString();
  if (day(d) === day(new Date(now))) return clockWords(at);
  if (day(d) === day(new Date(now + 86_400_000))) return `tomorrow ${clockWords(at)}`;
  return `${d.toLocaleDateString('en-GB', { weekday: 'short' })} ${clockWords(at)}`;
}

function isWhatsApp(t: Thread): boolean {
  return WHATSAPP_PROVIDERS.has(t.provider) || t.channel === 'whatsapp' || (t.channel === undefined && t.provider.startsWith('vonage'));
}

/**
 * `sandboxOpenUntil`: for a sandbox thread, what the sandbox itself says (it decides); otherwise the
 * window follows the customer's last message, and a later "window closed" failure closes it.
 */
export function windowOf(t: Thread, now: number, sandboxOpenUntil?: number | 'always' | null): WindowState {
  if (!isWhatsApp(t)) return { state: 'none', words: '' };
  const open = (until: number): WindowState => ({ state: 'open', until, words: `open until ${untilWords(until, now)}` });
  const closed: WindowState = { state: 'closed', words: 'closed: templates only' };
  if (sandboxOpenUntil !== undefined) {
    if (sandboxOpenUntil === 'always') return { state: 'always', words: 'open (a sandbox test number: its window is always open)' };
    return sandboxOpenUntil === null || sandboxOpenUntil <= now ? closed : open(sandboxOpenUntil);
  }
  const last = t.lastInboundAt;
  if (last === undefined || now - last >= WINDOW_MS) return closed;
  const failedAfter = t.messages.some((m) => m.dir === 'out' && m.progress === 'failed' && m.at >= last && explainFailure(m.provider, m.error).windowClosed);
  return failedAfter ? closed : open(last + WINDOW_MS);
}
