/** Our problems (schema and lint) as editor diagnostics, refreshed as you type. */
import * as vscode from 'vscode';
import type { Problem } from '../core/problem';
import { isDefinitionDocument, isPayloadDocument } from './payload-files';
import { publishedProblems } from './published-problems';
import type { Validations } from './validation';
import type { WorkspaceTemplates } from './workspace-templates';

export const DIAGNOSTIC_SOURCE = 'Message Workbench';
const DEBOUNCE_MS = 150;

const severity: Record<Problem['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toDiagnostic(doc: vscode.TextDocument, p: Problem): vscode.Diagnostic {
  const range = new vscode.Range(doc.positionAt(p.start), doc.positionAt(p.end));
  const d = new vscode.Diagnostic(range, p.message, severity[p.severity]);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = p.code;
  return d;
}

export function register(validations: Validations, templates: WorkspaceTemplates): vscode.Disposable[] {
  const collection = vscode.languages.createDiagnosticCollection('message-workbench');
  const timers = new Map<string, NodeJS.Timeout>();

  const refresh = (doc: vscode.TextDocument) => {
    if (!isPayloadDocument(doc) && !isDefinitionDocument(doc)) return;
    // Every schema and lint problem, as `mwb validate` and Send see them; syntax errors are the JSON service's.
    const problems = publishedProblems(validations.get(doc).problems);
    collection.set(
      doc.uri,
      problems.map((p) => toDiagnostic(doc, p)),
    );
  };
  const schedule = (doc: vscode.TextDocument) => {
    const key = doc.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        refresh(doc);
      }, DEBOUNCE_MS),
    );
  };
  const refreshAll = () => {
    validations.clear();
    vscode.workspace.textDocuments.forEach(refresh);
  };

  // Not inside activate: the first validation loads the validation bundle (zod and the schemas),
  // which would hold up the extension host's start when a payload file is already open.
  const initial = setTimeout(() => vscode.workspace.textDocuments.forEach(refresh), 0);
  return [
    collection,
    vscode.workspace.onDidOpenTextDocument(schedule),
    vscode.workspace.onDidChangeTextDocument((e) => schedule(e.document)),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      collection.delete(doc.uri);
      validations.forget(doc);
    }),
    templates.onDidChange(refreshAll),
    { dispose: () => [initial, ...timers.values()].forEach((t) => clearTimeout(t)) },
  ];
}
