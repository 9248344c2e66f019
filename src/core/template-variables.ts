/**
 * The variables of WhatsApp template text (`{{1}}`, or `{{first_name}}` in a NAMED template): where
 * each stands and what kind it is. Definition lint, message lint and the preview all read them here.
 */

export interface TemplateVariable {
  /** What stands between the braces, as written. */
  name: string;
  /** Positional (`{{1}}`), named (`{{first_name}}`), or neither (spaces, capitals, punctuation). */
  kind: 'positional' | 'named' | 'invalid';
  /** Offsets of `{{` and just after `}}` in the text. */
  start: number;
  end: number;
}

/** Meta: a named parameter holds lowercase letters, digits and underscores; all digits is positional. */
const NAMED = /^[a-z0-9_]+$/;
const POSITIONAL = /^[0-9]+$/;

export function templateVariables(text: string): TemplateVariable[] {
  const out: TemplateVariable[] = [];
  for (const m of text.matchAll(/\{\{([^{}]*)\}\}/g)) {
    const name = m[1];
    const kind = POSITIONAL.test(name) ? 'positional' : NAMED.test(name) ? 'named' : 'invalid';
    out.push({ name, kind, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Offsets of `{{` or `}}` that belong to no variable (a brace left open or closed twice). */
export function strayBraces(text: string): number[] {
  const inside = new Set<number>();
  for (const v of templateVariables(text)) for (let i = v.start; i < v.end; i++) inside.add(i);
  const out: number[] = [];
  for (const m of text.matchAll(/\{\{|\}\}/g)) if (!inside.has(m.index)) out.push(m.index);
  return out;
}

/** The distinct variable names in order of first appearance. */
export function variableNames(text: string): string[] {
  return [
    ...new Set(
      templateVariables(text)
        .filter((v) => v.kind !== 'invalid')
        .map((v) => v.name),
    ),
  ];
}

/**
 * Replace each variable by its value (by name: `1`, `2`, or `first_name`); a variable with no
 * value stays as written and is returned in `missing`.
 */
export function fillVariables(text: string, values: ReadonlyMap<string, string> | Readonly<Record<string, string>>): { text: string; missing: string[] } {
  const get = (k: string) => (values instanceof Map ? values.get(k) : (values as Record<string, string>)[k]);
  const missing: string[] = [];
  const filled = text.replace(/\{\{([^{}]*)\}\}/g, (whole, name: string) => {
    const v = get(name);
    if (v !== undefined) return v;
    missing.push(name);
    return whole;
  });
  return { text: filled, missing };
}
