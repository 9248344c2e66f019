import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, openPayload, screenshot, uniqueName, waitFor } from './util';
import { TEST_SECRETS_COMMAND } from '../../src/extension/api';

interface OutMessage {
  dir: 'out';
  key: string;
  messageId: string | null;
  progress: string;
  statuses: { status: string }[];
  error?: { code?: string };
}
interface InMessage {
  dir: 'in';
  key: string;
  messageId: string;
  reply?: { id: string; title: string };
  context?: string;
  text?: string;
  markedRead?: boolean;
}
interface Thread {
  key: string;
  profile: string;
  customer: string;
  messages: (OutMessage | InMessage)[];
}
interface Api {
  conversations(): Thread[];
  conversationStats(): { updates: number; totals: number[] };
  conversationAction(action: unknown): Promise<unknown>;
  advanceSandboxClock(ms: number): void;
}
interface SendResult {
  ok: boolean;
  messageId: string | null;
  problem: string | null;
}

const THEMES = [
  { name: 'Default Light Modern', suffix: 'light', kind: vscode.ColorThemeKind.Light },
  { name: 'Default Dark Modern', suffix: 'dark', kind: vscode.ColorThemeKind.Dark },
  { name: 'Default High Contrast', suffix: 'hc', kind: vscode.ColorThemeKind.HighContrast },
];

const buttons = (to: string) =>
  JSON.stringify(
    {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to,
      type: 'interactive',
      interactive: {
        type: 'button',
        header: { type: 'text', text: 'Your order #1234' },
        body: { text: 'It is packed and ready. When should we deliver it?' },
        footer: { text: 'Acme Shop' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'today', title: 'Today, 5-7 pm' } },
            { type: 'reply', reply: { id: 'tomorrow', title: 'Tomorrow' } },
          ],
        },
      },
    },
    null,
    2,
  );
const text = (to: string, body: string) => JSON.stringify({ messaging_product: 'whatsapp', recipient_type: 'individual', to, type: 'text', text: { body } }, null, 2);

describe('conversations in the editor', function () {
  this.timeout(120000);
  let api: Api;
  const workbench = () => vscode.workspace.getConfiguration('workbench');

  before(async () => {
    api = (await activateExtension()).exports as Api;
    await vscode.workspace.getConfiguration('messageWorkbench').update('activeProfile', undefined, vscode.ConfigurationTarget.Workspace);
  });
  after(async () => {
    await workbench().update('colorTheme', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAllEditors();
  });

  const thread = (customer: string) => api.conversations().find((t) => t.profile === 'Sandbox' && t.customer === customer);
  const message = (customer: string, id: string) => thread(customer)?.messages.find((m) => m.messageId === id);

  async function send(name: string, payload: string): Promise<SendResult> {
    const editor = await openPayload(uniqueName(name, '.whatsapp.json'), payload);
    const result = await vscode.commands.executeCommand<SendResult | undefined>('messageWorkbench.sendMessage', editor.document.uri);
    assert.ok(result?.ok, result?.problem ?? 'the send was refused');
    return result;
  }

  /** The Conversations view alone in the window, on the thread, once it has painted the latest change. */
  async function showThread(messageId: string): Promise<void> {
    await closeAllEditors();
    const before = api.conversationStats().updates;
    await vscode.commands.executeCommand('messageWorkbench.openConversations', { messageId, profile: 'Sandbox' });
    await waitFor(() => api.conversationStats().updates > before, 15000, 'the Conversations view to paint');
    await vscode.commands.executeCommand('notifications.clearAll');
  }

  async function shots(name: string): Promise<void> {
    if (process.env.MWB_INTEGRATION !== 'code-server') return;
    for (const theme of THEMES) {
      await workbench().update('colorTheme', theme.name, vscode.ConfigurationTarget.Workspace);
      await waitFor(() => vscode.window.activeColorTheme.kind === theme.kind, 15000, `VS Code to switch to ${theme.name}`);
      await vscode.commands.executeCommand('notifications.clearAll');
      await new Promise((r) => setTimeout(r, 600)); // the webview repaints in the new colours
      await screenshot(`${name}-${theme.suffix}`);
    }
    await workbench().update('colorTheme', undefined, vscode.ConfigurationTarget.Workspace);
  }

  it('shows a message sent to the sandbox in its thread, its ticks moving sent -> delivered -> read from status webhooks', async () => {
    const customer = '447700900771';
    // The view is open while the statuses arrive: each one repaints it (status-to-painted is measured).
    await closeAllEditors();
    const editor = await openPayload(uniqueName('conversation', '.whatsapp.json'), buttons(customer));
    const painted = api.conversationStats().updates;
    await vscode.commands.executeCommand('messageWorkbench.openConversations');
    await waitFor(() => api.conversationStats().updates > painted, 15000, 'the Conversations view to paint');
    const timed = api.conversationStats().totals.length;
    const sent = await vscode.commands.executeCommand<SendResult | undefined>('messageWorkbench.sendMessage', editor.document.uri);
    assert.ok(sent?.ok, sent?.problem ?? 'the send was refused');
    const id = sent.messageId!;
    const read = await waitFor(
      () => {
        const m = message(customer, id);
        return m?.dir === 'out' && m.progress === 'read' ? m : undefined;
      },
      15000,
      'the read receipt',
    );
    assert.deepEqual(
      read.statuses.map((s) => s.status),
      ['sent', 'delivered', 'read'],
    );
    const totals = await waitFor(() => (api.conversationStats().totals.length >= timed + 3 ? api.conversationStats().totals.slice(timed) : undefined), 10000, 'the view to paint each status');
    console.log(`      status webhook at the inbox -> painted in the view: ${totals.map((t) => `${t} ms`).join(', ')} (budget 50 ms)`);
    // The send's notification followed the statuses, and now offers the conversation (looked at in the screenshot).
    await new Promise((r) => setTimeout(r, 700));
    await screenshot('send-outcome-notification', 15000, { keepNotifications: true });
    await showThread(id);
    await shots('conversation-read');
  });

  it('taps a reply button as the customer: the reply comes back through the inbound webhook, quoting the message', async () => {
    const customer = '447700900772';
    const sent = await send('tap', buttons(customer));
    const id = sent.messageId!;
    await showThread(id);
    await waitFor(() => (message(customer, id) as OutMessage | undefined)?.progress === 'read', 15000, 'the read receipt');
    await api.conversationAction({ type: 'action', action: 'tap', key: id, index: 1 });
    const reply = await waitFor(() => thread(customer)?.messages.find((m): m is InMessage => m.dir === 'in'), 15000, "the customer's reply in the thread");
    assert.deepEqual([reply.reply, reply.context], [{ id: 'tomorrow', title: 'Tomorrow' }, id]);
    assert.match(reply.messageId, /^wamid\./);

    // Mark as Read with the reply's real id: the sandbox accepts it, as Meta accepts the id of a message it delivered.
    await api.conversationAction({ type: 'action', action: 'mark-read', key: reply.key });
    await waitFor(() => (thread(customer)?.messages.find((m) => m.key === reply.key) as InMessage | undefined)?.markedRead, 10000, 'the reply marked as read');

    // The customer types too.
    await api.conversationAction({ type: 'action', action: 'type', key: thread(customer)!.key, text: 'Can you ring the bell twice?' });
    await waitFor(() => thread(customer)?.messages.some((m) => m.dir === 'in' && m.text === 'Can you ring the bell twice?'), 10000, 'the typed message');
    await showThread(id);
    await shots('conversation-reply');
  });

  it('lets a window close: a free-form message then fails with 131047, explained with its fix (a template)', async () => {
    const customer = '15557654321';
    const first = await send('window', text(customer, 'Thanks for getting in touch!'));
    // Nobody from that number has written: the API accepts the message, then reports it failed.
    await waitFor(() => (message(customer, first.messageId!) as OutMessage | undefined)?.progress === 'failed', 15000, 'the failed status');
    await api.conversationAction({ type: 'action', action: 'type', key: thread(customer)!.key, text: 'Hello? Is my order coming?' });
    await waitFor(() => thread(customer)?.messages.some((m) => m.dir === 'in'), 10000, 'the customer writing');
    const open = await send('window', text(customer, 'Yes: it arrives tomorrow.'));
    await waitFor(() => (message(customer, open.messageId!) as OutMessage | undefined)?.progress === 'read', 15000, 'the answer within the window read');

    // A day later on the sandbox's clock (put back afterwards: other tests sign JWTs with the real time).
    api.advanceSandboxClock(25 * 3600 * 1000);
    try {
      const late = await send('window', text(customer, 'Did it arrive?'));
      const failed = await waitFor(
        () => {
          const m = message(customer, late.messageId!);
          return m?.dir === 'out' && m.progress === 'failed' ? m : undefined;
        },
        15000,
        'the failed status after the window closed',
      );
      assert.equal(failed.error?.code, '131047');
      await showThread(late.messageId!);
      await shots('conversation-window-closed');
    } finally {
      api.advanceSandboxClock(-25 * 3600 * 1000);
    }
  });

  it("writes a reply payload for the thread's provider with `to` and the reply context filled, and shows the raw exchange without secrets", async () => {
    const customer = '447700900773';
    const sent = await send('reply', buttons(customer));
    await waitFor(() => (message(customer, sent.messageId!) as OutMessage | undefined)?.progress === 'read', 15000, 'the read receipt');
    await api.conversationAction({ type: 'action', action: 'tap', key: sent.messageId!, index: 0 });
    const inbound = await waitFor(() => thread(customer)?.messages.find((m): m is InMessage => m.dir === 'in'), 10000, 'the reply');
    const uri = (await api.conversationAction({ type: 'action', action: 'reply', key: inbound.key })) as vscode.Uri;
    const reply = JSON.parse((await vscode.workspace.openTextDocument(uri)).getText());
    assert.ok(uri.path.endsWith('.whatsapp.json'), uri.path);
    assert.equal(reply.to, customer);
    assert.deepEqual(reply.context, { message_id: inbound.messageId });

    const token = await vscode.commands.executeCommand<string>(TEST_SECRETS_COMMAND, 'get', 'Sandbox', 'token');
    assert.ok(token);
    const request = (await api.conversationAction({ type: 'action', action: 'request', key: sent.messageId! })) as vscode.TextDocument;
    assert.match(request.getText(), /"authorization": "Bearer \[redacted\]"/);
    assert.ok(!request.getText().includes(token), 'the token reached Show Request');
    const response = (await api.conversationAction({ type: 'action', action: 'response', key: sent.messageId! })) as vscode.TextDocument;
    assert.match(response.getText(), new RegExp(sent.messageId!.replace(/[.=+/]/g, '\\$&')));
    const webhook = (await api.conversationAction({ type: 'action', action: 'request', key: inbound.key })) as vscode.TextDocument;
    assert.match(webhook.getText(), /"verified": true/);
    assert.match(webhook.getText(), /button_reply/);
  });
});
