// Helpers for integration tests running inside the VS Code extension host.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

/** Repository root: this file runs from out/test/integration/. */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const EXTENSION_ID = 'message-workbench.message-workbench';
export const OUR_SOURCE = 'Message Workbench';

export function packageJson(): {
  contributes?: {
    commands?: { command: string; title: string; category?: string }[];
    jsonValidation?: { fileMatch: string | string[]; url: string }[];
    snippets?: { language: string; path: string }[];
  };
  activationEvents?: string[];
} {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
}

/**
 * Polls `predicate` until it returns a truthy value, and returns that value; fails with `what`
 * and the last value seen after `timeoutMs`. Never a fixed sleep: tests go as fast as VS Code does.
 */
export async function waitFor<T>(predicate: () => T | Promise<T>, timeoutMs = 10000, what = 'condition'): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await predicate();
      if (last) return last;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const detail = lastError ? ` (last error: ${lastError instanceof Error ? lastError.message : String(lastError)})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the integration tests need a workspace folder open (the launcher opens a copy of test/fixtures/workspace)');
  return folder.uri;
}

let counter = 0;
/** A file name unique within this run, so tests never see each other's documents. */
export function uniqueName(base: string, suffix: string): string {
  counter += 1;
  return `${base}-${Date.now().toString(36)}-${counter}${suffix}`;
}

/** Writes `text` to `name` in the test workspace, opens it in an editor and returns the editor. */
export async function openPayload(name: string, text: string): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.joinPath(workspaceRoot(), name);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed in this VS Code`);
  await ext.activate();
  return ext;
}

/** Polls the diagnostics of `uri` until `predicate` holds for them; returns them. */
export async function waitForDiagnostics(uri: vscode.Uri, predicate: (d: vscode.Diagnostic[]) => boolean, timeoutMs = 15000, what = 'diagnostics'): Promise<vscode.Diagnostic[]> {
  let seen: vscode.Diagnostic[] = [];
  try {
    return await waitFor(
      () => {
        seen = vscode.languages.getDiagnostics(uri);
        return predicate(seen) ? seen : undefined;
      },
      timeoutMs,
      what,
    );
  } catch (err) {
    throw new Error(`${(err as Error).message}; diagnostics seen: ${describeDiagnostics(seen)}`);
  }
}

export function describeDiagnostics(ds: readonly vscode.Diagnostic[]): string {
  if (ds.length === 0) return 'none';
  return ds
    .map(
      (d) =>
        `[${d.source ?? '?'}${d.code !== undefined ? ` ${codeOf(d)}` : ''}] ${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.message}`,
    )
    .join('; ');
}

export function codeOf(d: vscode.Diagnostic): string | number | undefined {
  const c = d.code;
  return typeof c === 'object' && c !== null ? c.value : c;
}

/** The range of the first occurrence of `needle` in the document. */
export function rangeOfText(doc: vscode.TextDocument, needle: string): vscode.Range {
  const offset = doc.getText().indexOf(needle);
  if (offset < 0) throw new Error(`${JSON.stringify(needle)} not found in ${doc.uri.path}`);
  return new vscode.Range(doc.positionAt(offset), doc.positionAt(offset + needle.length));
}

/**
 * Asks the launcher for a screenshot of the whole workbench and waits for the PNG.
 * The code-server launcher (run.js) watches the suite's output for `MWB_SCREENSHOT <name>` and
 * saves test-results/screenshots/<name>.png; the desktop launcher cannot, so this returns
 * undefined there (check it and `this.skip()` if the test needs the picture).
 * `name`: letters, digits, dot, dash, underscore.
 */
export async function screenshot(name: string, timeoutMs = 15000, options: { keepNotifications?: boolean } = {}): Promise<string | undefined> {
  if (!/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$/.test(name)) throw new Error(`screenshot name ${JSON.stringify(name)}: use letters, digits, dot, dash and underscore`);
  if (process.env.MWB_INTEGRATION !== 'code-server') return undefined;
  const dir = process.env.MWB_SCREENSHOT_DIR || path.join(ROOT, 'test-results', 'screenshots');
  const file = path.join(dir, `${name}.png`);
  fs.rmSync(file, { force: true });
  // Toasts left by earlier tests would cover what the picture is for.
  if (!options.keepNotifications) await vscode.commands.executeCommand('notifications.clearAll');
  console.log(`MWB_SCREENSHOT ${name}`);
  await waitFor(() => fs.existsSync(file) && fs.statSync(file).size > 0, timeoutMs, `screenshot ${file}`);
  return file;
}
