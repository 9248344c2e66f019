/** A real receiver (the one `mwb listen` runs) that tests post webhooks to, and wait on. */
import { createReceiver, type Receiver } from '../../../src/webhooks/receiver';
import type { StoredRequest } from '../../../src/webhooks/store';
import type { WebhookSecrets } from '../../../src/providers/webhook-types';

export const SINK_SECRETS: WebhookSecrets = {
  whatsappAppSecret: 'test-app-secret-0123456789',
  whatsappVerifyToken: 'test-verify-token',
  vonageSignatureSecret: 'test-signature-secret-0123456789abcdef',
};

export interface Sink {
  url: string;
  receiver: Receiver;
  got: StoredRequest[];
  /** Resolves with every request once at least `n` arrived (fails after `ms`). */
  until(n: number, ms?: number): Promise<StoredRequest[]>;
  /** The requests whose events are about this message id, once `n` of them arrived. */
  about(messageId: string, n: number, ms?: number): Promise<StoredRequest[]>;
  close(): Promise<void>;
}

export async function sink(options: { secrets?: WebhookSecrets; now?: () => number; forwardTo?: string } = {}): Promise<Sink> {
  const got: StoredRequest[] = [];
  const waiters: (() => void)[] = [];
  const receiver = await createReceiver({
    secrets: options.secrets ?? SINK_SECRETS,
    now: options.now,
    forwardTo: options.forwardTo,
    onRequest: (r) => {
      got.push(r);
      for (const w of [...waiters]) w();
    },
  });
  const wait = (ready: () => boolean, ms: number, what: string) =>
    new Promise<void>((resolve, reject) => {
      if (ready()) return resolve();
      const check = () => {
        if (!ready()) return;
        clearTimeout(timer);
        waiters.splice(waiters.indexOf(check), 1);
        resolve();
      };
      const timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(check), 1);
        reject(new Error(`timed out waiting for ${what}; got ${got.length}: ${got.map((g) => JSON.stringify(g.events)).join(' ')}`));
      }, ms);
      waiters.push(check);
    });
  const aboutOf = (id: string) => got.filter((g) => g.events.some((e) => e.messageId === id || e.context === id));
  return {
    url: receiver.url,
    receiver,
    got,
    async until(n, ms = 5000) {
      await wait(() => got.length >= n, ms, `${n} webhooks`);
      return got;
    },
    async about(id, n, ms = 5000) {
      await wait(() => aboutOf(id).length >= n, ms, `${n} webhooks about ${id}`);
      return aboutOf(id);
    },
    close: () => receiver.close(),
  };
}
