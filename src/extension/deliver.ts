/**
 * The second half of every send from the editor (Send Message, re-send from the history): send a
 * prepared request with progress and Cancel, log it, keep it in the history, and say what happened.
 */
import * as vscode from 'vscode';
import type { Prepared, SendResult } from '../pipeline/send';
import { domain } from './lazy-domain';
import type { ResolvedProfile } from './profiles';
import type { HistoryEntry } from './history';
import type { Profile } from '../core/profile';
import type { SendDeps } from './send-deps';
import { failureMessage } from './send-text';
import { COMMANDS } from './ids';
import { applyHttpSettings, sendTimeoutMs } from './http-settings';

/** The user's messageWorkbench.http.timeoutSeconds: the deadline of each request the editor makes. */
export const responseTimeoutMs = sendTimeoutMs;

function describe(result: SendResult): string {
  const id = result.messageId ? `, message id ${result.messageId}` : '';
  const tries = result.attempts > 1 ? ` after ${result.attempts} attempts` : '';
  return `HTTP ${result.status ?? '-'} in ${result.durationMs} ms${tries}${id}`;
}

/** What the history keeps of one send: where, to whom, what (secret values replaced), and what came back. */
export function historyEntry(prepared: Extract<Prepared, { ok: true }>, result: SendResult, profile: Profile, file: string, redact: readonly string[]): HistoryEntry {
  const sent = domain().providerOf(prepared.provider.id).toModel(prepared.payload);
  const scrub = (text: string) => domain().redact(text, redact);
  return {
    time: new Date().toISOString(),
    file,
    profile: profile.name,
    provider: profile.provider,
    auth: profile.auth,
    host: new URL(prepared.request.url).origin,
    to: sent?.to?.text === undefined ? undefined : scrub(sent.to.text),
    summary: scrub(domain().summarizeMessage(sent)),
    body: JSON.parse(scrub(JSON.stringify(prepared.payload))),
    ok: result.ok,
    status: result.status,
    messageId: result.messageId,
    durationMs: result.durationMs,
    attempts: result.attempts,
    problem: result.problem,
  };
}

export interface Delivery {
  prepared: Extract<Prepared, { ok: true }>;
  resolved: ResolvedProfile;
  /** The payload file, relative to the workspace. */
  file: string;
  /** The progress notification's title. */
  title: string;
}

export async function deliver({ prepared, resolved, file, title }: Delivery, deps: SendDeps): Promise<SendResult> {
  const { profile, secrets } = resolved;
  const redact = await deps.environments.secretValues();
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (_progress, token) => {
    const abort = new AbortController();
    token.onCancellationRequested(() => abort.abort(new Error('Cancelled')));
    applyHttpSettings();
    return domain().sendPrepared(prepared, profile, secrets, { http: { signal: abort.signal, timeoutMs: responseTimeoutMs() }, redact });
  });

  deps.log.info(`send ${file} with ${profile.name} (${profile.provider}) -> ${result.ok ? 'sent' : 'failed'}: ${describe(result)}${result.problem ? `\n${result.problem}` : ''}`);
  for (const note of result.notes) deps.log.info(`  ${note}`);
  // Nothing left the machine when the credentials were missing: that is a refusal, not a send.
  if (result.stage !== 'auth') {
    await deps.history.add(historyEntry(prepared, result, profile, file, redact));
  }
  if (result.ok) {
    const copy = 'Copy Message ID';
    void vscode.window.showInformationMessage(`Sent with ${profile.name}: ${describe(result)}.`, ...(result.messageId ? [copy] : [])).then((a) => {
      if (a === copy && result.messageId) void vscode.env.clipboard.writeText(result.messageId);
    });
  } else {
    const details = 'Show Details';
    const simulate = 'Simulate Customer Message';
    // In the sandbox the way out of a closed 24 h window is one click away; elsewhere the customer must write first.
    const recipient = prepared.validation.model?.to?.text;
    // Not for a {{PLACEHOLDER}} recipient: its value may be a secret, and the simulation would show it.
    const offerSimulate = resolved.sandbox && recipient !== undefined && !recipient.includes('{{') && !!result.windowClosed;
    // A closed window on WhatsApp (answered at once, as some APIs do): an approved template may go instead.
    const template = 'Send a Template Instead';
    const offerTemplate = !!result.windowClosed && ['whatsapp', 'vonage', 'vonage-legacy'].includes(profile.provider);
    const setCredentials = 'Set Credentials';
    const offerCredentials = !resolved.sandbox && (result.stage === 'auth' || result.status === 401);
    void vscode.window.showErrorMessage(failureMessage(profile.name, result), details, ...(offerTemplate ? [template] : []), ...(offerSimulate ? [simulate] : []), ...(offerCredentials ? [setCredentials] : [])).then((a) => {
      if (a === template) void vscode.commands.executeCommand(COMMANDS.newMessageFromTemplate, { to: recipient?.includes('{{') ? undefined : recipient, provider: profile.provider });
      if (a === details) deps.log.show(true);
      if (a === setCredentials) void vscode.commands.executeCommand(COMMANDS.setCredentials);
      if (a === simulate) void vscode.commands.executeCommand(COMMANDS.sandboxInbound, recipient);
    });
  }
  return result;
}
