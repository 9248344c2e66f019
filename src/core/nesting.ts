/**
 * JSON nested thousands of levels deep makes recursive parsers and checks overflow the stack or run
 * for minutes. No message needs more than a few levels (a template with components is about 8), so
 * such a file is refused with one clear problem before anything recursive touches it.
 */
export const MAX_NESTING = 256;

/** The deepest nesting of objects and arrays in `text`, ignoring brackets inside strings; stops counting past `limit`. */
export function nestingDepth(text: string, limit = Infinity): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max && (max = depth) > limit) return max;
    } else if (c === 0x7d || c === 0x5d) depth = Math.max(0, depth - 1);
  }
  return max;
}

export const TOO_DEEP_MESSAGE = `This file nests objects or arrays more than ${MAX_NESTING} levels deep, which no message needs, so it is not checked or previewed. Remove the extra nesting.`;
