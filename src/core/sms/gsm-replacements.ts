/**
 * GSM equivalents for characters that would force UCS-2. Only replacements a reader would not
 * notice in meaning: typographic quotes, dashes, spaces and the like. Accented letters outside the
 * GSM alphabet (ç, á, ...) are deliberately absent: dropping an accent changes the spelling.
 */
import { isGsmText } from './gsm-charset';

const TABLE: Readonly<Record<string, string>> = {
  // quotes and apostrophes
  '\u2018': "'", // ‘
  '\u2019': "'", // ’
  '\u201a': "'", // ‚
  '\u201b': "'", // ‛
  '\u2032': "'", // ′
  '\u2039': "'", // ‹
  '\u203a': "'", // ›
  '`': "'",
  '\u00b4': "'", // ´
  '\u201c': '"', // “
  '\u201d': '"', // ”
  '\u201e': '"', // „
  '\u201f': '"', // ‟
  '\u2033': '"', // ″
  '\u00ab': '"', // «
  '\u00bb': '"', // »
  // dashes and hyphens
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-', // –
  '\u2014': '-', // —
  '\u2015': '-',
  '\u2212': '-', // minus sign
  '\u2022': '-', // • as a list bullet
  // punctuation
  '\u2026': '...', // …
  '\u203c': '!!', // ‼
  '\u2044': '/', // fraction slash
  '\u02c6': '^',
  '\u02dc': '~',
  // spaces and invisible characters
  '\t': ' ',
  '\u00a0': ' ', // no-break space
  '\u2000': ' ',
  '\u2001': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2004': ' ',
  '\u2005': ' ',
  '\u2006': ' ',
  '\u2007': ' ',
  '\u2008': ' ',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u202f': ' ',
  '\u205f': ' ',
  '\u3000': ' ',
  '\u200b': '', // zero-width space
  '\u2060': '', // word joiner
  '\u00ad': '', // soft hyphen
  '\ufeff': '', // byte-order mark
  '\u2028': '\n',
  '\u2029': '\n',
};

/**
 * The GSM text that means the same as `chars` (one grapheme cluster), or undefined when there is none.
 * Beyond the table: a decomposed letter whose composed form is GSM (e + U+0301 -> é), and
 * full-width ASCII (！ -> !).
 */
export function gsmReplacement(chars: string): string | undefined {
  const direct = TABLE[chars];
  if (direct !== undefined) return direct;
  const composed = chars.normalize('NFC');
  if (composed !== chars && isGsmText(composed)) return composed;
  if (chars.length === 1) {
    const c = chars.charCodeAt(0);
    if (c >= 0xff01 && c <= 0xff5e) {
      const ascii = String.fromCharCode(c - 0xfee0);
      if (isGsmText(ascii)) return ascii;
    }
  }
  return undefined;
}
