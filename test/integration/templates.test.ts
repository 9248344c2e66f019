/**
 * Templates in a real VS Code, against the built-in sandbox: pull the account's templates into the
 * workspace catalog, preview a carousel definition, submit a new template and see the sandbox
 * approve it, write a message from it and send it.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { OUR_SOURCE, activateExtension, closeAllEditors, codeOf, openPayload, screenshot, uniqueName, waitFor, waitForDiagnostics, workspaceRoot } from './util';

interface Api {
  previewStats(): { updates: number; lastKind?: string };
}

const CATALOG = 'whatsapp.templates.json';

function carousel(name: string): Record<string, unknown> {
  const card = (n: number) => ({
    components: [
      { type: 'HEADER', format: 'IMAGE', example: { header_handle: [`4::aW1hZ2UvanBn:card${n}`] } },
      { type: 'BODY', text: `Plant number ${n + 1} is waiting for you. Use code {{1}} today.`, example: { body_text: [[`CODE${n}`]] } },
      {
        type: 'BUTTONS',
        buttons: [
          { type: 'QUICK_REPLY', text: 'More like this' },
          { type: 'URL', text: 'Buy now', url: 'https://example.com/shop/{{1}}', example: [`plant${n}`] },
        ],
      },
    ],
  });
  return {
    name,
    language: 'en_US',
    category: 'MARKETING',
    components: [
      { type: 'BODY', text: 'Rare plants for sale, {{1}}! Pick your favourite before they are gone.', example: { body_text: [['Ann']] } },
      { type: 'CAROUSEL', cards: [card(0), card(1), card(2)] },
    ],
  };
}

async function readCatalog(): Promise<{ data: { name: string; status?: string }[] } | undefined> {
  const uri = vscode.Uri.joinPath(workspaceRoot(), CATALOG);
  return vscode.workspace.fs.readFile(uri).then(
    (b) => JSON.parse(new TextDecoder().decode(b)),
    () => undefined,
  );
}

describe('WhatsApp templates', function () {
  this.timeout(90000);
  const created: vscode.Uri[] = [];
  let api: Api;
  before(async () => {
    api = (await activateExtension()).exports as Api;
  });
  afterEach(closeAllEditors);
  after(async () => {
    for (const uri of [...created, vscode.Uri.joinPath(workspaceRoot(), CATALOG)]) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  it("Pull Templates brings the sandbox account's templates into whatsapp.templates.json", async () => {
    const outcome = (await vscode.commands.executeCommand('messageWorkbench.pullTemplates')) as { count: number; byStatus: Record<string, number> } | undefined;
    assert.ok(outcome, 'the pull returned nothing');
    assert.ok(outcome.count >= 7, `${outcome.count} templates`);
    const catalog = await readCatalog();
    assert.ok(catalog?.data.some((t) => t.name === 'hello_world' && t.status === 'APPROVED'));
  });

  it("a carousel definition gets the preview (cards filled with examples) and Meta's rules as diagnostics", async () => {
    const name = uniqueName('it_carousel', '').replace(/-/g, '_');
    const editor = await openPayload(`${name}.template.json`, JSON.stringify(carousel(name), null, 2) + '\n');
    created.push(editor.document.uri);
    await vscode.commands.executeCommand('messageWorkbench.openPreviewToSide');
    await waitFor(() => api.previewStats().lastKind === 'template', 15000, 'the preview of the template');
    await screenshot('template-carousel-preview');
    // Break a rule: the body may not end with a variable.
    const doc = editor.document;
    const text = doc.getText();
    const at = text.indexOf('! Pick your favourite before they are gone.');
    await editor.edit((e) => e.delete(new vscode.Range(doc.positionAt(at), doc.positionAt(at + '! Pick your favourite before they are gone.'.length))));
    const ds = await waitForDiagnostics(doc.uri, (d) => d.some((x) => x.source === OUR_SOURCE && codeOf(x) === 'template-variable-position'), 15000, 'template-variable-position');
    assert.equal(ds.find((x) => codeOf(x) === 'template-variable-position')!.severity, vscode.DiagnosticSeverity.Error);
  });

  it('Submit Template: PENDING, then the sandbox approves it; a message from it is written and sent', async () => {
    const name = uniqueName('it_submit', '').replace(/-/g, '_');
    const editor = await openPayload(`${name}.template.json`, JSON.stringify(carousel(name), null, 2) + '\n');
    created.push(editor.document.uri);
    const outcome = (await vscode.commands.executeCommand('messageWorkbench.submitTemplate', editor.document.uri)) as { outcome: string; status?: string } | undefined;
    assert.equal(outcome?.outcome, 'created');
    assert.equal(outcome?.status, 'PENDING');
    // The sandbox reviews it and the catalog is pulled again: the template shows as APPROVED.
    await waitFor(async () => (await readCatalog())?.data.some((t) => t.name === name && t.status === 'APPROVED'), 30000, `${name} approved in ${CATALOG}`);

    // The catalog file is rewritten on disk first; the workspace catalog follows when its watcher fires.
    const uri = await waitFor(
      async () => (await vscode.commands.executeCommand('messageWorkbench.newMessageFromTemplate', { template: name, provider: 'whatsapp' })) as vscode.Uri | undefined,
      15000,
      'a message written from the approved template',
    );
    created.push(uri);
    const payload = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
    assert.equal(payload.template.name, name);
    assert.equal(payload.template.components.find((c: { type: string }) => c.type === 'carousel').cards.length, 3);
    const result = (await vscode.commands.executeCommand('messageWorkbench.sendMessage', uri)) as { ok: boolean; problem: string | null; messageId: string | null } | undefined;
    assert.equal(result?.ok, true, result?.problem ?? 'not sent');
    assert.match(result.messageId ?? '', /^wamid\./);
  });
});
