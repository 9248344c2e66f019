/**
 * The preview page may ask the host to reveal a problem's range. The page is not trusted with more:
 * only a range inside the document being previewed is accepted (never another URI, which would open
 * any file or scheme the page names). Free of `vscode` for unit tests.
 */
export interface Previewed {
  uri: string;
  length: number;
}

export function acceptedReveal(previewed: Previewed | undefined, msg: { uri: string; start: number; end: number }): { start: number; end: number } | undefined {
  if (!previewed || msg.uri !== previewed.uri) return undefined;
  const ok = (n: number) => Number.isInteger(n) && n >= 0 && n <= previewed.length;
  if (!ok(msg.start) || !ok(msg.end) || msg.end < msg.start) return undefined;
  return { start: msg.start, end: msg.end };
}
