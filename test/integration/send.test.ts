import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, openPayload, uniqueName, waitFor } from './util';
import { TEST_SECRETS_COMMAND } from '../../src/extension/api';

interface Api {
  history(): { file: string; profile: string; host: string; to?: string; summary: string; body: unknown; ok: boolean; status: number | null; messageId: string | null; problem: string | null }[];
  sandboxUrl(): Promise<string>;
}

/** SecretStorage through the test-only command (the extension exports nothing secret). */
const credentials = {
  set: async (p: string, k: string, v: string) => vscode.commands.executeCommand(TEST_SECRETS_COMMAND, 'set', p, k, v),
  get: async (p: string, k: string) => vscode.commands.executeCommand<string | undefined>(TEST_SECRETS_COMMAND, 'get', p, k),
  clear: async (p: string) => vscode.commands.executeCommand(TEST_SECRETS_COMMAND, 'clear', p),
};

interface SendResult {
  ok: boolean;
  status: number | null;
  messageId: string | null;
  problem: string | null;
}

async function api(): Promise<Api> {
  const ext = await activateExtension();
  return ext.exports as Api;
}

async function send(uri: vscode.Uri): Promise<SendResult> {
  const result = (await vscode.commands.executeCommand('messageWorkbench.sendMessage', uri)) as SendResult | undefined;
  assert.ok(result, 'Send Message returned no result (the file was refused or a prompt was cancelled)');
  return result;
}

describe('sending', function () {
  this.timeout(60000);
  const config = () => vscode.workspace.getConfiguration('messageWorkbench');

  afterEach(closeAllEditors);
  after(async () => {
    await config().update('activeProfile', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('profiles', undefined, vscode.ConfigurationTarget.Workspace);
    await credentials.clear('IT Vonage');
  });

  it('sends an SMS to the built-in sandbox and records it in the history', async () => {
    const a = await api();
    const name = uniqueName('sms', '.vonage.json');
    const editor = await openPayload(name, JSON.stringify({ message_type: 'text', channel: 'sms', to: '447700900000', from: '447700900001', text: 'Hello from the integration test' }, null, 2));
    const result = await send(editor.document.uri);
    assert.equal(result.ok, true, result.problem ?? '');
    assert.equal(result.status, 202);
    assert.match(result.messageId ?? '', /^[0-9a-f-]{36}$/);
    const entry = a.history().find((e) => e.file.endsWith(name));
    assert.ok(entry, 'no history entry for the send');
    assert.equal(entry.messageId, result.messageId);
    assert.equal(entry.profile, 'Sandbox');
  });

  it('sends with a user profile whose secret was set in SecretStorage, and never records the secret', async () => {
    const a = await api();
    const url = await a.sandboxUrl();
    const secret = await credentials.get('Sandbox', 'apiSecret');
    assert.ok(secret, 'the sandbox profile has a generated API secret');
    await config().update('profiles', [{ name: 'IT Vonage', provider: 'vonage', auth: 'basic', apiKey: 'sandbox', endpoint: url }], vscode.ConfigurationTarget.Workspace);
    await config().update('activeProfile', 'IT Vonage', vscode.ConfigurationTarget.Workspace);
    await credentials.set('IT Vonage', 'apiSecret', secret);

    const editor = await openPayload(
      uniqueName('basic', '.vonage.json'),
      JSON.stringify({ message_type: 'text', channel: 'whatsapp', to: '447700900000', from: '447700900001', text: 'Basic auth works' }),
    );
    const result = await send(editor.document.uri);
    assert.equal(result.ok, true, result.problem ?? '');
    assert.equal(result.status, 202);
    assert.equal(a.history()[0].profile, 'IT Vonage');
    assert.ok(!JSON.stringify(a.history()).includes(secret), 'a secret reached the history');

    // A wrong secret is refused by the sandbox and explained.
    await credentials.set('IT Vonage', 'apiSecret', 'wrong-secret');
    const refused = await send(editor.document.uri);
    assert.equal(refused.ok, false);
    assert.equal(refused.status, 401);
    assert.ok(!(refused.problem ?? '').includes('wrong-secret'), 'the secret appears in the error');
    await config().update('activeProfile', 'Sandbox', vscode.ConfigurationTarget.Workspace);
  });

  it('sends a free-form WhatsApp text to a customer who has not written: accepted with a wamid, as the real API accepts it (the failure, 131047, comes in a status webhook)', async () => {
    const outside = '15551230000';
    const editor = await openPayload(
      uniqueName('window', '.whatsapp.json'),
      JSON.stringify({ messaging_product: 'whatsapp', recipient_type: 'individual', to: outside, type: 'text', text: { body: 'Are you still there?' } }, null, 2),
    );
    const result = await send(editor.document.uri);
    assert.equal(result.ok, true, result.problem ?? '');
    assert.equal(result.status, 200);
    assert.match(result.messageId ?? '', /^wamid\./);
    const url = await (await api()).sandboxUrl();
    const logged = (await (await fetch(`${url}/_sandbox/messages`)).json()) as { messages: { id: string; to: string; freeForm: boolean }[] };
    const sent = logged.messages.find((m) => m.id === result.messageId);
    assert.deepEqual(sent && [sent.to, sent.freeForm], [outside, true], 'recorded as a free-form message to a closed window');
  });

  it('re-sends from the history to the recorded profile with the recorded body, after a confirmation', async () => {
    const a = await api();
    const url = await a.sandboxUrl();
    const secret = await credentials.get('Sandbox', 'apiSecret');
    assert.ok(secret);
    await config().update('profiles', [{ name: 'IT Vonage', provider: 'vonage', auth: 'basic', apiKey: 'sandbox', endpoint: url }], vscode.ConfigurationTarget.Workspace);
    await config().update('activeProfile', 'IT Vonage', vscode.ConfigurationTarget.Workspace);
    await credentials.set('IT Vonage', 'apiSecret', secret);
    const name = uniqueName('resend', '.vonage.json');
    const editor = await openPayload(name, JSON.stringify({ message_type: 'text', channel: 'sms', to: '447700900042', from: 'Acme', text: 'First version' }));
    const first = await send(editor.document.uri);
    assert.equal(first.ok, true, first.problem ?? '');
    const recorded = a.history()[0];
    assert.equal(recorded.profile, 'IT Vonage');
    assert.equal(recorded.to, '447700900042');
    assert.match(recorded.summary, /First version/);

    // The file changes and another profile becomes active: a re-send must ignore both.
    await editor.edit((b) =>
      b.replace(new vscode.Range(0, 0, editor.document.lineCount, 0), JSON.stringify({ message_type: 'text', channel: 'sms', to: '447700900099', from: 'Acme', text: 'Second version' })),
    );
    await config().update('activeProfile', 'Sandbox', vscode.ConfigurationTarget.Workspace);

    const before = a.history().length;
    const resent = vscode.commands.executeCommand<SendResult | undefined>('messageWorkbench.showHistory');
    await new Promise((r) => setTimeout(r, 500));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem'); // the newest send
    await new Promise((r) => setTimeout(r, 500));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem'); // "Send again to 447700900042"
    const result = await resent;
    assert.ok(result, 'the re-send was not made');
    assert.equal(result.ok, true, result.problem ?? '');
    await waitFor(() => a.history().length > before, 5000, 'the re-send in the history');
    const again = a.history()[0];
    assert.equal(again.profile, 'IT Vonage', 'the recorded profile, not the active one');
    assert.equal(again.to, '447700900042', "the recorded recipient, not the file's new one");
    assert.deepEqual(again.body, recorded.body);
    const received = (await (await fetch(`${url}/_sandbox/messages`)).json()) as { messages: { id: string; body: { text?: string; to?: string } }[] };
    const last = received.messages.at(-1)!;
    assert.equal(last.id, result.messageId);
    assert.deepEqual([last.body.to, last.body.text], ['447700900042', 'First version']);
  });

  it('refuses to send a file with errors and says why', async () => {
    const editor = await openPayload(uniqueName('invalid', '.gateway.json'), JSON.stringify({ phone: '+447700900000', message: '' }));
    const result = await vscode.commands.executeCommand('messageWorkbench.sendMessage', editor.document.uri);
    assert.equal(result, undefined);
  });
});
