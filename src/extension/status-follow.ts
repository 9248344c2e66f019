/**
 * After Send, the send's own progress notification goes on to follow the message: "Sent ✓" becomes
 * "Delivered ✓✓" and "Read ✓✓" (or "Failed: why") as the status webhooks reach the inbox, in the
 * same notification, never a new toast per step. It ends at the last step the message can reach,
 * when the user cancels it, or when the statuses stop coming.
 */
import type * as vscode from 'vscode';
import type { Progress } from '../conversations/thread';
import type { ConversationStore } from './conversation-store';

export interface FollowOptions {
  /** How long to wait for the first status (then: is the webhook URL registered?). */
  firstStatusMs: number;
  /** How long to wait for the next one once statuses come. */
  nextStatusMs: number;
  /** SMS and MMS stop at delivered: they have no read receipts. */
  finalAt: 'read' | 'delivered';
}

export interface FollowOutcome {
  progress: Progress;
  /** Why following ended before the last step. */
  ended?: 'cancelled' | 'no-status' | 'quiet';
}

export const STEP_WORDS: Record<Progress, string> = {
  pending: 'Sent, waiting for the first status webhook\u2026',
  sent: 'Sent \u2713, waiting for delivery\u2026',
  delivered: 'Delivered \u2713\u2713, waiting for the read receipt\u2026',
  read: 'Read \u2713\u2713',
  failed: 'Failed',
  'not-sent': 'Not sent',
};

function done(p: Progress, finalAt: FollowOptions['finalAt']): boolean {
  return p === 'failed' || p === 'read' || (finalAt === 'delivered' && p === 'delivered');
}

/** Follows one message's progress in the store, reporting each step to the notification; resolves when it ends. */
export function followStatuses(
  store: ConversationStore,
  profile: string,
  messageId: string,
  report: vscode.Progress<{ message?: string }>,
  token: vscode.CancellationToken,
  options: FollowOptions,
): Promise<FollowOutcome> {
  const progressOf = (): Progress => {
    const found = store.book.message(messageId, profile);
    return found?.message.dir === 'out' ? found.message.progress : 'pending';
  };
  return new Promise((resolve) => {
    let last = progressOf();
    let timer: NodeJS.Timeout | undefined;
    const subscriptions: vscode.Disposable[] = [];
    const finish = (outcome: FollowOutcome) => {
      clearTimeout(timer);
      subscriptions.forEach((d) => d.dispose());
      resolve(outcome);
    };
    const wait = () => {
      clearTimeout(timer);
      timer = setTimeout(() => finish({ progress: last, ended: last === 'pending' ? 'no-status' : 'quiet' }), last === 'pending' ? options.firstStatusMs : options.nextStatusMs);
    };
    const step = () => {
      const now = progressOf();
      if (now === last && timer) return;
      last = now;
      report.report({ message: STEP_WORDS[now] });
      if (done(now, options.finalAt)) finish({ progress: now });
      else wait();
    };
    subscriptions.push(
      store.onDidChange(() => step()),
      token.onCancellationRequested(() => finish({ progress: last, ended: 'cancelled' })),
    );
    step();
  });
}
