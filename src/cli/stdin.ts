/**
 * Standard input for the `-` argument, read up to a cap: stdin can be `/dev/zero` or an endless pipe,
 * which must end in a sentence, not in a process that grows until the system kills it.
 */
import * as fs from 'node:fs';
import { UsageError } from './output';

/** Text for `mwb sms -`: far beyond any message. */
export const MAX_STDIN_BYTES = 1024 * 1024;

const pause = new Int32Array(new SharedArrayBuffer(4));

function size(n: number): string {
  return n >= 1048576 ? `${n / 1048576} MB` : `${n / 1024} KB`;
}

/** All of standard input, at most `maxBytes` of it, or a usage error that says why it could not be read. */
export function readStdin(maxBytes = MAX_STDIN_BYTES, what = 'a message'): string {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.allocUnsafe(64 * 1024);
  for (;;) {
    let n: number;
    try {
      n = fs.readSync(0, chunk, 0, chunk.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        // A non-blocking stdin with nothing yet: wait a little, as a blocking read would.
        Atomics.wait(pause, 0, 0, 10);
        continue;
      }
      if (code === 'EOF') break;
      throw new UsageError(`could not read from stdin (${code ?? 'read error'}).`);
    }
    if (n === 0) break;
    total += n;
    if (total > maxBytes) throw new UsageError(`standard input holds more than ${size(maxBytes)}, more than ${what} ever is; pass the right text or file.`);
    chunks.push(Buffer.from(chunk.subarray(0, n)));
  }
  return Buffer.concat(chunks, total).toString('utf8');
}
