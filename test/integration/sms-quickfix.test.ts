import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { OUR_SOURCE, activateExtension, closeAllEditors, codeOf, describeDiagnostics, openPayload, uniqueName, waitFor, waitForDiagnostics } from './util';

const GSM_BASIC = /^[@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&'()*+,\-./0-9:;<=>?¡A-ZÄÖÑÜ§¿a-zäöñüà^{}\\[~\]|€]*$/;

function ucs2(ds: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
  return ds.filter((d) => d.source === OUR_SOURCE && codeOf(d) === 'sms-ucs2');
}

/** Every range where one of `chars` stands in the document, in order. */
function rangesOf(doc: vscode.TextDocument, chars: string[]): vscode.Range[] {
  const text = doc.getText();
  const out: vscode.Range[] = [];
  for (let i = 0; i < text.length; i++) {
    if (chars.includes(text[i])) out.push(new vscode.Range(doc.positionAt(i), doc.positionAt(i + 1)));
  }
  return out;
}

const key = (r: vscode.Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

describe('SMS encoding: non-GSM characters and their quick fix', function () {
  this.timeout(60000);
  before(activateExtension);
  afterEach(closeAllEditors);

  it('flags exactly the curly quotes and the em dash, and "replace all" leaves GSM-7 text', async () => {
    const text = 'Hi Ann, it\u2019s \u201cready\u201d \u2014 collect it today at the desk.';
    const payload = { message_type: 'text', channel: 'sms', to: '447700900000', from: '447700900001', text };
    const editor = await openPayload(uniqueName('sms-ucs2', '.vonage.json'), JSON.stringify(payload, null, 2) + '\n');
    const doc = editor.document;
    const expected = rangesOf(doc, ['\u2019', '\u201c', '\u201d', '\u2014']);
    assert.equal(expected.length, 4);

    const ds = ucs2(await waitForDiagnostics(doc.uri, (d) => ucs2(d).length >= expected.length, 20000, 'sms-ucs2 diagnostics'));
    assert.deepEqual(ds.map((d) => key(d.range)).sort(), expected.map(key).sort(), `sms-ucs2 should sit on exactly the four characters; got ${describeDiagnostics(ds)}`);
    for (const d of ds) {
      assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
      assert.match(d.message, /UCS-2/);
    }
    // The cost is named: this text is one GSM-7 segment, and UCS-2 still fits it in one (70), so it says how much room is lost.
    assert.match(ds[0].message, /segment/);

    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', doc.uri, ds[0].range);
    const titles = (actions ?? []).map((a) => a.title);
    const all = (actions ?? []).find((a): a is vscode.CodeAction => 'edit' in a && !!a.edit && /^Replace all 4 /.test(a.title));
    assert.ok(all, `a "Replace all" quick fix should be offered; offered: ${titles.join(' | ') || 'nothing'}`);
    assert.ok(
      titles.some((t) => /^Replace .* with /.test(t) && !/^Replace all/.test(t)),
      `a single-character fix should be offered too; offered: ${titles.join(' | ')}`,
    );
    assert.ok(await vscode.workspace.applyEdit(all.edit!), 'the "replace all" edit should apply');

    const fixed = JSON.parse(doc.getText()) as typeof payload;
    assert.equal(fixed.text, 'Hi Ann, it\'s "ready" - collect it today at the desk.');
    assert.match(fixed.text, GSM_BASIC, 'only GSM-7 characters are left');
    assert.deepEqual({ ...fixed, text: payload.text }, payload, 'nothing but the text changes');
    await waitFor(() => ucs2(vscode.languages.getDiagnostics(doc.uri)).length === 0, 15000, 'the sms-ucs2 diagnostics to go away');
  });

  it('covers a \\u escape in the file as one character', async () => {
    // The file spells the en dash as an escape: the warning covers the six characters of \u2013.
    const raw = '{\n  "message_type": "text",\n  "channel": "sms",\n  "to": "447700900000",\n  "from": "447700900001",\n  "text": "Open 9\\u20135, Mon\\u2013Fri"\n}\n';
    const editor = await openPayload(uniqueName('sms-escape', '.vonage.json'), raw);
    const doc = editor.document;
    const ds = ucs2(await waitForDiagnostics(doc.uri, (d) => ucs2(d).length >= 2, 20000, 'sms-ucs2 diagnostics on the escapes'));
    assert.equal(ds.length, 2, describeDiagnostics(ds));
    for (const d of ds) assert.equal(doc.getText(d.range), '\\u2013');
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', doc.uri, ds[0].range);
    const all = (actions ?? []).find((a): a is vscode.CodeAction => 'edit' in a && !!a.edit && /^Replace all/.test(a.title));
    assert.ok(all, `"Replace all" should be offered; offered: ${(actions ?? []).map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(all.edit!));
    assert.equal((JSON.parse(doc.getText()) as { text: string }).text, 'Open 9-5, Mon-Fri');
    await waitFor(() => ucs2(vscode.languages.getDiagnostics(doc.uri)).length === 0, 15000, 'the sms-ucs2 diagnostics to go away');
  });
});
