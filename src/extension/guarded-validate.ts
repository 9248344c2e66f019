/**
 * The domain's validateText, guarded for pathological files: JSON nested thousands of levels
 * deep makes the recursive checks overflow the stack or run for minutes, which would freeze
 * diagnostics, the preview and Send in the extension host. No message needs more than a few
 * levels, so such a file gets one clear problem instead. Free of `vscode` for unit tests.
 */
import type { ParsedDocument } from '../core/parse';
import type { Problem } from '../core/problem';
import type { ValidateOptions, ValidationResult } from '../core/validate';

/** Far deeper than any payload (the deepest, a template with components, is about 8). */
export const MAX_NESTING = 256;

/** The deepest nesting of objects and arrays in `text`, ignoring brackets inside strings; stops counting past `limit`. */
export function nestingDepth(text: string, limit = Infinity): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max && (max = depth) > limit) return max;
    } else if (c === 0x7d || c === 0x5d) depth = Math.max(0, depth - 1);
  }
  return max;
}

function unchecked(text: string, message: string): ValidationResult {
  const problem: Problem = { severity: 'error', code: 'unchecked', message, pointer: '', start: 0, end: Math.min(text.length, 1), source: 'lint' };
  const doc: ParsedDocument = { text, empty: true, value: undefined, problems: [problem] } as unknown as ParsedDocument;
  return { doc, provider: undefined, model: undefined, problems: [problem] };
}

export function guardedValidate(validateText: (text: string, options: ValidateOptions) => ValidationResult, text: string, options: ValidateOptions): ValidationResult {
  if (nestingDepth(text, MAX_NESTING) > MAX_NESTING) {
    return unchecked(text, `This file nests objects or arrays more than ${MAX_NESTING} levels deep, which no message needs, so it is not checked or previewed. Remove the extra nesting.`);
  }
  try {
    return validateText(text, options);
  } catch (e) {
    // Never a stack trace for the user: name what happened and keep the editor working.
    const what = e instanceof RangeError ? 'it is too deeply nested or too large' : 'of an internal error';
    return unchecked(text, `This file could not be checked because ${what}. Simplify it; your text is unchanged.`);
  }
}
