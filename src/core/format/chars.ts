/**
 * Character classes behind WhatsApp's marker boundaries. A marker may open only where the
 * previous character is not part of a word, and close only where the next one is not, so
 * "word" must mean what the app means: any Unicode letter or digit (`é`, `中`, `٣`), plus
 * combining marks that belong to a letter. Emoji, punctuation and symbols are not word
 * characters, so `😀*x*` and `(*x*)` format.
 */

const WORD = /[\p{L}\p{N}\p{M}]/u;

/** Unicode White_Space (the characters a marker may not face). */
export function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0x85) return false;
  return c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

function isWordCodePoint(cp: number): boolean {
  if (cp < 0x80) {
    return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  }
  // Emoji presentation selectors and the keycap mark are marks in Unicode, but they end an
  // emoji, not a word: `❤️*x*` formats in the app.
  if ((cp >= 0xfe00 && cp <= 0xfe0f) || cp === 0x20e3 || (cp >= 0xe0100 && cp <= 0xe01ef)) return false;
  return WORD.test(String.fromCodePoint(cp));
}

/** Whether the code point that ends just before `i` is a word character (false at the start). */
export function wordBefore(s: string, i: number): boolean {
  if (i <= 0) return false;
  const lo = s.charCodeAt(i - 1);
  if (lo < 0x80) return isWordCodePoint(lo);
  if (lo >= 0xdc00 && lo <= 0xdfff && i >= 2) {
    const hi = s.charCodeAt(i - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return isWordCodePoint(((hi - 0xd800) << 10) + (lo - 0xdc00) + 0x10000);
  }
  return isWordCodePoint(lo);
}

/** Whether the code point that starts at `i` is a word character (false at the end). */
export function wordAt(s: string, i: number): boolean {
  if (i >= s.length) return false;
  const c = s.charCodeAt(i);
  if (c < 0x80) return isWordCodePoint(c);
  return isWordCodePoint(s.codePointAt(i)!);
}
