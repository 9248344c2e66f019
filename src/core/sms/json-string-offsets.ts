/**
 * Where each UTF-16 unit of a decoded JSON string stands in the file: `\n`, `\"` and `\u2019`
 * each decode to one unit but take 2 or 6 file characters, so string offsets and file offsets drift.
 */

/**
 * For the JSON string literal whose opening quote is at `quote` in `fileText`: an array with the
 * file offset of every decoded UTF-16 unit, plus one last entry, the offset of the closing quote.
 * Undefined when there is no well-formed string literal there.
 */
export function jsonStringOffsets(fileText: string, quote: number): number[] | undefined {
  if (fileText.charCodeAt(quote) !== 0x22) return undefined;
  const offsets: number[] = [];
  let i = quote + 1;
  while (i < fileText.length) {
    const c = fileText.charCodeAt(i);
    if (c === 0x22) {
      offsets.push(i);
      return offsets;
    }
    offsets.push(i);
    if (c !== 0x5c) {
      i++;
      continue;
    }
    const e = fileText[i + 1];
    if (e === 'u') {
      if (!/^[0-9a-fA-F]{4}$/.test(fileText.slice(i + 2, i + 6))) return undefined;
      i += 6;
    } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
      i += 2;
    } else {
      return undefined;
    }
  }
  return undefined;
}

/** The JSON string body (no quotes) that decodes to `text`, for edits inside a string literal. */
export function jsonStringBody(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}
