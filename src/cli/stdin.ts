import { readFileSync } from 'node:fs';
import { UsageError } from './output';

/** All of standard input (for the `-` argument), or a usage error that says why it could not be read. */
export function readStdin(): string {
  try {
    return readFileSync(0, 'utf8');
  } catch (e) {
    throw new UsageError(`could not read from stdin (${(e as NodeJS.ErrnoException).code ?? 'read error'}).`);
  }
}
