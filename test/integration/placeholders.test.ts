import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, openPayload, uniqueName } from './util';

interface Api {
  history(): { file: string; ok: boolean; messageId: string | null }[];
}

interface SendResult {
  ok: boolean;
  status: number | null;
  messageId: string | null;
  problem: string | null;
}

const NUMBER = '447700900123';

/** The sandbox's WhatsApp ids carry the recipient (as Meta's do): base64 of `HBg<wa_id>` + random bytes. */
function recipientOf(wamid: string): string | undefined {
  const raw = Buffer.from(wamid.replace(/^wamid\./, ''), 'base64').toString('latin1');
  return /^HBg(\d+)/.exec(raw)?.[1];
}

describe('{{placeholders}} filled from the active environment', function () {
  this.timeout(60000);
  const config = () => vscode.workspace.getConfiguration('messageWorkbench');
  let api: Api;

  before(async () => {
    api = (await activateExtension()).exports as Api;
    await config().update('activeProfile', undefined, vscode.ConfigurationTarget.Workspace);
    // The customer has written, so a free-form WhatsApp text to the number is allowed.
    await vscode.commands.executeCommand('messageWorkbench.sandboxInbound', NUMBER);
  });
  afterEach(closeAllEditors);
  after(async () => {
    await config().update('environments', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('activeEnvironment', undefined, vscode.ConfigurationTarget.Workspace);
  });

  const payload = JSON.stringify({ messaging_product: 'whatsapp', recipient_type: 'individual', to: '{{TO_NUMBER}}', type: 'text', text: { body: 'Hello {{TO_NUMBER}}' } }, null, 2);

  it('sends to the number the environment gives {{TO_NUMBER}}', async () => {
    await config().update('environments', { dev: { TO_NUMBER: NUMBER } }, vscode.ConfigurationTarget.Workspace);
    const name = uniqueName('placeholder', '.whatsapp.json');
    const editor = await openPayload(name, payload);
    const result = await vscode.commands.executeCommand<SendResult | undefined>('messageWorkbench.sendMessage', editor.document.uri);
    assert.ok(result, 'the send should not be refused');
    assert.equal(result.ok, true, result.problem ?? '');
    assert.equal(result.status, 200);
    assert.equal(recipientOf(result.messageId ?? ''), NUMBER, `the sandbox should have received to=${NUMBER}; message id ${result.messageId}`);
    assert.ok(
      api.history().some((e) => e.file.endsWith(name) && e.ok),
      'the send is in the history',
    );
    assert.ok(editor.document.getText().includes('"to": "{{TO_NUMBER}}"'), 'the file keeps its placeholder');
  });

  it('refuses to send, and sends nothing, when the environment lacks the variable', async () => {
    await config().update('environments', { dev: { OTHER: 'x' } }, vscode.ConfigurationTarget.Workspace);
    const name = uniqueName('placeholder-missing', '.whatsapp.json');
    const editor = await openPayload(name, payload);
    const before = api.history().length;
    const result = await vscode.commands.executeCommand('messageWorkbench.sendMessage', editor.document.uri);
    assert.equal(result, undefined, 'Send Message should refuse a file with an unresolved placeholder');
    assert.equal(api.history().length, before, 'nothing was sent (no history entry)');
    assert.ok(!api.history().some((e) => e.file.endsWith(name)));
  });

  it('refuses too when there is no environment at all', async () => {
    await config().update('environments', undefined, vscode.ConfigurationTarget.Workspace);
    const editor = await openPayload(uniqueName('placeholder-noenv', '.whatsapp.json'), payload);
    const before = api.history().length;
    assert.equal(await vscode.commands.executeCommand('messageWorkbench.sendMessage', editor.document.uri), undefined);
    assert.equal(api.history().length, before);
  });
});
