/**
 * Definition rules about variables: how they are written, numbered or named, where they stand,
 * and how many a text may hold.
 */
import { replaceStringEdit, setValueEdits } from '../../core/edits';
import { strayBraces, templateVariables, type TemplateVariable } from '../../core/template-variables';
import { buttonsOf, rangeInString, texts, where, type LocatedDefinition, type LocatedText } from './located';
import type { DefinitionRule } from './rule';
import { LIMITS } from './text';

/** Whether the variables of a text are numbered 1..n without gaps (or named), so examples can be matched to them. */
export function wellNumbered(vars: readonly TemplateVariable[]): boolean {
  const numbers = new Set(vars.filter((v) => v.kind === 'positional').map((v) => Number(v.name)));
  return [...numbers].every((n) => n >= 1 && n <= numbers.size);
}

/** Whether the template writes every variable one way (all numbered, or all named) and validly. */
export function oneKind(def: LocatedDefinition): boolean {
  const kinds = new Set(withVariables(def).flatMap(({ vars }) => vars.map((v) => v.kind)));
  return !kinds.has('invalid') && kinds.size <= 1;
}

/** Every text with its variables (invalid ones included). */
function withVariables(def: LocatedDefinition): { t: LocatedText; vars: TemplateVariable[] }[] {
  return texts(def).map((t) => ({ t, vars: templateVariables(t.text) }));
}

/**
 * `template-variable-format`: a variable is `{{1}}` or `{{name}}` (lowercase letters, digits,
 * underscores), with no spaces and no stray braces. Source: Meta, template components
 * (SOURCES.components, "Parameters"), and the review's "mismatched curly braces" (SOURCES.guidelines).
 */
export const variableFormat: DefinitionRule = (ctx, def) => {
  for (const { t, vars } of withVariables(def)) {
    const bad = vars.find((v) => v.kind === 'invalid');
    if (bad) {
      const trimmed = bad.name.trim().toLowerCase();
      const fixable = /^[0-9]+$/.test(trimmed) || /^[a-z0-9_]+$/.test(trimmed);
      const r = ctx.range(t.pointer);
      ctx.report({
        severity: 'error',
        code: 'template-variable-format',
        pointer: t.pointer,
        ...rangeInString(ctx, t.pointer, bad.start, bad.end),
        message: `{{${bad.name}}} in ${where(t)} is not a variable Meta accepts: write {{1}}, {{2}}, ... or a name of lowercase letters, digits and underscores, with no spaces.`,
        fixes: fixable ? [{ title: `Write {{${trimmed}}}`, edits: [replaceStringEdit(r.start, r.end, t.text.slice(0, bad.start) + `{{${trimmed}}}` + t.text.slice(bad.end))] }] : undefined,
      });
      continue;
    }
    const stray = strayBraces(t.text)[0];
    if (stray !== undefined) {
      ctx.report({
        severity: 'error',
        code: 'template-variable-format',
        pointer: t.pointer,
        ...rangeInString(ctx, t.pointer, stray, stray + 2),
        message: `Unmatched "${t.text.slice(stray, stray + 2)}" in ${where(t)}: a variable is written {{1}} or {{name}}, with two braces on each side.`,
      });
    }
  }
};

/**
 * `template-variable-mixed` and `template-parameter-format`: one template uses positional
 * variables (`{{1}}`) or named ones (`{{first_name}}`, with `"parameter_format": "NAMED"`), never
 * both. Source: Meta, template components (SOURCES.components, "Parameter formats").
 */
export const variableKinds: DefinitionRule = (ctx, def) => {
  const all = withVariables(def).flatMap(({ t, vars }) => vars.filter((v) => v.kind !== 'invalid').map((v) => ({ t, v })));
  if (all.length === 0) return;
  const first = all[0];
  const other = all.find((x) => x.v.kind !== first.v.kind);
  if (other) {
    ctx.report({
      severity: 'error',
      code: 'template-variable-mixed',
      pointer: other.t.pointer,
      ...rangeInString(ctx, other.t.pointer, other.v.start, other.v.end),
      message: `{{${other.v.name}}} is ${other.v.kind} but {{${first.v.name}}} is ${first.v.kind}: a template uses numbered variables or named ones, never both. Write them all one way.`,
    });
    return;
  }
  const named = first.v.kind === 'named';
  const wanted = named ? 'NAMED' : 'POSITIONAL';
  const given = def.parameterFormat;
  if ((named && given !== 'NAMED') || (!named && given === 'NAMED')) {
    const has = given !== undefined;
    ctx.report({
      severity: 'error',
      code: 'template-parameter-format',
      pointer: has ? '/parameter_format' : first.t.pointer,
      ...(has ? {} : rangeInString(ctx, first.t.pointer, first.v.start, first.v.end)),
      message: named
        ? `{{${first.v.name}}} is a named variable, so the template needs "parameter_format": "NAMED" (without it Meta reads variables as {{1}}, {{2}}, ...).`
        : `"parameter_format" is NAMED but the variables are numbered ({{${first.v.name}}}): set it to POSITIONAL, or name the variables.`,
      fixes: [{ title: `Set "parameter_format": "${wanted}"`, edits: setValueEdits(ctx.doc.text, ['parameter_format'], wanted) }],
    });
  }
};

/**
 * `template-variable-sequence`: numbered variables of each text run from {{1}} with no gaps.
 * Source: Meta's review rejects "variable parameters that are not sequential" (SOURCES.guidelines).
 */
export const variableSequence: DefinitionRule = (ctx, def) => {
  const check = (t: { pointer: string; text: string; label: string }) => {
    const vars = templateVariables(t.text).filter((v) => v.kind === 'positional');
    if (vars.length === 0) return;
    const numbers = new Set(vars.map((v) => Number(v.name)));
    const max = Math.max(...numbers);
    const missing = Array.from({ length: max }, (_, i) => i + 1).filter((n) => !numbers.has(n));
    const zero = vars.find((v) => Number(v.name) === 0);
    if (!zero && missing.length === 0) return;
    const at = zero ?? vars.find((v) => Number(v.name) > missing[0])!;
    ctx.report({
      severity: 'error',
      code: 'template-variable-sequence',
      pointer: t.pointer,
      ...rangeInString(ctx, t.pointer, at.start, at.end),
      message: zero
        ? `Variables are numbered from {{1}}; ${t.label} has {{0}}.`
        : `Variables in ${t.label} must be numbered {{1}}, {{2}}, ... without gaps: {{${missing[0]}}} is missing. Renumber them.`,
    });
  };
  for (const t of texts(def)) check({ pointer: t.pointer, text: t.text, label: where(t) });
};

/**
 * `template-variable-position`: the body may not start or end with a variable; `template-variable-adjacent`:
 * two variables may not stand side by side with nothing but spaces between them. Source: Meta's
 * common rejection reasons (SOURCES.guidelines): "Variable parameters are at the start or end of the
 * template", "... appear directly next to each other".
 */
export const variablePlacement: DefinitionRule = (ctx, def) => {
  for (const { t, vars } of withVariables(def)) {
    const real = vars.filter((v) => v.kind !== 'invalid');
    if (real.length === 0) continue;
    if (t.role === 'BODY' && t.card === undefined) {
      const lead = t.text.length - t.text.trimStart().length;
      const end = t.text.trimEnd().length;
      const starts = real.find((v) => v.start === lead);
      const ends = real.find((v) => v.end === end);
      const at = starts ?? ends;
      if (at) {
        ctx.report({
          severity: 'error',
          code: 'template-variable-position',
          pointer: t.pointer,
          ...rangeInString(ctx, t.pointer, at.start, at.end),
          message: `The body ${at === starts ? 'starts' : 'ends'} with {{${at.name}}}; Meta rejects a template whose body starts or ends with a variable. Add words ${at === starts ? 'before' : 'after'} it.`,
        });
        continue;
      }
    }
    for (let i = 1; i < real.length; i++) {
      if (/^\s*$/.test(t.text.slice(real[i - 1].end, real[i].start))) {
        ctx.report({
          severity: 'error',
          code: 'template-variable-adjacent',
          pointer: t.pointer,
          ...rangeInString(ctx, t.pointer, real[i - 1].start, real[i].end),
          message: `{{${real[i - 1].name}}} and {{${real[i].name}}} in ${where(t)} stand side by side; Meta rejects variables with no text between them. Put words between them, or merge them into one.`,
        });
        break;
      }
    }
  }
};

/** Words of a text that are not variables (a word has a letter or digit). */
export function fixedWords(text: string): number {
  return text
    .replace(/\{\{[^{}]*\}\}/g, ' ')
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/**
 * `template-variable-density`: too many variables for the text. Meta rejects a template that
 * "contains too many variable parameters relative to the message length" (SOURCES.guidelines)
 * without a formula; the one BSPs observe (Syniverse, Maqsam) is used: at least 2n+1 words that are
 * not variables for n variables.
 */
export const variableDensity: DefinitionRule = (ctx, def) => {
  const body = texts(def).find((t) => t.role === 'BODY' && t.card === undefined);
  if (!body) return;
  const n = templateVariables(body.text).filter((v) => v.kind !== 'invalid').length;
  const words = fixedWords(body.text);
  // An over-long body is its own fault (template-text-length); one report per text.
  if (n === 0 || words >= 2 * n + 1 || body.text.length > LIMITS.body) return;
  ctx.report({
    severity: 'error',
    code: 'template-variable-density',
    pointer: body.pointer,
    message: `The body has ${n} variable${n === 1 ? '' : 's'} and only ${words} other word${words === 1 ? '' : 's'}; Meta rejects templates with too many variables for their length (keep at least ${2 * n + 1} words besides the variables). Add text or remove variables.`,
  });
};

/**
 * `template-header-variables`: a text header holds at most one variable; `template-footer-variables`:
 * a footer holds none. Source: Meta, template components (SOURCES.components): the header text
 * "supports 1 parameter"; the footer takes no parameters.
 */
export const headerFooterVariables: DefinitionRule = (ctx, def) => {
  for (const { t, vars } of withVariables(def)) {
    const real = vars.filter((v) => v.kind !== 'invalid');
    if (t.role === 'HEADER' && real.length > 1) {
      ctx.report({
        severity: 'error',
        code: 'template-header-variables',
        pointer: t.pointer,
        ...rangeInString(ctx, t.pointer, real[1].start, real[real.length - 1].end),
        message: `The header has ${real.length} variables; Meta allows one. Keep {{${real[0].name}}} and move the rest to the body.`,
      });
    }
    if (t.role === 'FOOTER' && real.length > 0) {
      ctx.report({
        severity: 'error',
        code: 'template-footer-variables',
        pointer: t.pointer,
        ...rangeInString(ctx, t.pointer, real[0].start, real[real.length - 1].end),
        message: `The footer holds {{${real[0].name}}}; a footer takes no variables. Move it to the body.`,
      });
    }
  }
};

/**
 * `template-button-url`: a URL button's address may end with one variable and hold no other.
 * Source: Meta, template components (SOURCES.components, URL buttons): "supports 1 parameter,
 * appended to the end of the URL string".
 */
export const urlVariable: DefinitionRule = (ctx, def) => {
  const buttonComponents = [...def.components, ...def.cards.flatMap((c) => c.components)].filter((c) => c.type === 'BUTTONS');
  for (const b of buttonComponents.flatMap(buttonsOf)) {
    if (b.type !== 'URL' || typeof b.value.url !== 'string') continue;
    const url = b.value.url;
    const vars = templateVariables(url);
    const pointer = `${b.pointer}/url`;
    const inner = vars.length > 1 ? vars[0] : vars.find((v) => v.end !== url.trimEnd().length);
    if (inner) {
      ctx.report({
        severity: 'error',
        code: 'template-button-url',
        pointer,
        ...rangeInString(ctx, pointer, inner.start, inner.end),
        message:
          vars.length > 1
            ? `This URL has ${vars.length} variables; a URL button takes one, at the end of the address.`
            : `{{${inner.name}}} must end the URL: a URL button's variable is appended to the end of the address (e.g. https://example.com/track/{{1}}).`,
      });
    }
  }
};
