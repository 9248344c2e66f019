/**
 * A payload file's problems as the preview lists them and the status bar counts them: ours (the
 * same check as `mwb validate` and Send) and whatever else reports on the file (VS Code's JSON
 * service: syntax errors, duplicate keys), with its copies of syntax errors left out when ours,
 * which say what to do, are listed. One list, so the preview, the status bar and the Problems
 * panel count the same errors.
 */
import * as vscode from 'vscode';
import type { ValidationResult } from '../pipeline/validate';
import type { PreviewProblem } from '../preview/problems';
import { validation } from './lazy-domain';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

export interface ProblemCounts {
  error: number;
  warning: number;
  info: number;
}

export function fileProblems(doc: vscode.TextDocument, result: ValidationResult): PreviewProblem[] {
  const ours = validation().locateProblems(doc.getText(), result.problems);
  return [
    ...ours,
    ...otherDiagnostics(
      doc,
      ours.some((p) => p.code === 'json-syntax'),
    ),
  ];
}

export function countProblems(problems: readonly { severity: PreviewProblem['severity'] }[]): ProblemCounts {
  const counts: ProblemCounts = { error: 0, warning: 0, info: 0 };
  for (const p of problems) counts[p.severity]++;
  return counts;
}

/** Diagnostics from other sources, as preview problems; the JSON service's syntax errors only when we list none. */
function otherDiagnostics(doc: vscode.TextDocument, ownSyntax: boolean): PreviewProblem[] {
  const severity = (s: vscode.DiagnosticSeverity): PreviewProblem['severity'] => (s === vscode.DiagnosticSeverity.Error ? 'error' : s === vscode.DiagnosticSeverity.Warning ? 'warning' : 'info');
  return vscode.languages
    .getDiagnostics(doc.uri)
    .filter((x) => x.source !== DIAGNOSTIC_SOURCE && !(ownSyntax && isJsonSyntaxCode(x.code)))
    .map((x) => ({
      severity: severity(x.severity),
      code: String(typeof x.code === 'object' ? x.code.value : (x.code ?? x.source ?? 'json')),
      message: x.message,
      start: doc.offsetAt(x.range.start),
      end: doc.offsetAt(x.range.end),
      line: x.range.start.line + 1,
      column: x.range.start.character + 1,
    }));
}

/** vscode-json-languageservice's ErrorCode values for scanner and parser errors (0x101-0x106, 0x201-0x207, 0x209); 0x208 (duplicate key) is not one we report. */
function isJsonSyntaxCode(code: vscode.Diagnostic['code']): boolean {
  const n = Number(typeof code === 'object' ? code.value : code);
  return (n >= 0x101 && n <= 0x106) || (n >= 0x201 && n <= 0x209 && n !== 0x208);
}
