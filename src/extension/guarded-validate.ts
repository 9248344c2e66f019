/**
 * The domain's validateText, guarded for pathological files: JSON nested thousands of levels
 * deep makes the recursive checks overflow the stack or run for minutes, which would freeze
 * diagnostics, the preview and Send in the extension host. No message needs more than a few
 * levels, so such a file gets one clear problem instead. Free of `vscode` for unit tests.
 */
import type { ParsedDocument } from '../core/parse';
import type { Problem } from '../core/problem';
import type { ValidateOptions, ValidationResult } from '../core/validate';

function unchecked(text: string, message: string): ValidationResult {
  const problem: Problem = { severity: 'error', code: 'unchecked', message, pointer: '', start: 0, end: Math.min(text.length, 1), source: 'lint' };
  const doc: ParsedDocument = { text, empty: true, value: undefined, problems: [problem] } as unknown as ParsedDocument;
  return { doc, provider: undefined, model: undefined, problems: [problem] };
}

export function guardedValidate(validateText: (text: string, options: ValidateOptions) => ValidationResult, text: string, options: ValidateOptions): ValidationResult {
  // Too-deep files are refused by validateText itself; this guard keeps any other failure from
  // reaching the user as a stack trace.
  try {
    return validateText(text, options);
  } catch (e) {
    // Never a stack trace for the user: name what happened and keep the editor working.
    const what = e instanceof RangeError ? 'it is too deeply nested or too large' : 'of an internal error';
    return unchecked(text, `This file could not be checked because ${what}. Simplify it; your text is unchanged.`);
  }
}
