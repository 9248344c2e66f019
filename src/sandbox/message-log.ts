/**
 * What the sandbox accepted, newest last, bounded by count and by bytes, so a long-running sandbox
 * does not grow (a thousand 1 MB bodies would be a gigabyte).
 */
import type { ProviderId } from '../providers/registry';

export interface SandboxMessage {
  id: string;
  provider: ProviderId;
  /** Which face of the provider took it: e.g. `whatsapp` via Meta or via 360dialog. */
  api: string;
  kind: 'message' | 'mark-read' | 'inbound';
  to?: string;
  freeForm: boolean;
  receivedAt: string;
  /** The body as received, minus any credential it carried (the gateway's token). */
  body: unknown;
}

/** Bytes an entry holds: its body as JSON plus room for the other fields. */
function sizeOf(m: SandboxMessage): number {
  return Buffer.byteLength(JSON.stringify(m.body) ?? '') + 256;
}

export const DEFAULT_MAX_LOG_BYTES = 16 * 1024 * 1024;

export class MessageLog {
  private readonly items: SandboxMessage[] = [];
  private readonly sizes: number[] = [];
  private bytes = 0;

  constructor(
    private readonly max: number,
    private readonly maxBytes = DEFAULT_MAX_LOG_BYTES,
  ) {}

  add(m: SandboxMessage): void {
    const size = sizeOf(m);
    this.items.push(m);
    this.sizes.push(size);
    this.bytes += size;
    while (this.items.length > 1 && (this.items.length > this.max || this.bytes > this.maxBytes)) {
      this.items.shift();
      this.bytes -= this.sizes.shift()!;
    }
  }

  /** What the kept entries hold, in bytes (approximately). */
  get byteSize(): number {
    return this.bytes;
  }

  list(): SandboxMessage[] {
    return this.items.map((m) => ({ ...m }));
  }

  get size(): number {
    return this.items.length;
  }
}
