/**
 * What `activate` returns. Nothing at all outside tests: any installed extension can read an
 * extension's exports, so they must never reach a secret. Under `ExtensionMode.Test` the
 * integration suite gets these read-only hooks, and a test-only command for SecretStorage.
 */
import type { Thread } from '../conversations/thread';
import type { ConversationStats } from './conversations';
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
  /** The conversation threads (bodies as sent, secrets already replaced). */
  conversations(): Thread[];
  /** Status-to-painted timings of the Conversations view. */
  conversationStats(): ConversationStats;
  /** Acts as the Conversations page does: the same protocol check and handler as a click. */
  conversationAction(action: unknown): Promise<unknown>;
  /** Moves the sandbox's clock forward (a 24 h window closes without waiting a day). */
  advanceSandboxClock(ms: number): void;
}

/** The test-only command: `executeCommand(TEST_SECRETS_COMMAND, 'get' | 'set' | 'clear', profile, field?, value?)`. */
export const TEST_SECRETS_COMMAND = 'messageWorkbenchTest.secrets';

/** The exports for a mode: hooks in tests, nothing otherwise (ExtensionMode.Test is 3). */
export function exportsFor<T>(mode: number, hooks: T): T | undefined {
  return mode === 3 ? hooks : undefined;
}
