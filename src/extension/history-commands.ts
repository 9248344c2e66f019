/**
 * Show Send History (pick a send to repeat it) and Clear Send History. A re-send goes exactly where
 * and as the recorded one did: the recorded profile and body, never the file's current content or
 * the active profile, and only after the user has seen where it goes and said yes.
 */
import * as vscode from 'vscode';
import type { SendResult } from '../pipeline/send';
import { deliver } from './deliver';
import { REDACTED, type HistoryEntry } from './history';
import { domain } from './lazy-domain';
import type { SendDeps } from './send-deps';
import { requireTrust } from './trust';
import { COMMANDS } from './ids';

function row(e: HistoryEntry) {
  return {
    label: `${e.ok ? '$(pass)' : '$(error)'} ${e.to ?? '(no recipient)'} · ${e.summary}`,
    description: `${e.profile} · ${e.host} · HTTP ${e.status ?? '-'}`,
    detail: `${new Date(e.time).toLocaleString()} · ${e.file}${e.messageId ? ` · ${e.messageId}` : ''}${e.problem ? ` · ${e.problem.split('\n')[0]}` : ''}`,
    entry: e,
  };
}

/** Send a recorded message again, with its recorded profile and body. */
export async function resend(entry: HistoryEntry, deps: SendDeps): Promise<SendResult | undefined> {
  if (!requireTrust('Sending')) return undefined;
  const body = JSON.stringify(entry.body);
  if (body === undefined || body.includes(REDACTED)) {
    void vscode.window.showErrorMessage(`Cannot send this message again from the history: it carried a secret value, which the history does not keep. Send ${entry.file} again instead.`);
    return undefined;
  }
  const resolved = await deps.profiles.byName(entry.profile, entry.provider, entry.auth);
  if (resolved === undefined) return undefined;
  if (typeof resolved === 'string') {
    void vscode.window.showErrorMessage(`Cannot send this message again: ${resolved} It went to ${entry.host}. Send ${entry.file} with another profile instead.`);
    return undefined;
  }
  const prepared = domain().prepareSend({ text: body, fileName: entry.file, profile: resolved.profile, variables: {} });
  if (!prepared.ok) {
    void vscode.window.showErrorMessage(`Cannot send this message again: ${prepared.message}`);
    return undefined;
  }
  const host = new URL(prepared.request.url).origin;
  const moved = host !== entry.host ? ` (it went to ${entry.host} last time)` : '';
  // A pick rather than a dialog: it shows where and what in full, and Escape or "Cancel" sends nothing.
  const answer = await vscode.window.showQuickPick(
    [
      {
        label: `$(send) Send again to ${entry.to ?? 'the recorded recipient'}`,
        description: `with "${resolved.profile.name}" at ${host}${moved}`,
        detail: `${entry.summary} (the body sent last time, from ${entry.file}; the file itself is not read)`,
        send: true,
      },
      { label: '$(close) Cancel', description: 'send nothing', send: false },
    ],
    { title: 'Send this message again?', ignoreFocusOut: true },
  );
  if (!answer?.send) return undefined;
  return deliver({ prepared, resolved, file: entry.file, title: `Sending again to ${entry.to ?? 'the recipient'} with ${resolved.profile.name}` }, deps);
}

export function register(deps: SendDeps): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.showHistory, async () => {
      const entries = deps.history.entries();
      if (entries.length === 0) {
        void vscode.window.showInformationMessage('Nothing sent yet. Open a payload file and run "Message Workbench: Send Message".');
        return undefined;
      }
      const pick = await vscode.window.showQuickPick(entries.map(row), { title: 'Message Workbench: sent messages (pick one to send it again)', matchOnDescription: true, matchOnDetail: true });
      return pick ? resend(pick.entry, deps) : undefined;
    }),
    vscode.commands.registerCommand(COMMANDS.clearHistory, async () => {
      const n = deps.history.entries().length;
      if (n === 0) {
        void vscode.window.showInformationMessage('The send history is already empty.');
        return;
      }
      const clear = 'Clear History';
      if ((await vscode.window.showWarningMessage(`Clear the ${n} sent message${n === 1 ? '' : 's'} from the send history? The payload files are not touched.`, { modal: true }, clear)) !== clear)
        return;
      await deps.history.clear();
      void vscode.window.showInformationMessage('Send history cleared.');
    }),
  ];
}
