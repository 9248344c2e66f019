/**
 * "Send to Recipient List...": the payload in the editor, filled from each row of a CSV or JSON
 * Lines file, sent by the same runner as `mwb bulk` (paced, journaled, exactly once). It first
 * shows what will be sent and asks; it runs with progress and Cancel, then opens the report.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BulkSummary } from '../bulk/runner';
import { domain } from './lazy-domain';
import type { SendDeps } from './send-deps';
import { documentFor, profileForDocument } from './send';
import { historyEntry } from './deliver';
import { recordSent } from './conversation-sends';
import { applyHttpSettings, sendTimeoutMs } from './http-settings';
import type { HistoryEntry } from './history';
import { requireTrust } from './trust';
import { COMMANDS } from './ids';

export interface BulkOptions {
  /** The recipient list; asked for when absent. */
  recipients?: vscode.Uri;
  /** Skip the confirmation: honoured only under ExtensionMode.Test. */
  confirmed?: boolean;
}

const HISTORY_ROWS = 100;

function seconds(ms: number): string {
  return ms < 90_000 ? `${Math.max(1, Math.round(ms / 1000))} s` : `${Math.round(ms / 60_000)} min`;
}

async function sendToList(uri: vscode.Uri | undefined, options: BulkOptions, deps: SendDeps, mode: vscode.ExtensionMode): Promise<BulkSummary | undefined> {
  if (!requireTrust('Sending')) return undefined;
  const doc = await documentFor(uri instanceof vscode.Uri ? uri : undefined, 'send it to a recipient list');
  if (!doc) return undefined;
  const file = vscode.workspace.asRelativePath(doc.uri);
  const text = doc.getText();
  if (!/\{\{\s*[A-Za-z_][A-Za-z0-9_]*\s*\}\}/.test(text)) {
    void vscode.window.showWarningMessage(`${file} has no {{NAME}} placeholders: put {{COLUMN}} where each row's values go (the recipient number too), then send it to a list.`);
    return undefined;
  }
  const list =
    options.recipients ??
    (
      await vscode.window.showOpenDialog({
        canSelectMany: false,
        openLabel: 'Send to This List',
        filters: { 'Recipient lists': ['csv', 'jsonl', 'ndjson'] },
        defaultUri: vscode.Uri.joinPath(doc.uri, '..'),
      })
    )?.[0];
  if (!list) return undefined;

  const resolved = await profileForDocument(doc, deps);
  if (!resolved) return undefined;
  const { profile, secrets } = resolved;
  const templates = await deps.templates.ready();
  const redact = await deps.environments.secretValues();
  const base = list.fsPath.replace(/\.(csv|jsonl|ndjson)$/i, '');
  const common = {
    payloadFile: doc.uri.fsPath,
    payloadText: text,
    recipientsFile: list.fsPath,
    profile,
    secrets,
    templates,
    concurrency: 16,
    journalFile: `${list.fsPath}.journal.jsonl`,
    timeoutMs: sendTimeoutMs(),
    redact,
  };
  applyHttpSettings();

  // A dry run first: the whole list read, every row checked, nothing sent.
  let dry: BulkSummary;
  try {
    dry = await domain().runBulk({ ...common, dryRun: true });
  } catch (e) {
    if (e instanceof domain().BulkError || e instanceof domain().RecipientsError) {
      void vscode.window.showErrorMessage(`Not sent: ${(e as Error).message}`);
      return undefined;
    }
    throw e;
  }
  if (dry.wouldSend === 0) {
    void vscode.window.showErrorMessage(
      `Nothing to send: none of the ${dry.rows} rows of ${path.basename(list.fsPath)} is valid${dry.invalidRows[0] ? ` (line ${dry.invalidRows[0].line}: ${dry.invalidRows[0].problem})` : ''}.`,
    );
    return undefined;
  }
  const host = new URL(dry.firstRequest?.url ?? profile.endpoint ?? 'http://unknown').host;
  let first = dry.firstRequest?.body ?? '';
  try {
    first = JSON.stringify(JSON.parse(first), null, 2);
  } catch {
    // shown as it is
  }
  const go = `Send ${dry.wouldSend} Message${dry.wouldSend === 1 ? '' : 's'}`;
  if (!(options.confirmed && mode === vscode.ExtensionMode.Test)) {
    const detail = [
      `${dry.wouldSend} of ${dry.rows} rows of ${path.basename(list.fsPath)} with profile "${profile.name}" to ${host}, at ${dry.rate}/s (${dry.rateSource}), about ${seconds((dry.wouldSend / dry.rate) * 1000)}.`,
      dry.invalid ? `${dry.invalid} invalid rows will not be sent (line ${dry.invalidRows[0].line}: ${dry.invalidRows[0].problem}).` : '',
      dry.skipped - dry.wouldSend > 0 ? `${dry.skipped - dry.wouldSend} rows repeat an earlier row and will not be sent.` : '',
      'Rows already sent by an earlier run with this list are not sent again (journal beside the list).',
      '',
      'The first message:',
      first,
    ].filter((l, i) => l !== '' || i === 4);
    const answer = await vscode.window.showWarningMessage(`Send ${file} to ${dry.wouldSend} recipients?`, { modal: true, detail: detail.join('\n') }, go);
    if (answer !== go) return undefined;
  }

  const reportFile = `${base}.report.csv`;
  const lastRows: HistoryEntry[] = [];
  let summary: BulkSummary;
  try {
    summary = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Sending ${path.basename(doc.uri.path)} to ${path.basename(list.fsPath)}`, cancellable: true },
      (progress, token) => {
        const stop = new AbortController();
        token.onCancellationRequested(() => stop.abort());
        let shown = 0;
        return domain().runBulk({
          ...common,
          reportFile,
          stop: stop.signal,
          onProgress: (p) => {
            const pct = (p.done / p.total) * 100;
            progress.report({ increment: pct - shown, message: `${p.done}/${p.total} · ${p.sent} sent · ${p.errors} not sent or unknown` });
            shown = pct;
          },
          onSent: ({ prepared, result }) => {
            lastRows.push(historyEntry(prepared, result, profile, file, redact));
            // Each message joins its conversation (the threads are bounded), where its statuses move it.
            if (deps.conversations) recordSent(deps.conversations, { prepared, result, profile: profile.name, file, redact, origin: 'bulk' });
            if (lastRows.length > HISTORY_ROWS) lastRows.shift();
          },
        });
      },
    );
  } catch (e) {
    if (e instanceof domain().BulkError || e instanceof domain().RecipientsError) {
      void vscode.window.showErrorMessage(`Not sent: ${(e as Error).message}`);
      return undefined;
    }
    throw e;
  }
  // The history keeps the last sends, each one as Send Message would record it.
  for (const entry of lastRows) await deps.history.add(entry);
  deps.log.info(
    `bulk ${file} -> ${list.fsPath} with ${profile.name}: ${summary.sent} sent, ${summary.rejected} rejected, ${summary.invalid} invalid, ${summary.unknown} unknown, ${summary.skipped} skipped; ${summary.requests} requests in ${summary.durationMs} ms${summary.stopReason ? `; ${summary.stopReason}` : ''}`,
  );
  for (const u of summary.unknownRows) deps.log.warn(`  line ${u.line} (${u.recipient}) may have been sent: check its status before sending again`);

  const words = `${summary.sent} sent, ${summary.rejected} rejected, ${summary.invalid} invalid, ${summary.unknown} unknown${summary.stopReason ? `. ${summary.stopReason}` : ''}`;
  if (summary.ok) void vscode.window.showInformationMessage(`Sent ${file} to ${path.basename(list.fsPath)}: ${words}.`);
  else void vscode.window.showWarningMessage(`${file} to ${path.basename(list.fsPath)}: ${words}. The report lists each row.`);
  await vscode.window.showTextDocument(vscode.Uri.file(reportFile), { preview: false, preserveFocus: mode === vscode.ExtensionMode.Test });
  return summary;
}

export function register(deps: SendDeps, mode: vscode.ExtensionMode): vscode.Disposable[] {
  return [vscode.commands.registerCommand(COMMANDS.sendToRecipientList, (uri?: vscode.Uri, options?: BulkOptions) => sendToList(uri, options ?? {}, deps, mode))];
}
