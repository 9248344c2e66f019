/** The history of sends: what was sent where and what came back. Never a secret. */
import type * as vscode from 'vscode';
import type { SendResult } from '../pipeline/send';

/** The outcome fields are the domain's own (its `problem` is already scrubbed of secrets). */
export type HistoryEntry = { time: string; file: string; profile: string; provider: string } & Pick<SendResult, 'ok' | 'status' | 'messageId' | 'durationMs' | 'attempts' | 'problem'>;

const KEY = 'messageWorkbench.history';
const MAX = 100;

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
