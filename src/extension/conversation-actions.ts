/**
 * What a click in the Conversations view does. The page names an action and a message (or thread)
 * key; everything else is looked up here, never taken from the page: answer as the customer through
 * the sandbox's /_sandbox/inbound (tap a reply button, pick a list row, type a text), Mark as Read
 * with the customer message's real id, Reply in a new payload file, the raw exchange (secrets
 * redacted), the message id, a template when the window is closed.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { InboundMessage, OutgoingMessage, Thread, ThreadMessage } from '../conversations/thread';
import type { InboundResult } from '../sandbox/server';
import type { ConversationAction } from '../shared/protocol';
import type { ConversationStore } from './conversation-store';
import { sendTimeoutMs as responseTimeoutMs } from './http-settings';
import type { Inbox } from './inbox';
import { domain } from './lazy-domain';
import { uniqueFile } from './new-message-from-template';
import type { Profiles, ResolvedProfile } from './profiles';
import { SANDBOX_PROFILE, type SandboxHost } from './sandbox-host';
import { requireTrust } from './trust';
import type { WorkspaceTemplates } from './workspace-templates';
import { COMMANDS } from './ids';

export interface ActionDeps {
  store: ConversationStore;
  inbox: Inbox;
  sandbox: SandboxHost;
  profiles: Profiles;
  templates: WorkspaceTemplates;
  log: vscode.LogOutputChannel;
}

/** The providers whose customers the sandbox can play (their webhooks have a customer's message). */
const CUSTOMER_PROVIDERS = ['whatsapp', 'whatsapp-onprem', 'vonage', 'vonage-legacy'] as const;
type CustomerProvider = (typeof CUSTOMER_PROVIDERS)[number];

function locate(store: ConversationStore, key: string): { thread: Thread; message?: ThreadMessage } {
  const book = store.book;
  const thread = book.thread(key);
  if (thread) return { thread };
  for (const t of book.threads()) {
    const message = t.messages.find((m) => m.key === key);
    if (message) return { thread: t, message };
  }
  throw new Error('That message is no longer in the conversations (the oldest are dropped).');
}

function outgoing(found: { message?: ThreadMessage }): OutgoingMessage {
  if (found.message?.dir !== 'out') throw new Error('That is not a message you sent.');
  return found.message;
}

function inbound(found: { message?: ThreadMessage }): InboundMessage {
  if (found.message?.dir !== 'in') throw new Error('That is not a message from the customer.');
  return found.message;
}

/** The customer writes or taps, through the sandbox: its inbound webhook then reaches the inbox and the thread. */
async function asCustomer(
  deps: ActionDeps,
  thread: Thread,
  provider: string,
  request: { text?: string; reply?: { id: string; title: string; description?: string }; context?: string },
): Promise<InboundResult> {
  if (thread.profile !== SANDBOX_PROFILE) throw new Error('Answering as the customer works with the Sandbox profile only: a real customer answers from their phone.');
  if (!(CUSTOMER_PROVIDERS as readonly string[]).includes(provider)) throw new Error(`The ${provider} API posts no webhooks, so there is no customer side to play.`);
  const { sandbox } = await deps.sandbox.ensure();
  const result = await sandbox.inboundMessage({ from: thread.customer, provider: provider as CustomerProvider, ...request });
  if (result.webhook?.error || (result.webhook?.status ?? 200) >= 400)
    throw new Error(`The customer's message was not taken by the inbox: ${result.webhook?.error ?? `HTTP ${result.webhook?.status}`}.`);
  return result;
}

function tap(deps: ActionDeps, thread: Thread, m: OutgoingMessage, action: 'tap' | 'pick', index: number | undefined): Promise<InboundResult> {
  const model = m.body === undefined ? undefined : domain().providerOf(m.provider).toModel(m.body);
  if (!model || index === undefined || !m.messageId) throw new Error('That message has no button to tap.');
  if (action === 'tap') {
    const b = model.buttons?.[index];
    if (!b || b.kind !== 'reply' || !b.id) throw new Error('Only reply buttons send an answer back; that one opens a link or a call.');
    return asCustomer(deps, thread, m.provider, { reply: { id: b.id, title: b.title.text }, context: m.messageId });
  }
  const row = model.list?.sections.flatMap((s) => s.rows)[index];
  if (!row) throw new Error('That list has no such row.');
  return asCustomer(deps, thread, m.provider, { reply: { id: row.id, title: row.title.text, ...(row.description ? { description: row.description.text } : {}) }, context: m.messageId });
}

/** The profile a thread's messages went with, for Mark as Read. */
async function profileOf(deps: ActionDeps, thread: Thread, provider: string): Promise<ResolvedProfile | undefined> {
  if (thread.profile === SANDBOX_PROFILE) return deps.profiles.sandboxProfile(provider);
  const found = deps.profiles.userProfiles().profiles.find((p) => p.name === thread.profile);
  if (!found) throw new Error(`Profile "${thread.profile}" is no longer in the settings (messageWorkbench.profiles).`);
  const resolved = await deps.profiles.byName(found.name, provider, found.auth);
  if (typeof resolved === 'string') throw new Error(resolved);
  return resolved;
}

async function markRead(deps: ActionDeps, thread: Thread, m: InboundMessage): Promise<unknown> {
  if (!requireTrust('Marking messages as read')) return undefined;
  const resolved = await profileOf(deps, thread, m.provider);
  if (!resolved) return undefined;
  const result = await domain().markRead(m.messageId, resolved.profile, resolved.secrets, { http: { timeoutMs: responseTimeoutMs() } });
  deps.log.info(`mark as read ${m.messageId} with ${resolved.profile.name}: ${result.ok ? `HTTP ${result.status}` : result.problem}`);
  if (!result.ok) {
    void vscode.window.showErrorMessage(`Could not mark ${m.messageId} as read: ${result.problem}`);
    return result;
  }
  deps.store.book.markRead(m.messageId, thread.profile);
  deps.store.changed({ keys: [thread.key] });
  return result;
}

/** A new payload file answering the customer: the thread's provider, `to` and the reply context filled. */
async function reply(deps: ActionDeps, thread: Thread, m: ThreadMessage | undefined): Promise<vscode.Uri | undefined> {
  const provider = m?.provider ?? thread.provider;
  const payload = domain().replyPayload({ provider, to: thread.customer, from: thread.business, contextId: m?.dir === 'in' ? m.messageId : undefined, channel: thread.channel });
  if (!payload) throw new Error(`No reply payload is known for ${provider}.`);
  const text = JSON.stringify(payload, null, 2) + '\n';
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!root) {
    const doc = await vscode.workspace.openTextDocument({ language: 'json', content: text });
    await vscode.window.showTextDocument(doc);
    return doc.uri;
  }
  // Beside the file the last message came from, where the user keeps this conversation's payloads.
  const lastFile = [...thread.messages].reverse().find((x): x is OutgoingMessage => x.dir === 'out' && !!x.file)?.file;
  const folder = lastFile && !path.isAbsolute(lastFile) ? vscode.Uri.joinPath(root, path.dirname(lastFile)) : root;
  const uri = await uniqueFile(folder, `reply-${thread.customer.replace(/[^\w-]+/g, '')}`, domain().providerOf(provider).suffix);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const editor = await vscode.window.showTextDocument(uri);
  // The text to write is selected, ready to type over.
  const at = editor.document.getText().indexOf('Thanks for your message!');
  if (at >= 0) editor.selection = new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at + 'Thanks for your message! '.length));
  return uri;
}

function parsedOr(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

async function showJson(value: unknown): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument({ language: 'json', content: JSON.stringify(value, null, 2) + '\n' });
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Active, preview: true });
  return doc;
}

/** The webhook request a customer's message came in, as the inbox stored it; its signature headers shown as present, not as values. */
async function webhookRequest(deps: ActionDeps, thread: Thread, m: InboundMessage): Promise<vscode.TextDocument> {
  const r = m.requestId ? await deps.inbox.request(thread.profile, m.requestId) : undefined;
  if (!r) throw new Error('The inbox no longer holds that webhook request: it keeps the newest 200.');
  const secrets = await deps.inbox.redactions(thread.profile);
  const scrub = (t: string) => domain().redact(t, secrets);
  const headers = Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k, k === 'authorization' ? v.replace(/^(\w+)\s.*$/, '$1 [signed token, not shown]') : scrub(v)]));
  return showJson({
    receivedAt: r.receivedAt,
    method: r.method,
    path: r.path,
    provider: r.provider,
    verified: r.verified,
    ...(r.reason ? { reason: r.reason } : {}),
    answered: r.status,
    headers,
    body: parsedOr(scrub(Buffer.from(r.bodyBase64, 'base64').toString('utf8'))),
  });
}

export async function runAction(a: ConversationAction, deps: ActionDeps): Promise<unknown> {
  const found = locate(deps.store, a.key);
  const { thread } = found;
  switch (a.action) {
    case 'select':
      return thread.key;
    case 'tap':
    case 'pick':
      return tap(deps, thread, outgoing(found), a.action, a.index);
    case 'type':
      if (!a.text) throw new Error('Type a message first.');
      return asCustomer(deps, thread, (CUSTOMER_PROVIDERS as readonly string[]).includes(thread.provider) ? thread.provider : 'whatsapp', { text: a.text });
    case 'mark-read':
      return markRead(deps, thread, inbound(found));
    case 'reply':
      return reply(deps, thread, found.message);
    case 'copy': {
      const id = found.message?.messageId;
      if (!id) throw new Error('That message has no id: the API did not accept it.');
      await vscode.env.clipboard.writeText(id);
      vscode.window.setStatusBarMessage(`$(check) Copied ${id}`, 3000);
      return id;
    }
    case 'request':
    case 'response': {
      if (found.message?.dir === 'in') return webhookRequest(deps, thread, found.message);
      const m = outgoing(found);
      const part = a.action === 'request' ? m.exchange?.request : m.exchange?.response;
      if (!part) throw new Error(`The ${a.action} of that message was not kept.`);
      // Both were scrubbed of every secret the send used before they were kept (conversation-sends.ts).
      return showJson(a.action === 'request' ? { ...part, body: parsedOr(m.exchange?.request?.body) } : { ...part, body: parsedOr(m.exchange?.response?.body) });
    }
    case 'template':
      return vscode.commands.executeCommand(COMMANDS.newMessageFromTemplate, { to: thread.customer, provider: thread.provider });
  }
}
