/**
 * The bulk journal: an append-only JSON Lines file that makes a run exactly-once and resumable.
 * Each row's intent is on disk (fsync'd) before its request leaves, and its outcome is appended
 * the moment the answer is read, so after a crash every row is either done, never started, or
 * "may have been sent" (an intent without an outcome), which is never sent again blindly.
 * The first line names the payload and list (sha256) it belongs to; another run's journal is refused.
 */
import * as fs from 'node:fs';
import * as readline from 'node:readline';

export const JOURNAL_KIND = 'mwb-bulk-journal';

export interface JournalHeader {
  kind: typeof JOURNAL_KIND;
  version: 1;
  payload: { file: string; sha256: string };
  recipients: { file: string; sha256: string; rows: number };
  /** Where the first run sent (informational: a resumed run may use another endpoint). */
  endpoint: string;
  startedAt: string;
}

/** A row's final state as a report shows it. */
export type RowOutcome = 'sent' | 'rejected' | 'invalid' | 'unknown' | 'skipped';

export interface IntentRecord {
  t: 'intent';
  line: number;
  to: string;
  at: string;
}

export interface OutcomeRecord {
  t: 'outcome';
  line: number;
  /** `retry`: not taken (429, 503, never left); the row may be sent again. */
  outcome: RowOutcome | 'retry';
  to?: string;
  status?: number | null;
  messageId?: string | null;
  problem?: string | null;
  at: string;
}

export type JournalRecord = IntentRecord | OutcomeRecord | { t: 'run'; at: string; endpoint: string };

/** Where a row stands according to the journal. */
export type RowState = { done: OutcomeRecord } | { inFlight: IntentRecord };

export class JournalError extends Error {
  constructor(
    message: string,
    /** I/O (cannot write, disk full): exit 2; a journal of another run: exit 2 too, but said differently. */
    readonly kind: 'io' | 'mismatch' | 'corrupt',
  ) {
    super(message);
  }
}

/** The file operations the journal needs; tests swap in a disk that fills up. */
export interface JournalIo {
  write(fd: number, data: Buffer): number;
  datasync(fd: number, callback: (err: NodeJS.ErrnoException | null) => void): void;
}

const NODE_IO: JournalIo = {
  write: (fd, data) => fs.writeSync(fd, data),
  datasync: (fd, cb) => fs.fdatasync(fd, cb),
};

function describeIo(file: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return `The disk holding the journal ${file} is full (${code}).`;
  if (code === 'EACCES' || code === 'EPERM') return `The journal ${file} cannot be written: permission denied.`;
  if (code === 'ENOENT') return `The journal ${file} cannot be created: its folder does not exist.`;
  if (code === 'EISDIR') return `The journal ${file} is a folder.`;
  if (code === 'EROFS') return `The journal ${file} is on a read-only file system.`;
  return `The journal ${file} cannot be written (${code ?? (e as Error).message}).`;
}

export interface ReadJournal {
  header: JournalHeader;
  rows: Map<number, RowState>;
  /** The file did not end with a complete line (a crash or a full disk mid-write). */
  partialTail: boolean;
}

/** Read a journal: its header and where each row stands. A cut-off last line is ignored (it was never complete). */
export async function readJournal(file: string): Promise<ReadJournal | undefined> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return undefined;
  }
  if (!stat.isFile()) throw new JournalError(`The journal ${file} is not a regular file.`, 'io');
  if (stat.size === 0) return undefined;
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  let header: JournalHeader | undefined;
  const rows = new Map<number, RowState>();
  let n = 0;
  let pendingBad: number | undefined;
  for await (const text of lines) {
    n++;
    if (!text.trim()) continue;
    let rec: unknown;
    try {
      rec = JSON.parse(text);
    } catch {
      rec = undefined;
    }
    if (pendingBad !== undefined) {
      // A line cut off by a crash is followed only by the next run's marker (written on a fresh line).
      if ((rec as { t?: string } | undefined)?.t !== 'run')
        throw new JournalError(`The journal ${file} is damaged at line ${pendingBad}: it is not JSON. It was not written by mwb bulk, or was edited.`, 'corrupt');
      pendingBad = undefined;
    }
    if (rec === undefined) {
      pendingBad = n;
      continue;
    }
    if (!header) {
      const h = rec as Partial<JournalHeader>;
      if (h?.kind !== JOURNAL_KIND || h.version !== 1)
        throw new JournalError(`${file} is not an mwb bulk journal (its first line should say "kind": "${JOURNAL_KIND}"). Pass another --journal file.`, 'mismatch');
      header = h as JournalHeader;
      continue;
    }
    const r = rec as JournalRecord;
    if (r.t === 'intent') rows.set(r.line, { inFlight: r });
    else if (r.t === 'outcome') {
      if (r.outcome === 'retry') rows.delete(r.line);
      else rows.set(r.line, { done: r });
    }
  }
  // Only the last line may be cut off: it is the write a crash or a full disk interrupted.
  const partialTail = pendingBad !== undefined || !endsWithNewline(file, stat.size);
  if (!header) return undefined;
  return { header, rows, partialTail };
}

function endsWithNewline(file: string, size: number): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const b = Buffer.alloc(1);
    fs.readSync(fd, b, 0, 1, size - 1);
    return b[0] === 0x0a;
  } finally {
    fs.closeSync(fd);
  }
}

/** Why a journal cannot be used for this payload and list, or undefined when it can. */
export function mismatch(file: string, found: JournalHeader, wanted: Pick<JournalHeader, 'payload' | 'recipients'>): string | undefined {
  if (found.payload.sha256 !== wanted.payload.sha256) {
    return `The journal ${file} belongs to another payload (${found.payload.file}, sha256 ${found.payload.sha256.slice(0, 12)}…); ${wanted.payload.file} is ${wanted.payload.sha256.slice(0, 12)}…. Resuming would mix two campaigns: pass a new --journal file, or restore the payload the journal was made for.`;
  }
  if (found.recipients.sha256 !== wanted.recipients.sha256) {
    return `The journal ${file} belongs to another recipient list (${found.recipients.file}, ${found.recipients.rows} rows, sha256 ${found.recipients.sha256.slice(0, 12)}…); ${wanted.recipients.file} has changed or is another list. Resuming could send a row twice or skip one: pass a new --journal file, or restore the list the journal was made for.`;
  }
  return undefined;
}

export class JournalWriter {
  private pending: { line: string; done: () => void; fail: (e: Error) => void }[] = [];
  private syncing = false;
  private failure?: JournalError;

  private constructor(
    private readonly file: string,
    private readonly fd: number,
    private readonly io: JournalIo,
  ) {}

  /**
   * Open for appending and prove it can be written: a new journal gets its header, a resumed one a
   * run marker, both synced to disk before any row is sent.
   */
  static async open(file: string, start: { header?: JournalHeader; endpoint: string; partialTail?: boolean }, io: JournalIo = NODE_IO): Promise<JournalWriter> {
    let fd: number;
    try {
      fd = fs.openSync(file, 'a');
    } catch (e) {
      throw new JournalError(describeIo(file, e), 'io');
    }
    const w = new JournalWriter(file, fd, io);
    const first: string[] = [];
    if (start.partialTail) first.push('');
    if (start.header) first.push(JSON.stringify(start.header));
    first.push(JSON.stringify({ t: 'run', at: new Date().toISOString(), endpoint: start.endpoint }));
    try {
      w.writeAll(first.join('\n') + '\n');
      await w.sync();
    } catch (e) {
      w.closeQuietly();
      throw e instanceof JournalError ? e : new JournalError(describeIo(file, e), 'io');
    }
    return w;
  }

  get failed(): JournalError | undefined {
    return this.failure;
  }

  private writeAll(text: string): void {
    let buf = Buffer.from(text, 'utf8');
    while (buf.length > 0) {
      let n: number;
      try {
        n = this.io.write(this.fd, buf);
      } catch (e) {
        this.failure ??= new JournalError(describeIo(this.file, e), 'io');
        throw this.failure;
      }
      buf = buf.subarray(n);
    }
  }

  private sync(): Promise<void> {
    return new Promise((resolve, reject) =>
      this.io.datasync(this.fd, (err) => {
        if (!err) return resolve();
        this.failure ??= new JournalError(describeIo(this.file, err), 'io');
        reject(this.failure);
      }),
    );
  }

  /** Resolves once the intent is on disk; only then may the request leave. Rejects if it cannot be. */
  intent(rec: Omit<IntentRecord, 't' | 'at'>): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const line = JSON.stringify({ t: 'intent', ...rec, at: new Date().toISOString() });
    return new Promise((done, fail) => {
      this.pending.push({ line, done, fail });
      if (!this.syncing) void this.flush();
    });
  }

  /** Group commit: every intent queued while the previous sync ran goes out in one write and one sync. */
  private async flush(): Promise<void> {
    this.syncing = true;
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0);
      try {
        if (this.failure) throw this.failure;
        this.writeAll(batch.map((b) => b.line).join('\n') + '\n');
        await this.sync();
        batch.forEach((b) => b.done());
      } catch (e) {
        batch.forEach((b) => b.fail(e as Error));
      }
    }
    this.syncing = false;
  }

  /**
   * Appended at once (to the kernel, so it survives the process being killed); synced with the
   * next intent or at close. Throws JournalError if the disk refuses it.
   */
  outcome(rec: Omit<OutcomeRecord, 't' | 'at'>): void {
    if (this.failure) throw this.failure;
    this.writeAll(JSON.stringify({ t: 'outcome', ...rec, at: new Date().toISOString() }) + '\n');
  }

  async close(): Promise<void> {
    while (this.syncing) await new Promise((r) => setTimeout(r, 5));
    if (!this.failure) await this.sync().catch(() => undefined);
    this.closeQuietly();
  }

  private closeQuietly(): void {
    try {
      fs.closeSync(this.fd);
    } catch {
      // already closed
    }
  }
}
