/** The history of sends: what was sent where and what came back. Never a secret. */
import type * as vscode from 'vscode';

export interface HistoryEntry {
  time: string;
  file: string;
  profile: string;
  provider: string;
  ok: boolean;
  status: number | null;
  messageId: string | null;
  durationMs: number;
  attempts: number;
  /** The explained problem (already scrubbed of secrets by the domain). */
  problem: string | null;
}

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
