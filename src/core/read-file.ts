/** Reading a payload file from disk, with every failure turned into a sentence a person can act on. */
import * as fs from 'node:fs';

export const MAX_FILE_BYTES = 16 * 1024 * 1024;

export type ReadResult =
  | { ok: true; text: string }
  /** The file could not be read at all (exit 2). */
  | { ok: false; kind: 'io'; message: string }
  /** The file was read, but its content cannot be a payload (a problem in the file, exit 1). */
  | { ok: false; kind: 'content'; code: string; message: string; offset: number };

export function decodePayload(bytes: Uint8Array): ReadResult {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return { ok: false, kind: 'content', code: 'binary-file', offset: 0, message: 'This is a binary file, not JSON text: a payload file holds the JSON body of a request.' };
  }
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { ok: true, text };
  } catch {
    // Find the first byte that is not valid UTF-8 so the user can go there.
    let good = 0;
    for (let end = Math.min(bytes.length, 1 << 20); good < end; ) {
      const step = bytes[good] < 0x80 ? 1 : bytes[good] >= 0xf0 ? 4 : bytes[good] >= 0xe0 ? 3 : 2;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(good, good + step));
        good += step;
      } catch {
        break;
      }
    }
    const before = new TextDecoder().decode(bytes.subarray(0, good));
    return {
      ok: false,
      kind: 'content',
      code: 'encoding',
      offset: before.length,
      message: `The file is not valid UTF-8 (byte 0x${bytes[good]?.toString(16).padStart(2, '0') ?? '??'} at byte offset ${good}). Save it as UTF-8: JSON must be UTF-8 on the wire.`,
    };
  }
}

export function readPayloadFile(file: string): ReadResult {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (code ?? 'unreadable');
    return { ok: false, kind: 'io', message: `${file}: cannot read: ${why}.` };
  }
  if (stat.isDirectory()) return { ok: false, kind: 'io', message: `${file}: is a directory; pass the payload files in it (e.g. ${file.replace(/\/$/, '')}/*.json).` };
  if (!stat.isFile()) return { ok: false, kind: 'io', message: `${file}: not a regular file.` };
  if (stat.size > MAX_FILE_BYTES) {
    return { ok: false, kind: 'content', code: 'too-large', offset: 0, message: `The file is ${(stat.size / 1048576).toFixed(1)} MB; payloads over ${MAX_FILE_BYTES / 1048576} MB are not checked (no messaging API accepts a body that large).` };
  }
  try {
    return decodePayload(fs.readFileSync(file));
  } catch (err) {
    return { ok: false, kind: 'io', message: `${file}: cannot read: ${(err as NodeJS.ErrnoException).code ?? 'error'}.` };
  }
}
