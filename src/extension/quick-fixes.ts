/** Quick fixes for our diagnostics: each problem's fixes, as computed by the domain. */
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { PAYLOAD_SELECTOR } from './payload-files';
import type { Validations } from './validation';

class QuickFixProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly validations: Validations) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    if (ours.length === 0) return [];
    const problems = this.validations.get(doc).problems;
    const actions: vscode.CodeAction[] = [];
    for (const d of ours) {
      const start = doc.offsetAt(d.range.start);
      const end = doc.offsetAt(d.range.end);
      const problem = problems.find((p) => p.code === d.code && p.start === start && p.end === end);
      for (const fix of problem?.fixes ?? []) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [d];
        // A fix with one right answer (the one `mwb validate --fix` applies) is the preferred one.
        action.isPreferred = fix.auto === true || problem!.fixes!.length === 1;
        const edit = new vscode.WorkspaceEdit();
        for (const e of fix.edits) edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.offset), doc.positionAt(e.offset + e.length)), e.newText);
        action.edit = edit;
        actions.push(action);
      }
    }
    return actions;
  }
}

export function register(validations: Validations): vscode.Disposable[] {
  return [vscode.languages.registerCodeActionsProvider(PAYLOAD_SELECTOR, new QuickFixProvider(validations), { providedCodeActionKinds: QuickFixProvider.kinds })];
}
