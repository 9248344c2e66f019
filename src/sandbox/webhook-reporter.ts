/**
 * The sandbox's outgoing webhooks: after it accepts a message, the statuses the real API would post
 * (in order, `delayMs` apart), and the customer's messages it simulates; each in its provider's
 * shape and signed as that provider signs. Posting never blocks an API answer, and `close()` stops
 * what is still scheduled.
 */
import { randomBytes } from 'node:crypto';
import type { InboundSpec, StatusSpec, WebhookDef, WebhookSecrets } from '../providers/webhook-types';
import { postBytes, type HandlerAnswer } from '../webhooks/post';

export const DEFAULT_STATUS_DELAY_MS = 300;

export interface ReporterOptions {
  delayMs?: number;
  secrets: WebhookSecrets;
  now: () => number;
  log: (line: string) => void;
}

/** One webhook the sandbox posted, for GET /_sandbox/webhooks and tests. */
export interface PostedWebhook {
  url: string;
  provider: string;
  kind: 'status' | 'inbound';
  messageId: string;
  status?: string;
  answer?: number;
  error?: string;
}

/** Random secrets for webhooks the environment gives none for: signed as the provider signs, with a key nobody else has. */
export function withGeneratedSecrets(given: WebhookSecrets = {}): { secrets: WebhookSecrets; generated: string[] } {
  const secrets = { ...given };
  const generated: string[] = [];
  if (!secrets.whatsappAppSecret) {
    secrets.whatsappAppSecret = randomBytes(16).toString('hex');
    generated.push('WHATSAPP_APP_SECRET');
  }
  if (!secrets.vonageSignatureSecret) {
    secrets.vonageSignatureSecret = randomBytes(24).toString('base64url');
    generated.push('VONAGE_SIGNATURE_SECRET');
  }
  return { secrets, generated };
}

export class WebhookReporter {
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;
  private readonly posted: PostedWebhook[] = [];
  readonly delayMs: number;

  constructor(private readonly options: ReporterOptions) {
    this.delayMs = options.delayMs ?? DEFAULT_STATUS_DELAY_MS;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.closed) return resolve();
      const t = setTimeout(() => {
        this.timers.delete(t);
        resolve();
      }, ms);
      this.timers.add(t);
    });
  }

  /** Posts one body to `url` as `def` signs it. `signed: false` for relays that do not sign (360dialog). */
  async post(url: string, def: WebhookDef, body: unknown, what: Omit<PostedWebhook, 'url' | 'provider' | 'answer' | 'error'>, signed = true): Promise<HandlerAnswer> {
    const bytes = Buffer.from(JSON.stringify(body), 'utf8');
    const headers = await def.headers(bytes, signed ? this.options.secrets : {}, this.options.now());
    const answer = await postBytes(url, bytes, headers);
    const record: PostedWebhook = { url, provider: def.providerId, ...what, ...(answer.status !== undefined ? { answer: answer.status } : { error: answer.error }) };
    this.posted.push(record);
    if (this.posted.length > 1000) this.posted.splice(0, this.posted.length - 1000);
    const shown = what.status ? `${what.kind} ${what.status}` : what.kind;
    if (!answer.ok) this.options.log(`webhook ${shown} for ${what.messageId} -> ${url}: ${answer.status ?? answer.error}`);
    return answer;
  }

  /** Posts the statuses of one accepted message, in order, `delayMs` apart (the first after one delay). */
  report(url: string, def: WebhookDef, statuses: StatusSpec[], signed = true): void {
    if (this.closed) return;
    void (async () => {
      for (const spec of statuses) {
        await this.sleep(this.delayMs);
        if (this.closed) return;
        const at = { ...spec, at: this.options.now() };
        await this.post(url, def, def.build.status(at), { kind: 'status', messageId: spec.messageId, status: spec.status }, signed);
      }
    })().catch((e: Error) => this.options.log(`webhook failed: ${e.message}`));
  }

  /** Posts a customer's message now and returns the handler's answer. */
  inbound(url: string, def: WebhookDef, spec: InboundSpec, signed = true): Promise<HandlerAnswer> {
    return this.post(url, def, def.build.inbound(spec), { kind: 'inbound', messageId: spec.messageId }, signed);
  }

  list(): PostedWebhook[] {
    return this.posted.map((p) => ({ ...p }));
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
