/** CLI conventions: JSON to stdout, messages to stderr, exit 0 ok / 1 problems / 2 usage or I/O. */
import { writeSync } from 'node:fs';
import { terminalSafe } from './terminal-text';

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

/** Wrong arguments: main prints the message with the command's usage. Recognised by name, since each command is its own bundle. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Writes straight to the file descriptor, as Node's stdio streams do on Linux anyway (synchronously),
 * without building those streams: that costs a short command a few milliseconds. A descriptor that
 * is non-blocking and full (EAGAIN) gets the rest through the stream, which waits.
 */
function write(fd: 1 | 2, text: string): void {
  const bytes = Buffer.from(text.endsWith('\n') ? text : text + '\n', 'utf8');
  let done = 0;
  try {
    while (done < bytes.length) done += writeSync(fd, bytes, done);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // A reader that went away (`mwb ... | head`) wants no more: not an error of ours.
    if (code === 'EPIPE') return;
    if (code !== 'EAGAIN') throw e;
    (fd === 1 ? process.stdout : process.stderr).write(bytes.subarray(done));
  }
}

/** Where `out` and `err` write: the descriptors. Tests put their own here to see what a command prints. */
export const sink: { write: (fd: 1 | 2, text: string) => void } = { write };

/** Standard output; control characters from servers or files are shown escaped (terminal-text.ts). */
export function out(text: string): void {
  sink.write(1, terminalSafe(text));
}

export function err(text: string): void {
  sink.write(2, terminalSafe(text));
}

export function printJson(value: unknown): void {
  out(JSON.stringify(value, null, 2));
}
