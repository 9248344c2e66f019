/**
 * A bulk run: one payload, one recipient list, each row filled, validated and sent through the
 * same path as `mwb send`, at the provider's pace, exactly once. The journal makes it resumable;
 * the report says what became of every row. Nothing here prints or reads the environment.
 */
import { createHash } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { PLACEHOLDER } from '../core/placeholders';
import type { Profile, Secrets } from '../core/profile';
import type { TemplateCatalog } from '../core/templates';
import { JwtCache } from '../core/auth/jwt-cache';
import { backoffMs } from '../core/http/retry';
import type { HttpRequest } from '../core/http/types';
import type { ProviderPace } from '../providers/types';
import { dryRun, fillValue, prepareSend, sendPrepared, type Prepared, type SendResult } from '../pipeline/send';
import { validateText } from '../pipeline/validate';
import { JournalWriter, mismatch, readJournal, JOURNAL_KIND, JournalError, type JournalHeader, type JournalIo, type RowOutcome, type RowState } from './journal';
import { readRecipients, type RecipientRow } from './recipients';
import { ReportWriter, type ReportRow } from './report';
import { scanRecipients } from './scan';
import { memoryKeeper } from './memory';
import { REAL_CLOCK, TokenBucket, type Clock } from './token-bucket';

export interface BulkInput {
  payloadFile: string;
  payloadText: string;
  recipientsFile: string;
  profile: Profile;
  secrets: Secrets;
  templates?: TemplateCatalog;
  /** Messages per second; default: the provider's documented pace. */
  rate?: number;
  concurrency: number;
  journalFile: string;
  reportFile?: string;
  dryRun?: boolean;
  /** Send again the rows an earlier run left "may have been sent". */
  resendUnknown?: boolean;
  /** Deadline of each send, in ms. */
  timeoutMs?: number;
  /** Stop taking rows; those in flight finish. */
  stop?: AbortSignal;
  /** Cancel the requests in flight too. */
  abort?: AbortSignal;
  /** More values to keep out of reports and journals. */
  redact?: readonly string[];
  /**
   * Collect garbage now and then to keep the process small (memory.ts): for a process of its own
   * (the CLI), never inside a shared one (the extension host).
   */
  collectGarbage?: boolean;
  onProgress?: (p: Progress) => void;
  /** Each request's result (for the editor's history), after its outcome is journaled. */
  onSent?: (e: { line: number; prepared: Extract<Prepared, { ok: true }>; result: SendResult }) => void;
  clock?: Clock;
  journalIo?: JournalIo;
}

export interface Progress {
  total: number;
  done: number;
  sent: number;
  errors: number;
  requests: number;
  ratePerSecond: number;
  elapsedMs: number;
}

export interface BulkSummary {
  ok: boolean;
  dryRun: boolean;
  rows: number;
  sent: number;
  rejected: number;
  invalid: number;
  unknown: number;
  skipped: number;
  /** Rows whose outcome came from an earlier run's journal (included in the counts above). */
  fromEarlierRuns: number;
  /** Dry run: rows that are valid and would be sent (reported as skipped: nothing was). */
  wouldSend: number;
  /** Rows that share a recipient with an earlier row but carry another message (sent, and said). */
  duplicateRecipients: number;
  /** HTTP requests this run made (retries of throttled rows included). */
  requests: number;
  throttled: number;
  durationMs: number;
  /** Requests per second this run, over its whole duration. */
  ratePerSecond: number;
  rate: number;
  rateSource: string;
  concurrency: number;
  /** Stopped before every row was considered (Ctrl-C, or the journal could not be written). */
  stopped: boolean;
  stopReason: string | null;
  /** The journal or the report could not be written (a full disk): the run stopped there. */
  ioError: boolean;
  journal: string | null;
  report: string | null;
  /** Rows that may have been sent: check them before sending again (`--resend-unknown`). */
  unknownRows: { line: number; recipient: string }[];
  /** The first invalid rows (all are in the report). */
  invalidRows: { line: number; problem: string }[];
  /** Dry run: the first row's request as it would go, credentials redacted. */
  firstRequest?: HttpRequest;
}

/** Refused before anything was sent; `exit` is the CLI's exit code. */
export class BulkError extends Error {
  constructor(
    message: string,
    readonly exit: 1 | 2,
  ) {
    super(message);
  }
}

const MAX_TRIES = 12;
const SHOWN_INVALID = 20;

interface Item {
  row: RecipientRow;
  prepared: Extract<Prepared, { ok: true }>;
  recipient: string;
  tries: number;
  notBefore: number;
}

function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

function placeholdersIn(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') for (const m of value.matchAll(new RegExp(PLACEHOLDER.source, 'g'))) out.add(m[1]);
  else if (Array.isArray(value)) value.forEach((v) => placeholdersIn(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => placeholdersIn(v, out));
  return out;
}

function oneLine(text: string | null | undefined): string | null {
  return text ? text.replace(/\s*\n\s*/g, ' ').trim() : null;
}

/** Check the payload and list, then send every row (or, dry, check them). */
export async function runBulk(input: BulkInput): Promise<BulkSummary> {
  const clock = input.clock ?? REAL_CLOCK;
  const started = clock.now();
  const { profile } = input;

  // ---- the payload: valid as a file, for this profile's provider, with placeholders ----
  const tpl = validateText(input.payloadText, { fileName: input.payloadFile, templates: input.templates });
  if (!tpl.provider) {
    const first = tpl.problems.find((p) => p.severity === 'error');
    throw new BulkError(`${input.payloadFile}: ${first?.message ?? 'cannot tell which API it is for; name it with a provider suffix (e.g. .whatsapp.json).'}`, 1);
  }
  if (tpl.provider.id !== profile.provider)
    throw new BulkError(`${input.payloadFile} is a ${tpl.provider.id} payload but profile "${profile.name}" is for ${profile.provider}: pick a ${tpl.provider.id} profile.`, 2);
  const tplErrors = tpl.problems.filter((p) => p.severity === 'error');
  if (tplErrors.length)
    throw new BulkError(
      `${input.payloadFile} has ${tplErrors.length} error${tplErrors.length === 1 ? '' : 's'}; nothing was sent. Run \`mwb validate ${input.payloadFile}\`. First: ${tplErrors[0].message}`,
      1,
    );
  const names = [...placeholdersIn(tpl.doc.value)];
  if (names.length === 0)
    throw new BulkError(
      `${input.payloadFile} has no {{NAME}} placeholders, so every row would get the same message to the same number. Put {{COLUMN}} where each row's values go (the recipient number too).`,
      1,
    );
  const pace: ProviderPace = tpl.provider.pace ?? { perSecond: 10, source: 'no documented default: 10 messages/s' };
  const rate = input.rate ?? pace.perSecond;

  // ---- the list: it must parse whole, and have a column for each placeholder ----
  const scan = await scanRecipients(input.recipientsFile, input.collectGarbage);
  const missing = names.filter((n) => !scan.columns.includes(n));
  if (scan.format === 'csv' && missing.length) {
    const hint = missing.map((n) => scan.columns.find((c) => c.toLowerCase() === n.toLowerCase())).filter(Boolean);
    throw new BulkError(
      `${input.recipientsFile} has no column ${missing.map((n) => `"${n}"`).join(', ')} for the payload's ${missing.map((n) => `{{${n}}}`).join(', ')}; its header has ${scan.columns.map((c) => `"${c}"`).join(', ')}.${hint.length ? ` Column names must match exactly (${hint.map((h) => `"${h}"`).join(', ')}?).` : ''} Nothing was sent.`,
      1,
    );
  }

  // ---- the journal: ours to resume, or new; proven writable before anything is sent ----
  const header: JournalHeader = {
    kind: JOURNAL_KIND,
    version: 1,
    payload: { file: input.payloadFile, sha256: sha256(input.payloadText) },
    recipients: { file: input.recipientsFile, sha256: scan.sha256, rows: scan.rows },
    endpoint: new URL(profile.endpoint ?? 'http://unknown').origin,
    startedAt: new Date().toISOString(),
  };
  let earlier = new Map<number, RowState>();
  let journal: JournalWriter | undefined;
  if (!input.dryRun) {
    try {
      const found = await readJournal(input.journalFile);
      if (found) {
        const why = mismatch(input.journalFile, found.header, header);
        if (why) throw new BulkError(why, 2);
        earlier = found.rows;
      }
      journal = await JournalWriter.open(input.journalFile, { header: found ? undefined : header, endpoint: header.endpoint, partialTail: found?.partialTail }, input.journalIo);
    } catch (e) {
      if (e instanceof JournalError) throw new BulkError(`${e.message} Nothing was sent.`, 2);
      throw e;
    }
  }
  let report: ReportWriter | undefined;
  try {
    report = input.reportFile ? new ReportWriter(input.reportFile) : undefined;
  } catch (e) {
    await journal?.close();
    throw new BulkError(`Cannot write the report ${input.reportFile} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}). Nothing was sent.`, 2);
  }

  // ---- the run ----
  const s: BulkSummary = {
    ok: false,
    dryRun: !!input.dryRun,
    rows: scan.rows,
    sent: 0,
    rejected: 0,
    invalid: 0,
    unknown: 0,
    skipped: 0,
    fromEarlierRuns: 0,
    wouldSend: 0,
    duplicateRecipients: 0,
    requests: 0,
    throttled: 0,
    durationMs: 0,
    ratePerSecond: 0,
    rate,
    rateSource: input.rate ? '--rate' : pace.source,
    concurrency: input.concurrency,
    stopped: false,
    stopReason: null,
    ioError: false,
    journal: input.dryRun ? null : input.journalFile,
    report: input.reportFile ?? null,
    unknownRows: [],
    invalidRows: [],
  };
  const bucket = new TokenBucket(rate, clock);
  // Every request in flight listens to the abort signal.
  if (input.abort) setMaxListeners(input.concurrency + 16, input.abort);
  const jwts = new JwtCache();
  const seenRecipients = new Map<string, number>();
  const seenMessages = new Map<string, number>();
  const retries: Item[] = [];
  let inFlight = 0;
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const changed = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      if (ms < Infinity) void clock.sleep(ms).then(() => notify());
    });
  /** Set when going on cannot help: the provider refused the credentials. */
  let halt: string | undefined;
  const stopping = () => !!input.stop?.aborted || !!journal?.failed || halt !== undefined;
  const done = () => s.sent + s.rejected + s.invalid + s.unknown + s.skipped;
  const progress = () => {
    const elapsedMs = clock.now() - started;
    input.onProgress?.({
      total: scan.rows,
      done: done(),
      sent: s.sent,
      errors: s.rejected + s.invalid + s.unknown,
      requests: s.requests,
      ratePerSecond: elapsedMs > 0 ? (s.requests / elapsedMs) * 1000 : 0,
      elapsedMs,
    });
  };

  const memory = input.collectGarbage ? memoryKeeper(1000, 250) : { tick: () => undefined };
  const record = (r: ReportRow, carried = false) => {
    memory.tick();
    s[r.outcome]++;
    if (carried) s.fromEarlierRuns++;
    if (r.outcome === 'unknown') s.unknownRows.push({ line: r.line, recipient: r.recipient });
    if (r.outcome === 'invalid' && s.invalidRows.length < SHOWN_INVALID) s.invalidRows.push({ line: r.line, problem: r.problem ?? '' });
    try {
      report?.row(r);
    } catch (e) {
      s.stopReason ??= `The report ${input.reportFile} could not be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`;
    }
    progress();
  };
  const final = (item: Item, outcome: RowOutcome, r: Partial<SendResult>, problem?: string | null) => {
    const row: ReportRow = { line: item.row.line, recipient: item.recipient, outcome, messageId: r.messageId ?? null, status: r.status ?? null, problem: oneLine(problem ?? r.problem) };
    try {
      journal?.outcome({ line: row.line, outcome, to: row.recipient, status: row.status, messageId: row.messageId, problem: row.problem });
    } catch {
      // The disk refused it: the journal keeps the intent, so a resumed run lists this row as unknown.
    }
    record(row);
  };

  /** Fill, validate and de-duplicate one row; undefined when it is reported without a send. */
  const prepareRow = (row: RecipientRow): Item | undefined => {
    const before = earlier.get(row.line);
    if (before && 'done' in before) {
      const d = before.done;
      record({ line: row.line, recipient: d.to ?? '', outcome: d.outcome as RowOutcome, messageId: d.messageId ?? null, status: d.status ?? null, problem: d.problem ?? null }, true);
      return undefined;
    }
    if (before && 'inFlight' in before && !input.resendUnknown) {
      record(
        {
          line: row.line,
          recipient: before.inFlight.to,
          outcome: 'unknown',
          messageId: null,
          status: null,
          problem: 'An earlier run sent this request and stopped before its answer: it may have been sent. Check its status; --resend-unknown sends it again.',
        },
        true,
      );
      return undefined;
    }
    const invalid = (problem: string, recipient = '') => {
      const r: ReportRow = { line: row.line, recipient, outcome: 'invalid', messageId: null, status: null, problem };
      try {
        journal?.outcome({ line: r.line, outcome: 'invalid', to: recipient, problem });
      } catch {
        // see final()
      }
      record(r);
      return undefined;
    };
    const filled = fillValue(tpl.doc.value, row.values);
    if (filled.missing.length) return invalid(`no value for ${filled.missing.map((n) => `{{${n}}}`).join(', ')} on this row (a JSON Lines row needs a "${filled.missing[0]}" field).`);
    // Row values are data, never placeholders: an unresolved {{X}} left by a value is refused below.
    const prepared = prepareSend({ text: JSON.stringify(filled.value), fileName: input.payloadFile, profile, variables: {}, templates: input.templates });
    const recipient = prepared.validation.model?.to?.text ?? '';
    if (!prepared.ok) {
      const errors = prepared.validation.problems.filter((p) => p.severity === 'error');
      const why = errors.length
        ? errors
            .slice(0, 3)
            .map((p) => `${p.message}${p.pointer ? ` (at ${p.pointer})` : ''}`)
            .join('; ') + (errors.length > 3 ? `; and ${errors.length - 3} more` : '')
        : prepared.message.replace(/^Not sent: /, '');
      return invalid(why, recipient);
    }
    // Short hashes, not the strings: V8 keeps a whole parsed payload alive behind a substring.
    const who = createHash('sha1').update(recipient).digest('base64').slice(0, 12);
    const what = createHash('sha1')
      .update(recipient)
      .update('\0')
      .update(prepared.request.body ?? '')
      .digest('base64')
      .slice(0, 12);
    const firstLine = seenRecipients.get(who);
    const sameAs = seenMessages.get(what);
    if (sameAs !== undefined) {
      const r: ReportRow = { line: row.line, recipient, outcome: 'skipped', messageId: null, status: null, problem: `the same message to the same recipient as line ${sameAs}: not sent twice.` };
      try {
        journal?.outcome({ line: r.line, outcome: 'skipped', to: recipient, problem: r.problem });
      } catch {
        // see final()
      }
      record(r);
      return undefined;
    }
    if (firstLine !== undefined) s.duplicateRecipients++;
    else seenRecipients.set(who, row.line);
    seenMessages.set(what, row.line);
    return { row, prepared, recipient, tries: 0, notBefore: 0 };
  };

  const rows = readRecipients(input.recipientsFile).rows;
  let exhausted = false;
  const nextItem = async (): Promise<Item | undefined> => {
    for (;;) {
      if (stopping()) return undefined;
      retries.sort((a, b) => a.notBefore - b.notBefore);
      if (retries.length && retries[0].notBefore <= clock.now()) return retries.shift();
      if (!exhausted) {
        const r = await rows.next();
        if (r.done) exhausted = true;
        else {
          const item = prepareRow(r.value);
          if (item) return item;
          continue;
        }
      }
      if (!retries.length && inFlight === 0) return undefined;
      await changed(retries.length ? Math.max(0, retries[0].notBefore - clock.now()) : Infinity);
    }
  };

  const send = async (item: Item) => {
    const r = await sendPrepared(item.prepared, profile, input.secrets, {
      http: { timeoutMs: input.timeoutMs, retryStatuses: false, maxAttempts: 1, signal: input.abort },
      jwts,
      redact: input.redact,
      omitRequest: true,
    });
    if (r.outcome !== 'not-sent' || !r.retryable) queueMicrotask(() => input.onSent?.({ line: item.row.line, prepared: item.prepared, result: r }));
    if (r.outcome === 'sent') return final(item, 'sent', r, r.notes.find((n) => n.startsWith('Sent, but')) ?? null);
    if (r.outcome === 'unknown') return final(item, 'unknown', r);
    if (r.status === 401 || r.stage === 'auth')
      halt ??= `Stopped: the provider refused the credentials (line ${item.row.line}); every other row would be refused too. Fix them and run again with the same --journal.`;
    const code = r.explained?.code ?? '';
    // The pair limit (131056) may come as a 429 too: it is about one number, not the whole run.
    const pair = !!pace.pairCodes?.includes(code);
    const throttled = !pair && (r.status === 429 || r.status === 503 || !!pace.throttledCodes?.includes(code));
    const neverLeft = r.retryable === true && r.status === null;
    const cancelled = !!input.abort?.aborted;
    if ((throttled || pair || neverLeft || cancelled) && (item.tries < MAX_TRIES || cancelled)) {
      try {
        journal?.outcome({ line: item.row.line, outcome: 'retry', to: item.recipient, status: r.status, problem: oneLine(r.problem) });
      } catch {
        // see final()
      }
      if (cancelled || stopping()) {
        record({
          line: item.row.line,
          recipient: item.recipient,
          outcome: 'skipped',
          messageId: null,
          status: r.status,
          problem: 'not sent: the run was stopped before this request left. Run again with the same journal to send it.',
        });
        return;
      }
      item.tries++;
      const wait = r.retryAfterMs ?? backoffMs(item.tries, 500, 30_000, Math.random);
      if (throttled) {
        s.throttled++;
        bucket.slowDown(wait);
        item.notBefore = clock.now();
      } else item.notBefore = clock.now() + (pair ? (pace.pairWaitMs ?? 6_000) : wait);
      retries.push(item);
      return;
    }
    return final(item, 'rejected', r, throttled || pair || neverLeft ? `still not taken after ${item.tries + 1} tries: ${r.problem ?? `HTTP ${r.status}`}` : undefined);
  };

  try {
    if (input.dryRun) {
      for await (const row of rows) {
        const item = prepareRow(row);
        if (!item) continue;
        if (!s.firstRequest) s.firstRequest = (await dryRun(item.prepared, profile, input.secrets, input.redact)).request;
        // A dry run counts the rows that would be sent as skipped: nothing was.
        s.wouldSend++;
        record({ line: row.line, recipient: item.recipient, outcome: 'skipped', messageId: null, status: null, problem: 'dry run: valid, not sent' });
      }
    } else {
      for (;;) {
        while (inFlight >= input.concurrency) await changed(Infinity);
        const item = await nextItem();
        if (!item) break;
        if (stopping()) {
          retries.push(item);
          break;
        }
        inFlight++;
        // Intents of rows started together share one fsync (group commit). The token comes after the
        // intent is on disk, so a slow disk cannot bunch requests: the wire sees the rate.
        void journal!
          .intent({ line: item.row.line, to: item.recipient })
          .then(
            async () => {
              await bucket.take();
              if (stopping()) {
                // Its intent is on disk but it never left: say so, so the next run sends it.
                try {
                  journal!.outcome({ line: item.row.line, outcome: 'retry', to: item.recipient, problem: 'stopped before the request left' });
                } catch {
                  // the disk is full: the row stays "may have been sent" in the journal
                }
                record({
                  line: item.row.line,
                  recipient: item.recipient,
                  outcome: 'skipped',
                  messageId: null,
                  status: null,
                  problem: 'not sent: the run was stopped before this request left. Run again with the same journal to send it.',
                });
                return;
              }
              s.requests++;
              return send(item).catch((e) => final(item, 'unknown', {}, `internal error after the request was prepared: ${(e as Error).message}`));
            },
            // The intent is not on disk, so the request must not leave; the run stops (journal.failed).
            () => record({ line: item.row.line, recipient: item.recipient, outcome: 'skipped', messageId: null, status: null, problem: 'not sent: the journal could not record it first.' }),
          )
          .finally(() => {
            inFlight--;
            notify();
          });
      }
      while (inFlight > 0) await changed(Infinity);
    }
  } finally {
    await rows.return(undefined);
  }

  s.ioError = !!journal?.failed || s.stopReason !== null;
  if (halt) s.stopReason = halt;
  else if (journal?.failed) s.stopReason = `${journal.failed.message} The run stopped; the journal is intact: free space and run again with the same --journal to continue.`;
  else if (input.stop?.aborted) s.stopReason = 'Stopped (Ctrl-C): the requests in flight finished. Run again with the same --journal to continue.';
  s.stopped = s.stopReason !== null || done() < scan.rows;
  if (s.stopped && !s.stopReason) s.stopReason = 'Stopped before every row was considered.';
  s.durationMs = Math.round(clock.now() - started);
  s.ratePerSecond = s.durationMs > 0 ? Math.round((s.requests / s.durationMs) * 1000 * 10) / 10 : 0;
  s.ok = !s.stopped && s.rejected === 0 && s.invalid === 0 && s.unknown === 0;
  await journal?.close();
  try {
    report?.finish(summaryForReport(s));
  } catch {
    // reported by the stop reason already, or nothing more to do
  }
  return s;
}

function summaryForReport(s: BulkSummary) {
  const { firstRequest: _first, invalidRows: _invalid, ...rest } = s;
  return rest;
}
