/**
 * What `activate` returns. Nothing at all outside tests: any installed extension can read an
 * extension's exports, so they must never reach a secret. Under `ExtensionMode.Test` the
 * integration suite gets these read-only hooks, and a test-only command for SecretStorage.
 */
import type { HistoryEntry } from './history';
import type { PreviewStats } from './preview';
import type { ProblemStatus } from './problem-status';

export interface TestHooks {
  /** The send history (never holds secrets). */
  history(): HistoryEntry[];
  /** The local sandbox's URL, starting it if needed. */
  sandboxUrl(): Promise<string>;
  /** Edit-to-painted timings of the preview (for the integration tests' report), and what it last showed. */
  previewStats(): PreviewStats;
  /** What the status bar's problem count shows for the active payload file. */
  problemStatus(): ProblemStatus['shown'];
}

/** The test-only command: `executeCommand(TEST_SECRETS_COMMAND, 'get' | 'set' | 'clear', profile, field?, value?)`. */
export const TEST_SECRETS_COMMAND = 'messageWorkbenchTest.secrets';

/** The exports for a mode: hooks in tests, nothing otherwise (ExtensionMode.Test is 3). */
export function exportsFor<T>(mode: number, hooks: T): T | undefined {
  return mode === 3 ? hooks : undefined;
}
