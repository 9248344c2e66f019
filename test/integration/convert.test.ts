import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { OUR_SOURCE, activateExtension, closeAllEditors, codeOf, openPayload, uniqueName, waitFor, waitForDiagnostics, workspaceRoot } from './util';

async function actionsAt(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const all = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range);
  return (all ?? []).filter((a): a is vscode.CodeAction => 'kind' in a || 'command' in a);
}

async function run(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.command, `"${action.title}" has no command`);
  await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

async function readJson(uri: vscode.Uri): Promise<unknown> {
  return waitFor(async () => JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8')) as unknown, 10000, `${uri.path} to be written`);
}

describe("converting a retired API's payload", () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  it('On-Premises: the onprem-retired information, whose quick fix writes the Cloud API payload beside the file and opens it', async () => {
    const name = uniqueName('onprem-template', '.whatsapp-onprem.json');
    const source = {
      recipient_type: 'individual',
      to: '{{TO_NUMBER}}',
      type: 'template',
      template: { namespace: 'c8ae5f90_307a', language: { policy: 'deterministic', code: 'en' }, name: 'order_update' },
    };
    const editor = await openPayload(name, JSON.stringify(source, null, 2) + '\n');
    const ds = await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => x.source === OUR_SOURCE && codeOf(x) === 'onprem-retired'), 20000, 'the onprem-retired diagnostic');
    const retired = ds.find((x) => codeOf(x) === 'onprem-retired')!;
    assert.equal(retired.severity, vscode.DiagnosticSeverity.Information);
    assert.match(retired.message, /23 October 2025/);

    let offered: string[] = [];
    const action = await waitFor(
      async () => {
        const actions = await actionsAt(editor.document.uri, retired.range);
        offered = actions.map((a) => a.title);
        return actions.find((a) => a.title.startsWith('Convert to the WhatsApp Cloud API'));
      },
      10000,
      'a "Convert to the WhatsApp Cloud API" action',
    ).catch((e: Error) => assert.fail(`${e.message}; offered: ${offered.join(' | ') || 'nothing'}`));
    // A quick fix only when tied to the onprem-retired diagnostic (the action's diagnostics do not survive the command API).
    assert.ok(action.kind && vscode.CodeActionKind.QuickFix.contains(action.kind));
    await run(action);

    const target = vscode.Uri.joinPath(workspaceRoot(), name.replace(/\.whatsapp-onprem\.json$/, '.whatsapp.json'));
    assert.deepEqual(await readJson(target), {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '{{TO_NUMBER}}',
      type: 'template',
      template: { name: 'order_update', language: { code: 'en' } },
    });
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() === target.toString(), 10000, 'the converted file to be the active editor');
    // The source stays as it was.
    assert.deepEqual(JSON.parse(editor.document.getText()), source);
  });

  it('legacy Vonage: a rewrite action anywhere in the file writes the v1 payload', async () => {
    const name = uniqueName('legacy-text', '.vonage-legacy.json');
    const source = { from: { type: 'whatsapp', number: '447700900001' }, to: { type: 'whatsapp', number: '447700900000' }, message: { content: { type: 'text', text: 'Hi {{NAME}}' } } };
    const editor = await openPayload(name, JSON.stringify(source, null, 2) + '\n');
    const action = await waitFor(
      async () => (await actionsAt(editor.document.uri, new vscode.Range(1, 0, 1, 0))).find((a) => a.title.startsWith('Convert to Vonage Messages API v1')),
      20000,
      'the convert action',
    );
    assert.ok(action.kind && vscode.CodeActionKind.RefactorRewrite.contains(action.kind));
    await run(action);
    const target = vscode.Uri.joinPath(workspaceRoot(), name.replace(/\.vonage-legacy\.json$/, '.vonage.json'));
    assert.deepEqual(await readJson(target), { message_type: 'text', channel: 'whatsapp', to: '447700900000', from: '447700900001', text: 'Hi {{NAME}}' });
  });

  it('offers no conversion on a payload of a current API', async () => {
    const editor = await openPayload(uniqueName('cloud', '.whatsapp.json'), JSON.stringify({ messaging_product: 'whatsapp', to: '447700900000', type: 'text', text: { body: 'Hi' } }, null, 2) + '\n');
    await waitFor(() => vscode.languages.getDiagnostics(editor.document.uri) !== undefined, 5000);
    const actions = await actionsAt(editor.document.uri, new vscode.Range(1, 0, 1, 0));
    assert.ok(!actions.some((a) => a.title.startsWith('Convert to')), actions.map((a) => a.title).join(' | '));
  });
});
