import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { OUR_SOURCE, ROOT, activateExtension, closeAllEditors, codeOf, openPayload, screenshot, uniqueName, waitFor, waitForDiagnostics } from './util';

interface Api {
  previewStats(): { updates: number; lastKind?: string };
}

describe('webhook files in the editor', function () {
  this.timeout(60000);
  let api: Api;
  before(async () => {
    api = (await activateExtension()).exports as Api;
  });
  after(closeAllEditors);

  it('previews a status webhook as the ticks it means, and refuses to send it (mwb trigger posts webhooks)', async () => {
    const example = fs.readFileSync(path.join(ROOT, 'examples', 'webhooks', 'whatsapp', 'status-failed-window-closed.whatsapp-webhook.json'), 'utf8');
    const editor = await openPayload(uniqueName('status', '.whatsapp-webhook.json'), example);
    const before = api.previewStats().updates;
    await vscode.commands.executeCommand('messageWorkbench.openPreviewToSide');
    await waitFor(() => api.previewStats().updates > before && api.previewStats().lastKind === 'webhook', 15000, 'the webhook preview');
    await vscode.commands.executeCommand('notifications.clearAll');
    await screenshot('webhook-file-preview');
    const result = await vscode.commands.executeCommand('messageWorkbench.sendMessage', editor.document.uri);
    assert.equal(result, undefined, 'a webhook file is not sent');
  });

  it('checks a webhook file as mwb validate does: a field of the wrong type at its place, once', async () => {
    const editor = await openPayload(uniqueName('empty', '.whatsapp-webhook.json'), JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: 102290129340398, changes: [] }] }, null, 2));
    // The check mwb validate runs, as the editor runs it for payloads: every problem is ours, none twice.
    const diagnostics = await waitForDiagnostics(
      editor.document.uri,
      (d) => d.some((x) => codeOf(x) === 'webhook-no-events' || /must be a string/.test(x.message)),
      20000,
      'our check of a webhook file',
    );
    assert.ok(
      diagnostics.every((d) => d.source === OUR_SOURCE),
      `only our diagnostics: ${diagnostics.map((d) => `${d.source}: ${d.message}`).join('; ')}`,
    );
    assert.ok(
      diagnostics.some((d) => /must be a string/.test(d.message) && d.range.start.line === editor.document.positionAt(editor.document.getText().indexOf('"id"')).line),
      "the schema error is at the entry's `id` (a string)",
    );
  });
});
