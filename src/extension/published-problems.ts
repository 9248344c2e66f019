/**
 * Which of our problems the editor publishes as diagnostics: every one but the syntax errors, which
 * VS Code's JSON service reports already (it cannot be turned off for one kind of file). Schema
 * problems are ours alone: the payload schemas VS Code gets do not validate (src/schemas/editor-schema.ts).
 * Pure, so the unit tests check the editor's path without VS Code.
 */
import type { Problem } from '../core/problem';

export function publishedProblems(problems: readonly Problem[]): Problem[] {
  return problems.filter((p) => p.source !== 'syntax');
}
