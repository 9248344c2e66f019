/**
 * Text from a server (an error body, a header) can carry ANSI escape sequences and control characters
 * that move the cursor, clear the screen or retitle the terminal: a hostile server could rewrite what
 * the user sees. Everything the CLI prints goes through here first, and such characters are shown as
 * `\u001b`-style escapes instead. The escape is JSON's own, so JSON output stays valid JSON with the
 * same value (JSON.stringify leaves DEL and the C1 controls, U+0080-U+009F, raw).
 */

// C0 controls but tab and line feed; a carriage return not ending a line (it would overwrite it); DEL; C1 (0x9b is CSI).
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\r(?!\n)/g;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
