import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { OUR_SOURCE, activateExtension, closeAllEditors, codeOf, describeDiagnostics, openPayload, rangeOfText, uniqueName, waitFor, waitForDiagnostics } from './util';

interface Case {
  provider: string;
  suffix: string;
  payload: Record<string, string>;
  field: string;
  wrong: string;
  fixed: string;
}

const CASES: Case[] = [
  {
    provider: 'vonage',
    suffix: '.vonage.json',
    payload: { message_type: 'text', channel: 'sms', to: '+44 7700 900000', from: '447700900001', text: 'hi' },
    field: 'to',
    wrong: '"+44 7700 900000"',
    fixed: '"447700900000"',
  },
  {
    provider: 'gateway',
    suffix: '.gateway.json',
    payload: { phone: '447700900000', message: 'hi' },
    field: 'phone',
    wrong: '"447700900000"',
    fixed: '"+447700900000"',
  },
];

function ours(ds: readonly vscode.Diagnostic[], code: string): vscode.Diagnostic[] {
  return ds.filter((d) => d.source === OUR_SOURCE && codeOf(d) === code);
}

describe('lint diagnostics and quick fixes', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  for (const c of CASES) {
    it(`${c.provider}: phone-format on exactly ${c.wrong}, and its quick fix writes ${c.fixed}`, async () => {
      const editor = await openPayload(uniqueName(`phone-${c.provider}`, c.suffix), JSON.stringify(c.payload, null, 2) + '\n');
      const doc = editor.document;
      const expected = rangeOfText(doc, c.wrong);
      const ds = await waitForDiagnostics(doc.uri, (d) => ours(d, 'phone-format').length > 0, 20000, `a '${OUR_SOURCE}' phone-format diagnostic in the ${c.provider} payload`);
      const diag = ours(ds, 'phone-format')[0];
      assert.ok(
        diag.range.isEqual(expected),
        `phone-format should cover exactly ${c.wrong} (${expected.start.line + 1}:${expected.start.character + 1}-${expected.end.line + 1}:${expected.end.character + 1}); got ${describeDiagnostics([diag])}`,
      );
      assert.ok(diag.message.length > 0);

      const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', doc.uri, diag.range);
      const fixes = (actions ?? []).filter((a): a is vscode.CodeAction => 'edit' in a && !!a.edit && !!a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind));
      const fix = fixes.find((a) => a.diagnostics?.some((d) => codeOf(d) === 'phone-format')) ?? fixes[0];
      assert.ok(fix, `a quick fix should be offered for phone-format; offered: ${(actions ?? []).map((a) => a.title).join(' | ') || 'nothing'}`);
      assert.ok(fix.edit);
      assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the quick fix edit should apply');

      assert.ok(doc.getText().includes(`"${c.field}": ${c.fixed}`), `after the fix the ${c.field} should be ${c.fixed}; text is:\n${doc.getText()}`);
      assert.ok(!doc.getText().includes(c.wrong));
      const parsed = JSON.parse(doc.getText());
      assert.equal(parsed[c.field], JSON.parse(c.fixed));
      assert.deepEqual(Object.keys(parsed), Object.keys(c.payload), 'the fix should change only the value');
      assert.ok(await doc.save(), 'the repaired file should save');
      const onDisk = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(doc.uri)).toString('utf8'));
      assert.equal(onDisk[c.field], JSON.parse(c.fixed));
      await waitFor(() => ours(vscode.languages.getDiagnostics(doc.uri), 'phone-format').length === 0, 15000, 'the phone-format diagnostic to go away after the fix');
    });
  }
});
