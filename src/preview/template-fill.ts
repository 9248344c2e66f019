/** Fill a template's `{{n}}` placeholders with the payload's parameters (1-based). */
export interface FilledText {
  text: string;
  /** Placeholder numbers the payload gave no value for. */
  missing: number[];
}

export function fillTemplate(text: string, values: readonly string[]): FilledText {
  const missing: number[] = [];
  const filled = text.replace(/\{\{\s*(\d+)\s*\}\}/g, (whole, n: string) => {
    const i = Number(n) - 1;
    if (i >= 0 && i < values.length) return values[i];
    missing.push(Number(n));
    return whole;
  });
  return { text: filled, missing };
}
