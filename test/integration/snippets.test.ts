import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, openPayload, packageJson, uniqueName } from './util';

function label(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

describe('snippets', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  it('package.json contributes snippets for json', () => {
    const snippets = packageJson().contributes?.snippets ?? [];
    assert.ok(snippets.some((s) => s.language === 'json'), 'contributes.snippets should include language "json"');
  });

  for (const [suffix, prefix] of [['.vonage.json', 'mwb-vonage-sms-text'], ['.whatsapp.json', 'mwb-whatsapp-text'], ['.gateway.json', 'mwb-gateway-text']]) {
    it(`offers ${prefix} in an empty ${suffix} file, and inserting it gives JSON`, async () => {
      const editor = await openPayload(uniqueName('snippet', suffix), '');
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(0, 0), undefined, 200);
      const snippetItems = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet && label(i).startsWith('mwb-'));
      const item = snippetItems.find((i) => label(i) === prefix);
      assert.ok(item, `snippet ${prefix} should be offered; mwb- snippets offered: ${snippetItems.map(label).join(', ') || 'none'}`);
      const body = item.insertText instanceof vscode.SnippetString ? item.insertText : new vscode.SnippetString(String(item.insertText ?? ''));
      assert.ok(await editor.insertSnippet(body), 'the snippet should insert');
      // Placeholders stay as their defaults, so the inserted body must already be a JSON object.
      const value = JSON.parse(editor.document.getText());
      assert.equal(typeof value, 'object');
      assert.ok(value !== null && !Array.isArray(value));
    });
  }
});
