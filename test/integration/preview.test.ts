import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, closeAllEditors, openPayload, screenshot, uniqueName, waitFor } from './util';

interface Api {
  previewStats(): { updates: number; totals: number[] };
}

function previewTab(): vscode.Tab | undefined {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('messageWorkbench.preview'));
}

describe('preview webview', function () {
  this.timeout(60000);
  after(closeAllEditors);

  it('opens beside a payload file and updates as you type', async () => {
    const api = (await vscode.extensions.getExtension(EXTENSION_ID)!.activate()) as Api;
    const text = [
      '{',
      '  "messaging_product": "whatsapp",',
      '  "recipient_type": "individual",',
      '  "to": "447700900000",',
      '  "type": "interactive",',
      '  "interactive": {',
      '    "type": "button",',
      '    "header": { "type": "text", "text": "Delivery update" },',
      '    "body": { "text": "Hi *Ann*, your parcel arrives _tomorrow_ between 9:00 and 12:00.\\nDoes that suit you?" },',
      '    "footer": { "text": "Reply to change the slot" },',
      '    "action": {',
      '      "buttons": [',
      '        { "type": "reply", "reply": { "id": "ok", "title": "Yes, that works" } },',
      '        { "type": "reply", "reply": { "id": "later", "title": "Later slot" } },',
      '        { "type": "reply", "reply": { "id": "again", "title": "Later slot" } }',
      '      ]',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n');
    const editor = await openPayload(uniqueName('preview', '.whatsapp.json'), text);
    await vscode.commands.executeCommand('messageWorkbench.openPreviewToSide');
    const tab = await waitFor(previewTab, 10000, 'the preview tab');
    assert.match(tab.label, /Preview/);
    await waitFor(() => api.previewStats().updates >= 1, 15000, 'the first preview update');
    await screenshot('preview-opened');

    // Each edit reaches the page (the page reports back when it has painted).
    for (let i = 0; i < 5; i++) {
      const before = api.previewStats().updates;
      const at = editor.document.positionAt(editor.document.getText().indexOf('Ann'));
      await editor.edit((e) => e.insert(at, 'x'));
      await waitFor(() => api.previewStats().updates > before, 10000, `preview update after edit ${i + 1}`);
    }
    const totals = api
      .previewStats()
      .totals.slice(-5)
      .sort((a, b) => a - b);
    console.log(`preview: edit -> painted in VS Code, median ${totals[2]?.toFixed(1)} ms of ${totals.map((t) => t.toFixed(1)).join(', ')} (budget 50 ms, reported by npm run bench too)`);
    await screenshot('preview-beside-payload');
  });
});
