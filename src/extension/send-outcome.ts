/**
 * The last word on a followed send, once its statuses have said all they will: read, delivered (SMS
 * has no read receipts) or failed with the provider's reason and the way on (a template when the
 * 24 h window is closed), each with the conversation a click away. The first one in a session says
 * what the Conversations view is for: a newcomer gets from Send to a read receipt and a reply there.
 */
import * as vscode from 'vscode';
import type { Prepared } from '../pipeline/send';
import type { ConversationStore } from './conversation-store';
import { domain } from './lazy-domain';
import type { SendDeps } from './send-deps';
import type { FollowOutcome } from './status-follow';
import { COMMANDS } from './ids';

export interface OutcomeNotice {
  outcome: FollowOutcome;
  messageId: string;
  profile: string;
  sandbox: boolean;
  provider: string;
  recipient?: string;
}

/** The last step a message can reach: SMS and MMS stop at delivered. */
export function finalStepOf(prepared: Extract<Prepared, { ok: true }>): 'read' | 'delivered' {
  const channel = prepared.validation.model?.channel;
  return channel === 'sms' || channel === 'mms' ? 'delivered' : 'read';
}

/** Providers "New Message from Template" can write a payload for. */
const TEMPLATE_PROVIDERS = new Set(['whatsapp', 'vonage', 'vonage-legacy']);

let explained = false;

export async function announceOutcome(n: OutcomeNotice, store: ConversationStore, deps: Pick<SendDeps, 'log'>): Promise<void> {
  const { outcome } = n;
  if (outcome.ended === 'cancelled') return;
  const to = n.recipient && !n.recipient.includes('{{') ? n.recipient : 'the recipient';
  const open = 'Open Conversation';
  const copy = 'Copy Message ID';
  const act = (a: string | undefined) => {
    if (a === open) void vscode.commands.executeCommand(COMMANDS.openConversations, { messageId: n.messageId, profile: n.profile });
    if (a === copy) void vscode.env.clipboard.writeText(n.messageId);
  };
  if (outcome.progress === 'failed') {
    const found = store.book.message(n.messageId, n.profile);
    const error = found?.message.dir === 'out' ? found.message.error : undefined;
    const f = domain().explainFailure(n.provider, error);
    const template = 'Create Template Message';
    const simulate = 'Simulate Customer Message';
    const offers = [...(f.windowClosed && TEMPLATE_PROVIDERS.has(n.provider) ? [template] : []), ...(f.windowClosed && n.sandbox && to !== 'the recipient' ? [simulate] : []), open];
    deps.log.warn(`message ${n.messageId} to ${to} failed${f.code ? ` (${f.code})` : ''}: ${f.title}${f.advice ? ` What to do: ${f.advice}` : ''}`);
    const a = await vscode.window.showErrorMessage(`Failed: ${f.code ? `${f.code} ` : ''}${f.title.replace(/\.?$/, '.')}${f.advice ? ` ${f.advice}` : ''}`, ...offers);
    if (a === template) void vscode.commands.executeCommand(COMMANDS.newMessageFromTemplate, { to: to === 'the recipient' ? undefined : to, provider: n.provider });
    if (a === simulate) void vscode.commands.executeCommand(COMMANDS.sandboxInbound, to);
    return act(a);
  }
  if (outcome.ended === 'no-status' && n.sandbox) {
    const log = 'Show Log';
    const a = await vscode.window.showWarningMessage(
      `Sent with ${n.profile} (message id ${n.messageId}), but no status webhook from the sandbox reached the inbox within 20 s: the log says why.`,
      log,
      copy,
    );
    if (a === log) deps.log.show(true);
    return act(a);
  }
  if (outcome.ended === 'no-status') {
    const url = 'Show Webhook URL';
    const a = await vscode.window.showWarningMessage(
      `Sent with ${n.profile} (message id ${n.messageId}), but no status webhook came within 20 s. Register the inbox's URL with the provider to see delivery and read receipts.`,
      url,
      copy,
    );
    if (a === url) void vscode.commands.executeCommand(COMMANDS.showWebhookUrl, n.profile);
    return act(a);
  }
  const first = !explained && n.sandbox;
  explained ||= first;
  const words =
    outcome.progress === 'read'
      ? `Read \u2713\u2713 by ${to} (${n.profile}).`
      : outcome.progress === 'delivered' && !outcome.ended
        ? `Delivered \u2713\u2713 to ${to} (${n.profile}; SMS has no read receipts).`
        : `${outcome.progress === 'delivered' ? 'Delivered \u2713\u2713' : 'Sent \u2713'} to ${to} (${n.profile}); no further status within a minute: the conversation shows it when it comes.`;
  const more = first ? ' See the ticks in the conversation, and answer as the customer there.' : '';
  act(await vscode.window.showInformationMessage(words + more, open, copy));
}
