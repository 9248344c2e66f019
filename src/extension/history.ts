/**
 * The history of sends: what was sent, where, and what came back, so a send can be told apart from
 * the next and repeated exactly. Never a secret: the body kept is the payload as sent with secret
 * values replaced, and credentials never enter it. Refusals before sending are not sends.
 */
import type * as vscode from 'vscode';
import type { AuthKind } from '../core/auth/kinds';
import type { SendResult } from '../pipeline/send';

export type HistoryEntry = {
  time: string;
  file: string;
  /** The profile it went with, and that profile's provider and auth method at the time. */
  profile: string;
  provider: string;
  auth: AuthKind;
  /** Where it went (scheme, host and port). */
  host: string;
  /** The recipient as sent. */
  to?: string;
  /** A few words of what was sent, e.g. `text: "Hi Ana…"`. */
  summary: string;
  /** The payload as sent, placeholders filled, secret values replaced by a marker. */
  body: unknown;
} & Pick<SendResult, 'ok' | 'status' | 'messageId' | 'durationMs' | 'attempts' | 'problem'>;

const KEY = 'messageWorkbench.history';
const MAX = 100;

/** The marker redaction leaves where a secret value was: such a body cannot be sent again as it is. */
export const REDACTED = '[redacted]';

export class History {
  constructor(private readonly state: vscode.Memento) {}

  entries(): HistoryEntry[] {
    return this.state.get<HistoryEntry[]>(KEY) ?? [];
  }

  async add(entry: HistoryEntry): Promise<void> {
    await this.state.update(KEY, [entry, ...this.entries()].slice(0, MAX));
  }

  async clear(): Promise<void> {
    await this.state.update(KEY, []);
  }
}
