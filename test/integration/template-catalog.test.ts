import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { OUR_SOURCE, activateExtension, closeAllEditors, codeOf, describeDiagnostics, openPayload, rangeOfText, uniqueName, waitForDiagnostics, workspaceRoot } from './util';

function ours(ds: readonly vscode.Diagnostic[], code: string): vscode.Diagnostic[] {
  return ds.filter((d) => d.source === OUR_SOURCE && codeOf(d) === code);
}

function templatePayload(name: string, params: string[]): string {
  return (
    JSON.stringify(
      {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: '447700900000',
        type: 'template',
        template: { name, language: { code: 'en_US' }, components: [{ type: 'body', parameters: params.map((text) => ({ type: 'text', text })) }] },
      },
      null,
      2,
    ) + '\n'
  );
}

describe('workspace template catalog', function () {
  this.timeout(60000);
  const created: vscode.Uri[] = [];
  before(activateExtension);
  afterEach(closeAllEditors);
  after(async () => {
    for (const uri of created) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  async function writeCatalog(template: string): Promise<vscode.Uri> {
    const uri = vscode.Uri.joinPath(workspaceRoot(), uniqueName('it', '.templates.json'));
    const catalog = { templates: [{ name: template, language: 'en_US', category: 'UTILITY', body: 'Hi {{1}}, your parcel {{2}} arrives today.', footer: 'IT Ltd' }] };
    await vscode.workspace.fs.writeFile(uri, Buffer.from(JSON.stringify(catalog, null, 2), 'utf8'));
    created.push(uri);
    return uri;
  }

  it('a wrong parameter count gets template-parameters; fixing the count clears it', async () => {
    const template = uniqueName('it_parcel', '').replace(/-/g, '_');
    await writeCatalog(template);
    const editor = await openPayload(uniqueName('template-few', '.whatsapp.json'), templatePayload(template, ['Ann']));
    const doc = editor.document;
    const [few] = ours(await waitForDiagnostics(doc.uri, (d) => ours(d, 'template-parameters').length > 0, 20000, 'template-parameters for 1 of 2 parameters'), 'template-parameters');
    assert.equal(few.severity, vscode.DiagnosticSeverity.Error);
    assert.match(few.message, /takes 2 body parameters/);
    assert.match(few.message, /gives 1/);
    assert.equal(ours(vscode.languages.getDiagnostics(doc.uri), 'unknown-template').length, 0, 'the template is known from the workspace catalog');

    // One too many: the extra parameter is underlined.
    await editor.edit((e) => e.replace(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), templatePayload(template, ['Ann', 'AB-123', 'extra'])));
    const [many] = ours(
      await waitForDiagnostics(doc.uri, (d) => ours(d, 'template-parameters').some((x) => /gives 3/.test(x.message)), 15000, 'template-parameters for 3 of 2 parameters'),
      'template-parameters',
    );
    const extra = rangeOfText(doc, '"extra"');
    assert.ok(many.range.contains(extra) || extra.contains(many.range), `the diagnostic should be on the extra parameter; got ${describeDiagnostics([many])}`);

    // The right count clears it.
    // Delete `, { "type": "text", "text": "extra" }` as typed: from the comma after the 2nd parameter to the 3rd's closing brace.
    const text = doc.getText();
    const extraAt = text.indexOf('"extra"');
    const from = text.lastIndexOf('},', extraAt) + 1;
    const to = text.indexOf('}', extraAt) + 1;
    await editor.edit((e) => e.delete(new vscode.Range(doc.positionAt(from), doc.positionAt(to))));
    assert.equal((JSON.parse(doc.getText()) as { template: { components: { parameters: unknown[] }[] } }).template.components[0].parameters.length, 2);
    await waitForDiagnostics(doc.uri, (d) => ours(d, 'template-parameters').length === 0, 15000, 'template-parameters to go away once the count is right');
  });

  it('a catalog created while the payload is open is picked up, and deleting it makes the template unknown again', async () => {
    const template = uniqueName('it_late', '').replace(/-/g, '_');
    const editor = await openPayload(uniqueName('template-late', '.whatsapp.json'), templatePayload(template, ['Ann']));
    const doc = editor.document;
    await waitForDiagnostics(doc.uri, (d) => ours(d, 'unknown-template').length > 0, 20000, 'unknown-template before the catalog exists');
    const catalog = await writeCatalog(template);
    await waitForDiagnostics(doc.uri, (d) => ours(d, 'template-parameters').length > 0 && ours(d, 'unknown-template').length === 0, 20000, 'template-parameters once the catalog appears');
    await vscode.workspace.fs.delete(catalog);
    await waitForDiagnostics(doc.uri, (d) => ours(d, 'unknown-template').length > 0 && ours(d, 'template-parameters').length === 0, 20000, 'unknown-template again once the catalog is gone');
  });
});
