/** Reading request bodies with a size cap, and describing JSON errors without quoting the body. */
import type { IncomingMessage } from 'node:http';
import { parse as parseLenient, printParseErrorCode, type ParseError } from 'jsonc-parser';

export type BodyResult = { ok: true; text: string } | { ok: false; tooLarge: true };

export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      resolve({ ok: false, tooLarge: true });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        chunks.length = 0;
        resolve({ ok: false, tooLarge: true });
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      resolve({ ok: true, text: Buffer.concat(chunks).toString('utf8') });
    });
    req.on('error', (e) => {
      if (!done) reject(e);
      done = true;
    });
  });
}

export type JsonResult = { ok: true; value: unknown } | { ok: false; detail: string };

/**
 * Strict JSON (what the APIs accept). The error names a line and column but never quotes the
 * text: a gateway body carries its token.
 */
export function parseJson(text: string): JsonResult {
  if (text.trim() === '') return { ok: false, detail: 'the body is empty.' };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    // V8's message quotes the text around the error, so locate it with jsonc-parser instead.
    const errors: ParseError[] = [];
    parseLenient(text, errors, { disallowComments: true, allowTrailingComma: false });
    const first = errors[0];
    if (!first) return { ok: false, detail: 'check the quotes, commas and brackets.' };
    const offset = Math.min(first.offset, text.length);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    const what = printParseErrorCode(first.error)
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase();
    return { ok: false, detail: `${what} at line ${line}, column ${column}.` };
  }
}
