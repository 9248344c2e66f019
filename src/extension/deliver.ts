/**
 * The second half of every send from the editor (Send Message, re-send from the history): send a
 * prepared request with progress and Cancel, log it, keep it in the history and its conversation,
 * and say what happened: where status webhooks come back, the same notification follows the message
 * (Sent, Delivered, Read or Failed) before the outcome is announced.
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
import { recordSent } from './conversation-sends';
import { followStatuses } from './status-follow';
import { announceOutcome, finalStepOf } from './send-outcome';

/** How long the notification waits for the first status webhook, and then for each next one. */
const FIRST_STATUS_MS = 20_000;
const NEXT_STATUS_MS = 60_000;

function deferred<T>(): { promise: Promise<T>; resolve(v: T): void; reject(e: unknown): void } {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

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
  const conversations = deps.conversations;
  // The notification follows the message's statuses when webhooks come back: always in the sandbox, else while the profile's inbox listens.
  const following = conversations && !!prepared.provider.webhooks && (resolved.sandbox || !!deps.inbox?.listening().includes(profile.name));
  const at = conversations?.now(profile.name) ?? Date.now();
  const answered = deferred<SendResult>();
  const notification = vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const abort = new AbortController();
    token.onCancellationRequested(() => abort.abort(new Error('Cancelled')));
    let result: SendResult;
    try {
      applyHttpSettings();
      result = await domain().sendPrepared(prepared, profile, secrets, { http: { signal: abort.signal, timeoutMs: responseTimeoutMs() }, redact });
    } catch (e) {
      answered.reject(e);
      return undefined;
    }
    answered.resolve(result);
    if (!following || !conversations || !result.ok || !result.messageId) return undefined;
    return followStatuses(conversations, profile.name, result.messageId, progress, token, { firstStatusMs: FIRST_STATUS_MS, nextStatusMs: NEXT_STATUS_MS, finalAt: finalStepOf(prepared) });
  });
  const result = await answered.promise;

  deps.log.info(`send ${file} with ${profile.name} (${profile.provider}) -> ${result.ok ? 'sent' : 'failed'}: ${describe(result)}${result.problem ? `\n${result.problem}` : ''}`);
  for (const note of result.notes) deps.log.info(`  ${note}`);
  const key = conversations ? recordSent(conversations, { prepared, result, profile: profile.name, file, redact, at }) : undefined;
  // Nothing left the machine when the credentials were missing: that is a refusal, not a send.
  if (result.stage !== 'auth') {
    await deps.history.add(historyEntry(prepared, result, profile, file, redact));
  }
  if (result.ok && following && conversations && result.messageId) {
    // One more notification, when the message has gone as far as it will: the outcome, and the conversation a click away.
    const messageId = result.messageId;
    const recipient = prepared.validation.model?.to?.text;
    void notification.then((outcome) => {
      if (outcome && key) void announceOutcome({ outcome, messageId, profile: profile.name, sandbox: resolved.sandbox, recipient, provider: profile.provider }, conversations, deps);
    });
  } else if (result.ok) {
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
    void vscode.window
      .showErrorMessage(failureMessage(profile.name, result), details, ...(offerTemplate ? [template] : []), ...(offerSimulate ? [simulate] : []), ...(offerCredentials ? [setCredentials] : []))
      .then((a) => {
        if (a === template) void vscode.commands.executeCommand(COMMANDS.newMessageFromTemplate, { to: recipient?.includes('{{') ? undefined : recipient, provider: profile.provider });
        if (a === details) deps.log.show(true);
        if (a === setCredentials) void vscode.commands.executeCommand(COMMANDS.setCredentials);
        if (a === simulate) void vscode.commands.executeCommand(COMMANDS.sandboxInbound, recipient);
      });
  }
  return result;
}
