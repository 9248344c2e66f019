/**
 * Which of our problems the editor publishes as diagnostics: every one but the JSON syntax errors,
 * which VS Code's JSON service reports already (it cannot be turned off for one kind of file).
 * What it does not report (an empty file, nesting too deep to check) is ours to say, as Send
 * refuses those too. Schema problems are ours alone: the payload schemas VS Code gets do not
 * validate (src/schemas/editor-schema.ts). Pure, so the unit tests check the editor's path without VS Code.
 */
import type { Problem } from '../core/problem';

export function publishedProblems(problems: readonly Problem[]): Problem[] {
  return problems.filter((p) => p.source !== 'syntax' || (p.code !== 'json-syntax' && p.code !== 'too-many-problems'));
}
