/** Text edits for quick fixes, computed by jsonc-parser so commas and indentation stay right. */
import { modify, type JSONPath } from 'jsonc-parser';
import type { TextEdit } from './problem';

function indentOf(text: string): { insertSpaces: boolean; tabSize: number } {
  const m = /\n([ \t]+)\S/.exec(text);
  if (m && m[1].startsWith('\t')) return { insertSpaces: false, tabSize: 1 };
  return { insertSpaces: true, tabSize: m ? m[1].length : 2 };
}

export function setValueEdits(text: string, path: JSONPath, value: unknown): TextEdit[] {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return modify(text, path, value, { formattingOptions: { ...indentOf(text), eol } }).map((e) => ({ offset: e.offset, length: e.length, newText: e.content }));
}

export function removePropertyEdits(text: string, path: JSONPath): TextEdit[] {
  return setValueEdits(text, path, undefined);
}

/** Replace a string value's text exactly (keeps surrounding formatting). */
export function replaceStringEdit(start: number, end: number, newValue: string): TextEdit {
  return { offset: start, length: end - start, newText: JSON.stringify(newValue) };
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length);
  return out;
}
