/**
 * `mwb bulk`: one payload to every row of a recipient list, at the provider's pace, exactly once,
 * resumable from its journal. Exit 0: every row sent (or skipped as a duplicate); 1: the payload or
 * list has problems, or some row was invalid, rejected, may have been sent (unknown), or the run
 * was stopped; 2: usage or I/O (a file that cannot be read or written, a journal of another run,
 * a full disk).
 */
import { parseArgs } from 'node:util';
import * as path from 'node:path';
import type { Secrets } from '../../core/profile';
import { envSecretValues, secretsFromEnv, EnvSecretError } from '../../core/auth/env-secrets';
import { redact } from '../../core/auth/apply';
import { ALL_AUTH, authDefOf } from '../../providers/registry';
import { BulkError, runBulk, type BulkSummary, type Progress } from '../../bulk/runner';
import { RecipientsError } from '../../bulk/recipients';
import { CliFailure, loadForSend } from '../load-payload';
import { loadTemplateCatalog } from '../template-catalog';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UsageError, err, out } from '../output';
import { timeoutMs } from './send';

export const usage =
  'mwb bulk --payload FILE --recipients FILE [--profile NAME | --endpoint URL] [--rate N] [--concurrency N] [--journal FILE] [--report FILE] [--timeout SECONDS] [--resend-unknown] [--dry-run] [--json]';

function positive(name: string, value: string | undefined, max: number, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(n > 0) || n > max || (integer && !Number.isInteger(n))) throw new UsageError(`--${name} must be a ${integer ? 'whole ' : ''}number between ${integer ? 1 : 0} and ${max} (got "${value}").`);
  return n;
}

function duration(ms: number): string {
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  if (s < 90) return `${s} s`;
  if (s < 5400) return `${Math.round(s / 60)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}

function progressLine(p: Progress): string {
  const left = p.ratePerSecond > 0 ? ` · about ${duration(((p.total - p.done) / p.ratePerSecond) * 1000)} left` : '';
  return `${p.done}/${p.total} rows · ${p.sent} sent · ${p.ratePerSecond.toFixed(1)}/s · ${p.errors} not sent or unknown${left}`;
}

function words(s: BulkSummary): string[] {
  if (s.dryRun) {
    const lines = [
      `Dry run, nothing sent: ${s.rows} rows: ${s.wouldSend} would be sent, ${s.invalid} invalid, ${s.skipped - s.wouldSend} skipped as duplicates.`,
      `At ${s.rate}/s (${s.rateSource}) that takes about ${duration((s.wouldSend / s.rate) * 1000)}.`,
    ];
    for (const i of s.invalidRows.slice(0, 10)) lines.push(`  line ${i.line}: ${i.problem}`);
    if (s.invalid > 10) lines.push(`  ... ${s.invalid - 10} more invalid rows`);
    return lines;
  }
  const lines = [
    `${s.dryRun ? 'Dry run: ' : ''}${s.rows} rows: ${s.sent} sent, ${s.rejected} rejected, ${s.invalid} invalid, ${s.unknown} unknown, ${s.skipped} skipped${s.fromEarlierRuns ? ` (${s.fromEarlierRuns} from earlier runs)` : ''}.`,
    `${s.requests} requests in ${duration(s.durationMs)} (${s.ratePerSecond}/s; pace ${s.rate}/s from ${s.rateSource}, ${s.concurrency} in flight at most${s.throttled ? `; slowed down ${s.throttled} times by the provider` : ''}).`,
  ];
  if (s.duplicateRecipients) lines.push(`${s.duplicateRecipients} rows go to a recipient an earlier row also has (with another message); see the report.`);
  if (s.unknownRows.length) {
    lines.push(`${s.unknownRows.length} may have been sent: check their status before sending again (--resend-unknown sends them again):`);
    for (const u of s.unknownRows.slice(0, 10)) lines.push(`  line ${u.line}: ${u.recipient}`);
    if (s.unknownRows.length > 10) lines.push(`  ... and ${s.unknownRows.length - 10} more (see the report)`);
  }
  for (const i of s.invalidRows.slice(0, 10)) lines.push(`  line ${i.line}: ${i.problem}`);
  if (s.invalid > 10) lines.push(`  ... ${s.invalid - 10} more invalid rows (see the report)`);
  if (s.stopReason) lines.push(s.stopReason);
  if (s.journal) lines.push(`Journal: ${s.journal}${s.report ? `; report: ${s.report}` : ''}`);
  else if (s.report) lines.push(`Report: ${s.report}`);
  return lines;
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      payload: { type: 'string' },
      recipients: { type: 'string' },
      profile: { type: 'string' },
      endpoint: { type: 'string' },
      rate: { type: 'string' },
      concurrency: { type: 'string' },
      journal: { type: 'string' },
      report: { type: 'string' },
      timeout: { type: 'string' },
      'resend-unknown': { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
    },
  });
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}".`);
  if (!values.payload || !values.recipients) throw new UsageError('bulk needs --payload FILE and --recipients FILE.');
  const rate = positive('rate', values.rate, 10_000, false);
  const concurrency = positive('concurrency', values.concurrency, 256, true) ?? 16;
  const timeout = timeoutMs(values.timeout);

  const secretsSeen = envSecretValues(ALL_AUTH);
  const say = (text: string) => out(redact(text, secretsSeen));
  const complain = (text: string) => err(redact(text, secretsSeen));

  let loaded;
  try {
    loaded = loadForSend(values.payload, values);
  } catch (e) {
    if (e instanceof CliFailure) {
      complain(`mwb bulk: ${e.message}`);
      return e.exit;
    }
    throw e;
  }
  const { profile, text } = loaded;
  const auth = authDefOf(profile.provider, profile.auth);
  let secrets: Secrets = {};
  try {
    secrets = auth ? secretsFromEnv(auth) : {};
  } catch (e) {
    if (!(e instanceof EnvSecretError)) throw e;
    // A dry run shows the requests without credentials; a real run needs them before row 1.
    if (!values['dry-run']) {
      complain(`mwb bulk: ${e.message} Nothing was sent.`);
      return EXIT_USAGE;
    }
  }

  const stop = new AbortController();
  const abort = new AbortController();
  const onSignal = () => {
    if (!stop.signal.aborted) {
      stop.abort();
      complain('\nmwb bulk: stopping: no new rows; the requests in flight finish and are journaled (Ctrl-C again cancels them).');
    } else abort.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const tty = !values.json && process.stderr.isTTY;
  let last: Progress | undefined;
  const ticker = tty ? setInterval(() => last && process.stderr.write(`\r\x1b[K${progressLine(last)}`), 250) : undefined;

  let summary: BulkSummary;
  try {
    summary = await runBulk({
      payloadFile: values.payload,
      payloadText: text,
      recipientsFile: values.recipients,
      profile,
      secrets,
      templates: loadTemplateCatalog(path.dirname(path.resolve(values.payload))),
      rate,
      concurrency,
      journalFile: values.journal ?? `${values.recipients}.journal.jsonl`,
      reportFile: values.report,
      dryRun: values['dry-run'],
      resendUnknown: values['resend-unknown'],
      timeoutMs: timeout,
      stop: stop.signal,
      abort: abort.signal,
      redact: secretsSeen,
      // The CLI is a process of its own: keep 100,000 rows at the memory of 100.
      collectGarbage: true,
      onProgress: (p) => (last = p),
    });
  } catch (e) {
    if (e instanceof BulkError || e instanceof RecipientsError) {
      const exit = e instanceof BulkError ? e.exit : e.io ? EXIT_USAGE : EXIT_PROBLEMS;
      if (values.json) say(JSON.stringify({ ok: false, problem: e.message }, null, 2));
      complain(`mwb bulk: ${e.message}`);
      return exit;
    }
    throw e;
  } finally {
    if (ticker) {
      clearInterval(ticker);
      process.stderr.write('\r\x1b[K');
    }
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }

  if (values.json) say(JSON.stringify(summary, null, 2));
  else {
    if (summary.dryRun && summary.firstRequest) {
      const r = summary.firstRequest;
      say(`First row's request (profile "${profile.name}", credentials redacted):\n${r.method} ${r.url}\n${r.body ?? ''}`);
    }
    say(words(summary).join('\n'));
  }
  if (summary.ioError) return EXIT_USAGE;
  return summary.ok ? EXIT_OK : EXIT_PROBLEMS;
}
