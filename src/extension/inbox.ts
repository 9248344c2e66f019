/**
 * The webhook inbox inside the editor: the receiver `mwb listen` runs (src/webhooks/receiver.ts),
 * one per profile, started on demand on 127.0.0.1 and kept on the same port across reloads when it
 * is free (a tunnel or a registered URL keeps working). Its secrets (Meta app secret, verify token,
 * Vonage signature secret) live in SecretStorage under the profile; what it receives is stored,
 * bounded, under the extension's workspace storage and survives a window reload.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { WebhookSecrets } from '../providers/webhook-types';
import type { Receiver } from '../webhooks/receiver';
import type { StoredRequest } from '../webhooks/store';
import { domain } from './lazy-domain';
import type { SecretStore } from './secret-store';

/** The inbox's secrets, as SecretStorage fields of the profile (beside its API credentials). */
export const INBOX_SECRETS = {
  whatsappAppSecret: { label: 'Meta app secret (X-Hub-Signature-256)', variable: 'WHATSAPP_APP_SECRET' },
  whatsappVerifyToken: { label: 'Meta verify token (the verification GET)', variable: 'WHATSAPP_VERIFY_TOKEN' },
  vonageSignatureSecret: { label: 'Vonage signature secret (signed webhooks)', variable: 'VONAGE_SIGNATURE_SECRET' },
} as const;
export type InboxSecretField = keyof typeof INBOX_SECRETS;

const PORTS_KEY = 'messageWorkbench.inbox.ports';

export interface InboxRequest {
  profile: string;
  request: StoredRequest;
}

interface Running {
  receiver: Receiver;
  /** Values to keep out of anything shown. */
  secrets: string[];
}

export interface InboxOptions {
  /** Now for a profile's receiver, which checks signed timestamps with it (the sandbox has its own clock, which tests move). */
  now?(profile: string): number;
}

export class Inbox implements vscode.Disposable {
  private readonly running = new Map<string, Promise<Running>>();
  private readonly emitter = new vscode.EventEmitter<InboxRequest>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Every request a receiver stored, accepted or not. */
  readonly onDidReceive = this.emitter.event;
  /** A receiver started or stopped. */
  readonly onDidChangeState = this.changed.event;

  constructor(
    private readonly store: SecretStore,
    private readonly storageDir: string,
    private readonly state: vscode.Memento,
    private readonly log: vscode.LogOutputChannel,
    private readonly options: InboxOptions = {},
  ) {}

  /** The profile's inbox secrets from SecretStorage; `generate` mints the signing ones when missing (the sandbox's). */
  async secrets(profile: string, generate = false): Promise<WebhookSecrets> {
    const out: WebhookSecrets = {};
    for (const field of Object.keys(INBOX_SECRETS) as InboxSecretField[]) {
      let value = await this.store.get(profile, field);
      if (!value && generate && field !== 'whatsappVerifyToken') await this.store.set(profile, field, (value = randomBytes(24).toString('base64url')));
      if (value) out[field] = value;
    }
    return out;
  }

  async setSecret(profile: string, field: InboxSecretField, value: string | undefined): Promise<void> {
    if (value) await this.store.set(profile, field, value);
    else await this.store.delete(profile, field);
    // A running receiver checks with the secrets it started with: restart it with the new ones.
    if (this.running.has(profile)) {
      await this.stop(profile);
      await this.ensure(profile);
    }
  }

  /** The profile's receiver, started if needed. */
  async ensure(profile: string, generateSecrets = false): Promise<Receiver> {
    let r = this.running.get(profile);
    if (!r) {
      r = this.start(profile, generateSecrets);
      this.running.set(profile, r);
      r.then(
        () => this.changed.fire(),
        () => this.running.delete(profile),
      );
    }
    return (await r).receiver;
  }

  /** The receiver's URL when it runs. */
  async urlOf(profile: string): Promise<string | undefined> {
    const r = this.running.get(profile);
    return r
      ? r.then(
          (x) => x.receiver.url,
          () => undefined,
        )
      : undefined;
  }

  listening(): string[] {
    return [...this.running.keys()];
  }

  /** A stored request of a profile's inbox, by id (starting the inbox, which reads what it stored before a reload). */
  async request(profile: string, id: string): Promise<StoredRequest | undefined> {
    return (await this.ensure(profile)).get(id);
  }

  /** Secret values of a running inbox, to redact from what is shown. */
  async redactions(profile: string): Promise<string[]> {
    const r = this.running.get(profile);
    return r ? (await r).secrets : [];
  }

  private storeDir(profile: string): string {
    return path.join(this.storageDir, 'inbox', createHash('sha256').update(profile).digest('hex').slice(0, 16));
  }

  private async start(profile: string, generateSecrets: boolean): Promise<Running> {
    const secrets = await this.secrets(profile, generateSecrets);
    const ports = this.state.get<Record<string, number>>(PORTS_KEY) ?? {};
    const options = {
      host: '127.0.0.1',
      secrets,
      store: this.storeDir(profile),
      ...(this.options.now ? { now: () => this.options.now!(profile) } : {}),
      // One receiver per profile: whatever it receives belongs to that profile's threads.
      onRequest: (request: StoredRequest) => {
        this.report(profile, request);
        this.emitter.fire({ profile, request });
      },
      log: (line: string) => this.log.warn(`inbox ${profile}: ${line}`),
    };
    let receiver: Receiver;
    try {
      receiver = await domain().createReceiver({ ...options, port: ports[profile] ?? 0 });
    } catch (e) {
      if (!ports[profile]) throw e;
      this.log.info(`inbox ${profile}: port ${ports[profile]} is taken (${(e as Error).message}); listening on another.`);
      receiver = await domain().createReceiver({ ...options, port: 0 });
    }
    const port = Number(new URL(receiver.url).port);
    if (ports[profile] !== port) await this.state.update(PORTS_KEY, { ...ports, [profile]: port });
    this.log.info(
      `inbox ${profile}: listening at ${receiver.url} (${
        Object.keys(secrets).length
          ? `checking ${Object.keys(secrets)
              .map((k) => INBOX_SECRETS[k as InboxSecretField]?.variable ?? k)
              .join(', ')}`
          : 'no secrets set: nothing is verified'
      })`,
    );
    return { receiver, secrets: Object.values(secrets).filter((v): v is string => typeof v === 'string') };
  }

  private report(profile: string, r: StoredRequest): void {
    const lines = domain().webhookLines(r);
    if (r.verified === false || r.status >= 400) this.log.warn(`inbox ${profile}: ${lines.join('\n')}`);
    else this.log.info(`inbox ${profile}: ${lines.join('\n')}`);
  }

  async stop(profile?: string): Promise<void> {
    const names = profile ? [profile] : [...this.running.keys()];
    for (const name of names) {
      const r = this.running.get(name);
      this.running.delete(name);
      if (r)
        await r.then(
          (x) => x.receiver.close(),
          () => undefined,
        );
    }
    this.changed.fire();
  }

  dispose(): void {
    void this.stop();
    this.emitter.dispose();
    this.changed.dispose();
  }
}
