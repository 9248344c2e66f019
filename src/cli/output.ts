/** CLI conventions: JSON to stdout, messages to stderr, exit 0 ok / 1 problems / 2 usage or I/O. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

/** Wrong arguments: main prints the message with the command's usage. Recognised by name, since each command is its own bundle. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function out(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : text + '\n');
}

export function err(text: string): void {
  process.stderr.write(text.endsWith('\n') ? text : text + '\n');
}

export function printJson(value: unknown): void {
  out(JSON.stringify(value, null, 2));
}
