/** CLI conventions: JSON to stdout, messages to stderr, exit 0 ok / 1 problems / 2 usage or I/O. */
import { terminalSafe } from './terminal-text';

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

/** Wrong arguments: main prints the message with the command's usage. Recognised by name, since each command is its own bundle. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Standard output; control characters from servers or files are shown escaped (terminal-text.ts). */
export function out(text: string): void {
  const safe = terminalSafe(text);
  process.stdout.write(safe.endsWith('\n') ? safe : safe + '\n');
}

export function err(text: string): void {
  const safe = terminalSafe(text);
  process.stderr.write(safe.endsWith('\n') ? safe : safe + '\n');
}

export function printJson(value: unknown): void {
  out(JSON.stringify(value, null, 2));
}
