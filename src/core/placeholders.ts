/** `{{NAME}}` placeholders inside string values, filled from the active environment at send time. */
export const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export function hasPlaceholder(text: string): boolean {
  PLACEHOLDER.lastIndex = 0;
  const found = PLACEHOLDER.test(text);
  // A global regex keeps its position, and matchAll() starts from it: leave it at 0 for the next user.
  PLACEHOLDER.lastIndex = 0;
  return found;
}

/** Replace placeholders with values; unknown names are left as they are and returned. */
export function fillPlaceholders(text: string, values: Record<string, string>): { text: string; missing: string[] } {
  const missing: string[] = [];
  const out = text.replace(PLACEHOLDER, (whole, name: string) => {
    if (Object.prototype.hasOwnProperty.call(values, name)) return values[name];
    missing.push(name);
    return whole;
  });
  return { text: out, missing };
}
