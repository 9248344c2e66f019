import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT, activateExtension, closeAllEditors, openPayload, packageJson, uniqueName } from './util';

function label(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

describe('snippets', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  it('package.json contributes snippets for json', () => {
    const snippets = packageJson().contributes?.snippets ?? [];
    assert.ok(
      snippets.some((s) => s.language === 'json'),
      'contributes.snippets should include language "json"',
    );
  });

  for (const [suffix, prefix] of [
    ['.vonage.json', 'mwb-vonage-sms-text'],
    ['.whatsapp.json', 'mwb-whatsapp-text'],
    ['.gateway.json', 'mwb-gateway-text'],
  ]) {
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

  // Every contributed snippet, as VS Code's snippet engine expands it (placeholders, escapes),
  // must leave a JSON object in a file of its provider.
  for (const contribution of packageJson().contributes?.snippets ?? []) {
    const provider = path.basename(contribution.path, '.json');
    it(`every snippet in ${contribution.path} expands to a JSON object in a .${provider}.json file`, async () => {
      const declared = JSON.parse(fs.readFileSync(path.join(ROOT, contribution.path), 'utf8')) as Record<string, { prefix: string | string[] }>;
      const prefixes = Object.values(declared).map((d) => (Array.isArray(d.prefix) ? d.prefix[0] : d.prefix));
      assert.ok(prefixes.length > 0, `${contribution.path} should declare snippets`);
      const editor = await openPayload(uniqueName('snippets', `.${provider}.json`), '');
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(0, 0), undefined, 500);
      const offered = new Map(list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map((i) => [label(i), i] as const));
      const problems: string[] = [];
      for (const prefix of prefixes) {
        const item = offered.get(prefix);
        if (!item) {
          problems.push(`${prefix}: not offered`);
          continue;
        }
        const whole = new vscode.Range(editor.document.positionAt(0), editor.document.positionAt(editor.document.getText().length));
        await editor.edit((b) => b.delete(whole));
        const body = item.insertText instanceof vscode.SnippetString ? item.insertText : new vscode.SnippetString(String(item.insertText ?? ''));
        if (!(await editor.insertSnippet(body, new vscode.Position(0, 0)))) {
          problems.push(`${prefix}: did not insert`);
          continue;
        }
        try {
          const value = JSON.parse(editor.document.getText());
          if (typeof value !== 'object' || value === null || Array.isArray(value)) problems.push(`${prefix}: not a JSON object`);
        } catch (err) {
          problems.push(`${prefix}: invalid JSON after expansion (${(err as Error).message})`);
        }
      }
      assert.deepEqual(problems, [], `snippets of ${contribution.path}:\n${problems.join('\n')}`);
    });
  }
});
