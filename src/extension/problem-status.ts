/**
 * The status bar's count of the active payload file's errors and warnings: the list the preview
 * shows (file-problems.ts), updated when the file's diagnostics change, so the status bar, the
 * preview and the Problems panel say the same number, and an error here is one Send refuses.
 */
import * as vscode from 'vscode';
import { countProblems, fileProblems } from './file-problems';
import { isDefinitionDocument, isPayloadDocument } from './payload-files';
import type { Validations } from './validation';

const STATUS_ID = 'messageWorkbench.problems';

export interface ProblemStatus {
  /** What the item shows now (undefined when hidden), for the integration tests. */
  readonly shown: { text: string; tooltip: string; errors: number; warnings: number } | undefined;
}

export function register(validations: Validations): { status: ProblemStatus; disposables: vscode.Disposable[] } {
  // Just right of the profile item (priority 50), both about what Send will do.
  const item = vscode.window.createStatusBarItem(STATUS_ID, vscode.StatusBarAlignment.Left, 49);
  item.name = 'Message Workbench: problems in this payload';
  item.command = 'workbench.actions.view.problems';
  let shown: ProblemStatus['shown'];

  const update = () => {
    const doc = vscode.window.activeTextEditor?.document;
    // Payloads and template definitions: both are sent (Send, Submit Template), both get our diagnostics.
    if (!doc || !(isPayloadDocument(doc) || isDefinitionDocument(doc))) {
      shown = undefined;
      item.hide();
      return;
    }
    const { error, warning } = countProblems(fileProblems(doc, validations.get(doc)));
    const file = vscode.workspace.asRelativePath(doc.uri);
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    // Not VS Code's own "errors and warnings" item (which counts the whole workspace): this file, and what it means for Send.
    const warnings = warning > 0 ? ` $(warning) ${warning}` : '';
    item.text = error > 0 ? `$(error) ${plural(error, 'error')} ${error === 1 ? 'blocks' : 'block'} Send${warnings}` : `$(check) No errors${warnings}`;
    item.tooltip =
      error > 0
        ? `${file}: ${plural(error, 'error')} the API would reject: Send refuses until ${error === 1 ? 'it is' : 'they are'} fixed. ${plural(warning, 'warning')}. Click for the Problems panel.`
        : `${file}: no errors, ${plural(warning, 'warning')}. Click for the Problems panel.`;
    item.backgroundColor = error > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    item.accessibilityInformation = { label: `Message Workbench: ${plural(error, 'error')}, ${plural(warning, 'warning')} in ${file}` };
    shown = { text: item.text, tooltip: item.tooltip, errors: error, warnings: warning };
    item.show();
  };

  // Not inside activate: counting loads the validation bundle (as diagnostics.ts defers its first refresh).
  const initial = setTimeout(update, 0);
  return {
    status: {
      get shown() {
        return shown;
      },
    },
    disposables: [
      item,
      vscode.window.onDidChangeActiveTextEditor(update),
      // Our diagnostics are refreshed 150 ms after an edit, the JSON service's in between: recount on each.
      vscode.languages.onDidChangeDiagnostics((e) => {
        const uri = vscode.window.activeTextEditor?.document.uri.toString();
        if (uri && e.uris.some((u) => u.toString() === uri)) update();
      }),
      { dispose: () => clearTimeout(initial) },
    ],
  };
}
