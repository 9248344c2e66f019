/**
 * The built-in sandbox, started on demand inside the extension host on a random loopback port,
 * with credentials generated once and kept in SecretStorage: sending works on a fresh install.
 * It posts its webhooks (statuses, the customer's messages) to the Sandbox profile's inbox, signed
 * with that inbox's secrets, so the Conversations view moves as it would with a real provider.
 */
import { generateKeyPair, randomBytes, randomUUID, createPublicKey } from 'node:crypto';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import type { Sandbox } from '../sandbox/server';
import type { TemplateStatusUpdate } from '../sandbox/templates';
import type { Secrets } from '../core/profile';
import type { SecretStore } from './secret-store';
import type { Inbox } from './inbox';
import { domain } from './lazy-domain';

export const SANDBOX_PROFILE = 'Sandbox';
const APP_ID_KEY = 'messageWorkbench.sandbox.applicationId';

export interface SandboxCredentials {
  applicationId: string;
  secrets: Required<Pick<Secrets, 'privateKey' | 'token' | 'd360ApiKey' | 'apiSecret'>>;
  apiKey: string;
}

export class SandboxHost implements vscode.Disposable {
  private running: Promise<{ sandbox: Sandbox; credentials: SandboxCredentials }> | undefined;
  private readonly templateStatus = new vscode.EventEmitter<TemplateStatusUpdate>();
  /** A template submitted to the sandbox was reviewed (approved or rejected). */
  readonly onTemplateStatus = this.templateStatus.event;

  private started: Sandbox | undefined;
  /** Moved only by the integration tests (to let a 24 h window close); the sandbox and its inbox read this clock. */
  private clockOffsetMs = 0;
  readonly now = (): number => Date.now() + this.clockOffsetMs;

  constructor(
    private readonly state: vscode.Memento,
    private readonly store: SecretStore,
    private readonly log: vscode.LogOutputChannel,
    private readonly inbox?: Inbox,
  ) {}

  /** The sandbox when it runs (for the Conversations view's window, which must not start it). */
  current(): Sandbox | undefined {
    return this.started;
  }

  /** Tests only: moves the sandbox's clock forward. */
  advanceClock(ms: number): void {
    this.clockOffsetMs += ms;
  }

  /** The running sandbox and its credentials, starting it (and minting credentials) if needed. */
  ensure(): Promise<{ sandbox: Sandbox; credentials: SandboxCredentials }> {
    this.running ??= this.start().catch((e) => {
      this.running = undefined;
      throw e;
    });
    return this.running;
  }

  get url(): Promise<string | undefined> {
    return this.running ? this.running.then((r) => r.sandbox.url).catch(() => undefined) : Promise.resolve(undefined);
  }

  private async credentials(): Promise<SandboxCredentials> {
    let applicationId = this.state.get<string>(APP_ID_KEY);
    if (!applicationId) {
      applicationId = randomUUID();
      await this.state.update(APP_ID_KEY, applicationId);
    }
    const get = (n: string) => this.store.get(SANDBOX_PROFILE, n);
    let privateKey = await get('privateKey');
    if (!privateKey || domain().privateKeyProblem(privateKey)) {
      const pair = await promisify(generateKeyPair)('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
      privateKey = pair.privateKey;
      await this.store.set(SANDBOX_PROFILE, 'privateKey', privateKey);
    }
    const ensureRandom = async (name: string) => {
      let v = await get(name);
      if (!v) await this.store.set(SANDBOX_PROFILE, name, (v = randomBytes(24).toString('base64url')));
      return v;
    };
    const token = await ensureRandom('token');
    const d360ApiKey = await ensureRandom('d360ApiKey');
    const apiSecret = await ensureRandom('apiSecret');
    return { applicationId, apiKey: 'sandbox', secrets: { privateKey, token, d360ApiKey, apiSecret } };
  }

  private async start(): Promise<{ sandbox: Sandbox; credentials: SandboxCredentials }> {
    const credentials = await this.credentials();
    // The inbox first: the sandbox needs its URL, and signs with its secrets.
    const receiver = this.inbox ? await this.inbox.ensure(SANDBOX_PROFILE, true) : undefined;
    const webhookSecrets = this.inbox ? { ...(await this.inbox.secrets(SANDBOX_PROFILE, true)), vonageApiKey: credentials.apiKey, vonageApplicationId: credentials.applicationId } : undefined;
    const publicKey = createPublicKey(credentials.secrets.privateKey).export({ type: 'spki', format: 'pem' }).toString();
    const sandbox = await domain().createSandbox({
      host: '127.0.0.1',
      port: 0,
      vonage: { publicKeys: [publicKey], applicationIds: [credentials.applicationId], basic: [{ key: credentials.apiKey, secret: credentials.secrets.apiSecret }] },
      whatsappTokens: [credentials.secrets.token],
      d360Keys: [credentials.secrets.d360ApiKey],
      gatewayTokens: [credentials.secrets.token],
      log: (line) => this.log.debug(`sandbox: ${line}`),
      onTemplateStatus: (update) => this.templateStatus.fire(update),
      now: this.now,
      ...(receiver ? { webhook: receiver.url, webhookSecrets } : {}),
    });
    this.started = sandbox;
    this.log.info(`Sandbox listening at ${sandbox.url}${receiver ? `; its webhooks go to the inbox at ${receiver.url}` : ''}`);
    return { sandbox, credentials };
  }

  async stop(): Promise<void> {
    const r = this.running;
    this.running = undefined;
    this.started = undefined;
    if (r) await (await r).sandbox.close();
  }

  dispose(): void {
    this.templateStatus.dispose();
    void this.stop();
  }
}
