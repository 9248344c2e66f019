/**
 * `template-example`: every variable needs an example value, and a media header a sample, for
 * Meta's review. Source: Meta, template components (SOURCES.components): "If this string contains
 * a parameter, you must include the example property and example parameter value"; media headers
 * take `example.header_handle`.
 */
import { templateVariables } from '../../core/template-variables';
import { arr, buttonsOf, rangeInString, rec, texts, upper, where, type LocatedComponent } from './located';
import type { DefinitionRule } from './rule';
import { oneKind, wellNumbered } from './variables';

const MEDIA = new Set(['IMAGE', 'VIDEO', 'DOCUMENT', 'GIF']);

/** The example values given for a header or body component, by variable name. */
function given(component: LocatedComponent, role: 'HEADER' | 'BODY'): { names: Set<string>; key?: string } {
  const ex = rec(component.value.example);
  const names = new Set<string>();
  if (!ex) return { names };
  const positional = role === 'HEADER' ? arr(ex.header_text) : arr(arr(ex.body_text)[0]);
  positional.forEach((v, i) => {
    if (typeof v === 'string' && v !== '') names.add(String(i + 1));
  });
  for (const p of arr(role === 'HEADER' ? ex.header_text_named_params : ex.body_text_named_params)) {
    const r = rec(p);
    if (typeof r?.param_name === 'string' && typeof r.example === 'string' && r.example !== '') names.add(r.param_name);
  }
  return { names, key: ['header_text', 'header_text_named_params', 'body_text', 'body_text_named_params'].find((k) => k in ex) };
}

export const examples: DefinitionRule = (ctx, def) => {
  // Badly written, mixed or gapped variables are their own rules' faults; examples are matched once they are right.
  const comparable = oneKind(def);
  for (const t of texts(def)) {
    if (t.role === 'FOOTER' || !comparable) continue; // a footer has no variables (its own rule)
    if (def.category === 'AUTHENTICATION' && !def.fromAccount) continue; // Meta's preset texts (template-auth-body)
    const vars = templateVariables(t.text).filter((v) => v.kind !== 'invalid');
    if (vars.length === 0 || !wellNumbered(vars)) continue;
    const raw = t.component.value.example;
    if (raw !== undefined && !rec(raw)) continue; // not an object: the schema's to report
    const { names, key } = given(t.component, t.role);
    if (key !== undefined && !Array.isArray(rec(raw)![key])) continue; // likewise
    const lacking = vars.find((v) => !names.has(v.name));
    if (!lacking) continue;
    const hasExample = raw !== undefined;
    const named = lacking.kind === 'named';
    const field = t.role === 'HEADER' ? (named ? 'header_text_named_params' : 'header_text') : named ? 'body_text_named_params' : 'body_text';
    const pointer = !hasExample ? `${t.component.pointer}/example` : `${t.component.pointer}/example/${key ?? field}`;
    const shape =
      field === 'body_text' ? '"body_text": [["value 1", "value 2", ...]]' : field === 'header_text' ? '"header_text": ["value"]' : `"${field}": [{"param_name": "${lacking.name}", "example": "..."}]`;
    ctx.report({
      severity: 'error',
      code: 'template-example',
      pointer,
      ...rangeInString(ctx, t.pointer, lacking.start, lacking.end),
      message: `{{${lacking.name}}} in ${where(t)} has no example value; Meta's review needs one for every variable. Add ${hasExample ? '' : '"example": { '}${shape}${hasExample ? '' : ' }'} to this component.`,
    });
  }
  if (def.fromAccount) return; // Meta's answer keeps the media it was approved with
  const headers = [...def.components, ...def.cards.flatMap((c) => c.components)].filter((c) => c.type === 'HEADER' && MEDIA.has(upper(c.value.format)));
  for (const h of headers) {
    const raw = h.value.example;
    if (raw !== undefined && (!rec(raw) || (rec(raw)!.header_handle !== undefined && !Array.isArray(rec(raw)!.header_handle)))) continue; // the schema's
    const handle = arr(rec(raw)?.header_handle)[0];
    if (handle !== undefined && typeof handle !== 'string') continue;
    if (typeof handle === 'string' && handle !== '') continue;
    const hasExample = raw !== undefined;
    ctx.report({
      severity: 'error',
      code: 'template-example',
      pointer: hasExample ? `${h.pointer}/example/header_handle` : `${h.pointer}/example`,
      ...(hasExample ? {} : { start: ctx.range(`${h.pointer}/format`).start, end: ctx.range(`${h.pointer}/format`).end }),
      message: `${/^[AEIOU]/.test(upper(h.value.format)) ? 'An' : 'A'} ${upper(h.value.format)} header needs a sample for Meta's review: add "example": { "header_handle": ["<handle from the Resumable Upload API>"] }.`,
    });
  }
  const buttonComponents = [...def.components, ...def.cards.flatMap((c) => c.components)].filter((c) => c.type === 'BUTTONS');
  for (const b of buttonComponents.flatMap(buttonsOf)) {
    if (b.type !== 'URL' || typeof b.value.url !== 'string' || templateVariables(b.value.url).length === 0) continue;
    const ex = b.value.example;
    if (ex !== undefined && typeof ex !== 'string' && !Array.isArray(ex)) continue; // the schema's
    const value = typeof ex === 'string' ? ex : arr(ex)[0];
    if (value !== undefined && typeof value !== 'string') continue;
    if (typeof value === 'string' && value !== '') continue;
    const urlPointer = `${b.pointer}/url`;
    const v = templateVariables(b.value.url)[0];
    ctx.report({
      severity: 'error',
      code: 'template-example',
      pointer: `${b.pointer}/example`,
      ...rangeInString(ctx, urlPointer, v.start, v.end),
      message: `The URL's {{${v.name}}} has no example; add "example": ["<a value for it>"] to this button.`,
    });
  }
};
