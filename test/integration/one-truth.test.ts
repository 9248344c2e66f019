/**
 * What blocks a send is one error everywhere (issue 9, item 10): a 4th reply button or a 29-character
 * title is one diagnostic of ours, in our words, counted the same by the status bar and the preview,
 * whose phone draws the part as rejected. Screenshots preview-rejected-{light,dark,hc}.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { decodePng, meanLuminance } from './png';
import { EXTENSION_ID, OUR_SOURCE, ROOT, activateExtension, closeAllEditors, codeOf, describeDiagnostics, openPayload, screenshot, uniqueName, waitFor, waitForDiagnostics } from './util';

interface VElement {
  tag: string;
  attrs?: Record<string, string>;
  children?: (VElement | string)[];
}
interface Hooks {
  previewStats(): { lastPosted?: { seq: number; tree: VElement }; lastPaintedSeq?: number };
  problemStatus(): { text: string; tooltip: string; errors: number; warnings: number } | undefined;
}
const hooks = () => vscode.extensions.getExtension(EXTENSION_ID)!.exports as Hooks;

const FOURTH = 'At most 3 reply buttons: this 4th one is rejected by the WhatsApp Cloud API. Remove it.';

function elements(node: VElement | string): VElement[] {
  return typeof node === 'string' ? [] : [node, ...(node.children ?? []).flatMap(elements)];
}
const text = (node: VElement | string): string => (typeof node === 'string' ? node : (node.children ?? []).map(text).join(''));
const withClass = (tree: VElement, cls: string) => elements(tree).filter((e) => (e.attrs?.class ?? '').split(/\s+/).includes(cls));

function payload(change: (p: any) => void): string {
  const p = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', 'whatsapp', 'interactive-buttons.whatsapp.json'), 'utf8'));
  change(p);
  return JSON.stringify(p, null, 2) + '\n';
}

/** The preview's last painted tree once it shows `errors` errors. */
async function previewWith(errors: number): Promise<VElement> {
  return waitFor(
    () => {
      const s = hooks().previewStats();
      const title = s.lastPosted && withClass(s.lastPosted.tree, 'problems-title')[0];
      const shown = s.lastPosted && (title ? text(title) : withClass(s.lastPosted.tree, 'problems-none').length ? 'Problems: 0 error(s)' : '');
      return s.lastPosted && s.lastPaintedSeq !== undefined && s.lastPaintedSeq >= s.lastPosted.seq && shown?.startsWith(`Problems: ${errors} error(s)`) ? s.lastPosted.tree : undefined;
    },
    15000,
    `the preview painted with ${errors} error(s)`,
  );
}

async function statusWith(file: vscode.Uri, errors: number) {
  const name = path.basename(file.path);
  return waitFor(
    () => {
      const s = hooks().problemStatus();
      return s && s.tooltip.includes(name) && s.errors === errors ? s : undefined;
    },
    10000,
    `the status bar counting ${errors} error(s) in ${name}`,
  );
}

/** Our diagnostics, once VS Code's JSON service has had its chance on `uri` too (a probe opened after it is validated after it). */
async function settledDiagnostics(uri: vscode.Uri, ours: (d: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  await waitForDiagnostics(uri, ours, 20000, 'our diagnostics');
  const editor = vscode.window.activeTextEditor;
  const probe = await openPayload(uniqueName('probe', '.whatsapp.json'), '{"x": }\n');
  await waitForDiagnostics(probe.document.uri, (d) => d.some((x) => x.source !== OUR_SOURCE), 20000, "VS Code's syntax error in the probe");
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  if (editor) await vscode.window.showTextDocument(editor.document, editor.viewColumn);
  return vscode.languages.getDiagnostics(uri);
}

/** Screenshots until the preview's part of the window stops changing (the theme has been repainted). */
async function settledShot(name: string): Promise<string> {
  let previous: number | undefined;
  let last = '';
  await waitFor(
    async () => {
      const file = await screenshot(name);
      if (!file) throw new Error('no screenshot');
      const img = decodePng(fs.readFileSync(file));
      const luminance = meanLuminance(img, img.width * 0.66, img.height * 0.12, img.width * 0.98, img.height * 0.93);
      const settled = previous !== undefined && Math.abs(previous - luminance) < 0.5;
      previous = luminance;
      last = file;
      return settled;
    },
    30000,
    `the ${name} screenshot to settle`,
  );
  return last;
}

describe('one truth: what blocks a send is one error everywhere', function () {
  this.timeout(120000);
  before(activateExtension);
  after(async () => {
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAllEditors();
  });

  it('a 4th reply button: one error of ours at that button, counted by the status bar and the preview, drawn as rejected; fixed, none anywhere', async () => {
    const editor = await openPayload(
      uniqueName('four-buttons', '.whatsapp.json'),
      payload((p) => p.interactive.action.buttons.push({ type: 'reply', reply: { id: 'slot-none', title: 'None of these' } })),
    );
    const uri = editor.document.uri;
    const ds = await settledDiagnostics(uri, (d) => d.some((x) => x.source === OUR_SOURCE));
    assert.equal(ds.length, 1, describeDiagnostics(ds));
    const [d] = ds;
    assert.deepEqual([d.source, codeOf(d), d.severity, d.message], [OUR_SOURCE, 'schema', vscode.DiagnosticSeverity.Error, FOURTH]);
    const underlined = JSON.parse(editor.document.getText(d.range));
    assert.deepEqual(underlined, { type: 'reply', reply: { id: 'slot-none', title: 'None of these' } });

    const status = await statusWith(uri, 1);
    assert.equal(status.text, '$(error) 1 error blocks Send');
    assert.match(status.tooltip, /1 error the API would reject: Send refuses/);

    await vscode.commands.executeCommand('messageWorkbench.openPreviewToSide');
    const tree = await previewWith(1);
    assert.equal(withClass(tree, 'problem').length, 1);
    const actions = withClass(tree, 'action');
    assert.deepEqual(
      actions.map((a) => (a.attrs?.class ?? '').includes('rejected')),
      [false, false, false, true],
    );
    assert.equal(text(withClass(tree, 'rejected-reason')[0]), `Rejected: ${FOURTH}`);
    await screenshot('preview-rejected-button');

    // Send refuses, with the same one error.
    const shown = await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.One);
    const sent = await vscode.commands.executeCommand('messageWorkbench.sendMessage');
    assert.equal(sent, undefined, 'Send must refuse a payload with an error');

    // Removing the button clears it everywhere.
    const doc = shown.document;
    await shown.edit((e) => e.delete(new vscode.Range(doc.positionAt(doc.getText().lastIndexOf('},', doc.offsetAt(d.range.start)) + 1), d.range.end)));
    await waitForDiagnostics(uri, (x) => x.length === 0, 15000, 'no diagnostics once the 4th button is gone');
    assert.equal((await statusWith(uri, 0)).text, '$(check) No errors');
    assert.equal(withClass(await previewWith(0), 'rejected').length, 0);
  });

  it('a 29-character title: one error of ours on the title, counted by both, that button drawn as rejected', async () => {
    const title = 'Tomorrow afternoon, after two';
    assert.equal(title.length, 29);
    const editor = await openPayload(
      uniqueName('long-title', '.whatsapp.json'),
      payload((p) => (p.interactive.action.buttons[1].reply.title = title)),
    );
    const ds = await settledDiagnostics(editor.document.uri, (d) => d.some((x) => x.source === OUR_SOURCE));
    assert.deepEqual(
      ds.map((x) => [x.source, codeOf(x), x.severity, x.message, editor.document.getText(x.range)]),
      [[OUR_SOURCE, 'schema', vscode.DiagnosticSeverity.Error, '`interactive.action.buttons[1].reply.title` is 29 characters long; the limit is 20. Shorten it.', JSON.stringify(title)]],
    );
    await statusWith(editor.document.uri, 1);
    await vscode.commands.executeCommand('messageWorkbench.openPreviewToSide');
    const tree = await previewWith(1);
    assert.deepEqual(
      withClass(tree, 'action').map((a) => (a.attrs?.class ?? '').includes('rejected')),
      [false, true, false],
    );
  });

  it('the rejected 4th button in light, dark and high contrast themes (screenshots preview-rejected-light/-dark/-hc)', async function () {
    if (process.env.MWB_INTEGRATION !== 'code-server') this.skip(); // screenshots only under run.js
    await closeAllEditors();
    await vscode.commands.executeCommand('notifications.clearAll');
    await openPayload(
      uniqueName('rejected', '.whatsapp.json'),
      payload((p) => p.interactive.action.buttons.push({ type: 'reply', reply: { id: 'slot-none', title: 'None of these' } })),
    );
    await vscode.commands.executeCommand('messageWorkbench.openPreviewToSide');
    await previewWith(1);
    const themes: [string, string, vscode.ColorThemeKind][] = [
      ['Default Light Modern', 'preview-rejected-light', vscode.ColorThemeKind.Light],
      ['Default Dark Modern', 'preview-rejected-dark', vscode.ColorThemeKind.Dark],
      ['Default High Contrast', 'preview-rejected-hc', vscode.ColorThemeKind.HighContrast],
    ];
    for (const [theme, shot, kind] of themes) {
      await vscode.workspace.getConfiguration('workbench').update('colorTheme', theme, vscode.ConfigurationTarget.Workspace);
      await waitFor(() => vscode.window.activeColorTheme.kind === kind, 10000, `the ${theme} theme`);
      assert.ok(fs.statSync(await settledShot(shot)).size > 0);
    }
  });
});
