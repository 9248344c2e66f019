/**
 * Every request `mwb listen` received, newest N kept: in memory, or one JSON file per request in a
 * directory (the CLI's `~/.mwb/webhooks`, the extension's workspace storage), so `listen replay`
 * works after a restart. Bodies are kept as base64 of the exact bytes: a replay must be byte-exact.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { WebhookEvent } from '../core/webhook-event';

export interface StoredRequest {
  id: string;
  /** ISO 8601. */
  receivedAt: string;
  method: string;
  /** Path and query as received. */
  path: string;
  /** Header names in lower case, values as received (repeated headers joined with ", "). */
  headers: Record<string, string>;
  bodyBase64: string;
  /** The provider whose webhook it is, when one could be told. */
  provider: string | null;
  verified: boolean | null;
  reason?: string;
  /** What the receiver answered. */
  status: number;
  events: WebhookEvent[];
  forwarded?: { url: string; status?: number; error?: string; durationMs: number };
}

export interface WebhookStore {
  add(request: StoredRequest): Promise<void>;
  /** Oldest first. */
  list(): StoredRequest[];
  /** By id, or by a prefix that matches one request only. */
  get(id: string): StoredRequest | undefined;
}

export const DEFAULT_KEEP = 200;

function find(items: readonly StoredRequest[], id: string): StoredRequest | undefined {
  const exact = items.find((r) => r.id === id);
  if (exact || id.length < 4) return exact;
  const matches = items.filter((r) => r.id.startsWith(id));
  return matches.length === 1 ? matches[0] : undefined;
}

export function memoryStore(keep = DEFAULT_KEEP): WebhookStore {
  const items: StoredRequest[] = [];
  return {
    async add(r) {
      items.push(r);
      if (items.length > keep) items.splice(0, items.length - keep);
    },
    list: () => [...items],
    get: (id) => find(items, id),
  };
}

/** Sorts by arrival: the time, then a sequence for requests within the same millisecond. */
let sequence = 0;
const fileName = (r: StoredRequest) => `${Date.parse(r.receivedAt).toString().padStart(14, '0')}-${(sequence++ % 1e6).toString().padStart(6, '0')}-${r.id}.json`;

/** A store in `dir` (created if missing); reads what an earlier run left, keeping the newest `keep`. */
export function diskStore(dir: string, keep = DEFAULT_KEEP): WebhookStore {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const names = fs
    .readdirSync(dir)
    .filter((n) => /^\d{14}-[\w-]+\.json$/.test(n))
    .sort();
  const items: { name: string; request: StoredRequest }[] = [];
  for (const name of names) {
    try {
      const request = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as StoredRequest;
      if (typeof request.id === 'string' && typeof request.bodyBase64 === 'string') items.push({ name, request });
    } catch {
      // A file cut short by a crash: skip it, it will be pruned with the oldest.
    }
  }
  const prune = () => {
    while (items.length > keep) {
      const old = items.shift()!;
      // Synchronous, so the next run never reads a request the newest N already dropped.
      fs.rmSync(path.join(dir, old.name), { force: true });
    }
  };
  prune();
  return {
    async add(request) {
      const name = fileName(request);
      const tmp = path.join(dir, `.${name}.tmp`);
      // Temp file + rename: a crash never leaves half a request where the next run reads it.
      await fs.promises.writeFile(tmp, JSON.stringify(request), { mode: 0o600 });
      await fs.promises.rename(tmp, path.join(dir, name));
      items.push({ name, request });
      prune();
    },
    list: () => items.map((i) => i.request),
    get: (id) =>
      find(
        items.map((i) => i.request),
        id,
      ),
  };
}
