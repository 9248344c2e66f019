/**
 * Every file the tool reads (payloads, catalogs, settings, key files), with every failure turned into
 * a sentence a person can act on. Only regular files are read, and never more than a cap: a FIFO,
 * `/dev/zero` or a file that keeps growing must not hang the tool or fill its memory.
 */
import * as fs from 'node:fs';

export const MAX_FILE_BYTES = 16 * 1024 * 1024;
/** `.vscode/settings.json`: far more than any settings file, far less than memory. */
export const MAX_SETTINGS_BYTES = 4 * 1024 * 1024;
/** An RSA private key PEM is 1.7 KB (2048 bits) to 3.3 KB (4096 bits). */
export const MAX_KEY_BYTES = 64 * 1024;

export type ReadResult =
  /** `bytes`: the file as read (to check it is unchanged before writing it back). */
  | { ok: true; text: string; bytes?: Uint8Array }
  /** The file could not be read at all (exit 2). */
  | { ok: false; kind: 'io'; message: string }
  /** The file was read, but its content cannot be a payload (a problem in the file, exit 1). */
  | { ok: false; kind: 'content'; code: string; message: string; offset: number };

export type BytesResult = { ok: true; bytes: Buffer; stat: fs.Stats } | { ok: false; kind: 'io'; message: string } | { ok: false; kind: 'too-large'; size: number; message: string };

function errnoWords(code: string | undefined): string {
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    default:
      return code ?? 'unreadable';
  }
}

function kindOf(stat: fs.Stats): string {
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

function megabytes(n: number): string {
  return n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

/**
 * The bytes of a regular file, at most `maxBytes`. Opened without blocking (a FIFO with no writer
 * would block the open itself), checked on the open descriptor (so a swap after a check is
 * harmless), and read no further than the cap even if the file grows meanwhile.
 */
export function readRegularFile(file: string, maxBytes: number, what = 'the file'): BytesResult {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (err) {
    return { ok: false, kind: 'io', message: `${file}: cannot read ${what}: ${errnoWords((err as NodeJS.ErrnoException).code)}.` };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) return { ok: false, kind: 'io', message: `${file}: is a directory, not ${what}.` };
    if (!stat.isFile()) return { ok: false, kind: 'io', message: `${file}: is ${kindOf(stat)}; ${what} must be a regular file.` };
    if (stat.size > maxBytes)
      return { ok: false, kind: 'too-large', size: stat.size, message: `${file}: is ${megabytes(stat.size)}; ${what} may be at most ${megabytes(maxBytes)}, so it is not read.` };
    const chunks: Buffer[] = [];
    let total = 0;
    const chunk = Buffer.allocUnsafe(Math.min(maxBytes + 1, 1 << 20));
    for (;;) {
      const n = fs.readSync(fd, chunk, 0, Math.min(chunk.length, maxBytes + 1 - total), null);
      if (n === 0) break;
      chunks.push(Buffer.from(chunk.subarray(0, n)));
      total += n;
      if (total > maxBytes)
        return { ok: false, kind: 'too-large', size: total, message: `${file}: grew past ${megabytes(maxBytes)} while being read; ${what} may be at most that, so it is not read.` };
    }
    return { ok: true, bytes: Buffer.concat(chunks, total), stat };
  } catch (err) {
    return { ok: false, kind: 'io', message: `${file}: cannot read ${what}: ${errnoWords((err as NodeJS.ErrnoException).code)}.` };
  } finally {
    fs.closeSync(fd);
  }
}

/** Text of a small file (settings, a catalog, a key), or a sentence saying why not. */
export function readTextFile(file: string, maxBytes: number, what: string): { ok: true; text: string } | { ok: false; message: string } {
  const read = readRegularFile(file, maxBytes, what);
  if (!read.ok) return { ok: false, message: read.message };
  const decoded = decodePayload(read.bytes);
  if (!decoded.ok) return { ok: false, message: `${file}: ${decoded.message}` };
  return decoded;
}

/** Which Unicode encoding a byte-order mark or the pattern of zero bytes gives away, if not UTF-8. */
function wideEncoding(bytes: Uint8Array): string | undefined {
  const b = bytes;
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return 'UTF-32 LE';
  if (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return 'UTF-32 BE';
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'UTF-16 LE';
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'UTF-16 BE';
  // JSON starts with ASCII characters, so without a mark the zero bytes of the first two tell (RFC 4627, section 3).
  const ascii = (x: number) => x === 0x09 || x === 0x0a || x === 0x0d || (x >= 0x20 && x < 0x7f);
  if (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0 && ascii(b[3])) return 'UTF-32 BE';
  if (b.length >= 4 && ascii(b[0]) && b[1] === 0 && b[2] === 0 && b[3] === 0) return 'UTF-32 LE';
  if (b.length >= 4 && b[0] === 0 && ascii(b[1]) && b[2] === 0 && ascii(b[3])) return 'UTF-16 BE';
  if (b.length >= 4 && ascii(b[0]) && b[1] === 0 && ascii(b[2]) && b[3] === 0) return 'UTF-16 LE';
  return undefined;
}

export function decodePayload(bytes: Uint8Array): ReadResult {
  const wide = wideEncoding(bytes);
  if (wide) {
    return {
      ok: false,
      kind: 'content',
      code: 'encoding',
      offset: 0,
      message: `The file is saved as ${wide}; JSON on the wire is UTF-8 (RFC 8259). Save it as UTF-8 (in VS Code: click "${wide.replace(' ', '-')}" in the status bar, "Save with Encoding", "UTF-8").`,
    };
  }
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
    for (let end = Math.min(bytes.length, 1 << 20); good < end;) {
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
  const read = readRegularFile(file, MAX_FILE_BYTES, 'a payload file');
  if (!read.ok && read.kind === 'too-large') {
    return {
      ok: false,
      kind: 'content',
      code: 'too-large',
      offset: 0,
      message: `The file is ${megabytes(read.size)}; payloads over ${megabytes(MAX_FILE_BYTES)} are not checked (no messaging API accepts a body that large).`,
    };
  }
  if (!read.ok) {
    // A directory: say how to pass what is in it.
    if (/: is a directory/.test(read.message)) return { ok: false, kind: 'io', message: `${file}: is a directory; pass the payload files in it (e.g. ${file.replace(/\/$/, '')}/*.json).` };
    return { ok: false, kind: 'io', message: read.message };
  }
  const decoded = decodePayload(read.bytes);
  return decoded.ok ? { ...decoded, bytes: read.bytes } : decoded;
}
