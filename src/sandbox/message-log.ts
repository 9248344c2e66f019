/** What the sandbox accepted, newest last, bounded so a long-running sandbox does not grow. */
import type { ProviderId } from '../providers/registry';

export interface SandboxMessage {
  id: string;
  provider: ProviderId;
  /** Which face of the provider took it: e.g. `whatsapp` via Meta or via 360dialog. */
  api: string;
  kind: 'message' | 'mark-read';
  to?: string;
  freeForm: boolean;
  receivedAt: string;
  /** The body as received, minus any credential it carried (the gateway's token). */
  body: unknown;
}

export class MessageLog {
  private readonly items: SandboxMessage[] = [];

  constructor(private readonly max: number) {}

  add(m: SandboxMessage): void {
    this.items.push(m);
    if (this.items.length > this.max) this.items.splice(0, this.items.length - this.max);
  }

  list(): SandboxMessage[] {
    return this.items.map((m) => ({ ...m }));
  }

  get size(): number {
    return this.items.length;
  }
}
