/**
 * The JSON Schema VS Code gets for a payload file serves completion and hover only. Every problem in
 * a payload comes from our own check (the same as `mwb validate` and Send, in our words, once): when
 * VS Code's JSON service validated too, a 4th reply button was its yellow "Array has too many items"
 * while the preview and status bar said 0 errors and Send refused with 1. So the generated schema
 * keeps descriptions, examples and snippets and loses every keyword that validates.
 *
 * Two things keep completion as good as it was:
 * - `enum` and `const` become `examples`, which the JSON service offers as values; a leaf's `type`
 *   becomes a one-snippet `defaultSnippets`, so completing a property still inserts `"key": "|"`.
 * - `if` is kept as it is: its failures are never reported (vscode-json-languageservice's
 *   jsonParser `testCondition` keeps only whether it matched), and it picks the `then` branch, so
 *   in `"type": "text"` completion offers `text` and not `image` (src/providers/common/fields.ts).
 *   Without it every branch of a union would match and be offered at once.
 */

type Json = Record<string, unknown>;

/** Read by the JSON service for completion, hover and navigation only. */
const DESCRIPTIVE = new Set(['$schema', '$id', '$ref', '$comment', 'title', 'description', 'markdownDescription', 'default', 'examples', 'defaultSnippets', 'doNotSuggest', 'suggestSortText', 'completionDetail']);
/** Keywords holding one subschema, a list of them, or a map of them: kept, with their subschemas stripped. */
const ONE = new Set(['then', 'else', 'additionalItems', 'additionalProperties']);
const LIST = new Set(['allOf', 'anyOf']);
const MAP = new Set(['properties', 'patternProperties', 'definitions', '$defs']);

/** What completing a property of this type inserts after `"key": ` (the JSON service's own choice when it knew the type). */
const FILLER: Record<string, { label: string; body: string }> = {
  string: { label: '""', body: '^"$1"' },
  number: { label: '0', body: '^${1:0}' },
  integer: { label: '0', body: '^${1:0}' },
  object: { label: '{}', body: '^{$1}' },
  array: { label: '[]', body: '^[$1]' },
};

function isSchema(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The key a branch fixes with `const` or `enum` (e.g. `type`), as the condition to pick it; a branch without the key applies when it is absent. */
function conditionOn(branch: unknown, key: string): Json | undefined {
  const props = isSchema(branch) && isSchema(branch.properties) ? (branch.properties) : undefined;
  if (!props) return undefined;
  const prop = props[key];
  if (prop === undefined) return { not: { required: [key] } };
  if (!isSchema(prop)) return undefined;
  // Described, as every property is: the JSON service's hover reads a matching `if` too.
  const described = prop.description !== undefined ? { description: prop.description } : {};
  if ('const' in prop) return { properties: { [key]: { const: prop.const, ...described } }, required: [key] };
  if (Array.isArray(prop.enum)) return { properties: { [key]: { enum: prop.enum, ...described } }, required: [key] };
  return undefined;
}

/** The key that picks a union's branch: every branch fixes it (each to other values) or lacks it, and one fixes it to a single value. */
function discriminator(branches: readonly unknown[]): string | undefined {
  if (branches.length < 2) return undefined;
  const keys = new Set(branches.flatMap((b) => (isSchema(b) && isSchema(b.properties) ? Object.keys(b.properties) : [])));
  return [...keys].find((key) => {
    const conditions = branches.map((b) => conditionOn(b, key));
    if (conditions.some((c) => !c) || !conditions.some((c) => c!.properties && 'const' in ((c!.properties as Json)[key] as Json))) return false;
    const fixed = conditions.filter((c) => !('not' in c!)).map((c) => JSON.stringify(c));
    return new Set(fixed).size === fixed.length;
  });
}

/**
 * A union picked by a key (`{"type": "text", ...}` or `{"type": "image", ...}`): each branch under an
 * `if` on that key, so completion offers the chosen branch's fields only, as the union's validation
 * used to; before the key is written, every branch's fields are offered (as the union did).
 */
function selectBranch(branches: readonly Json[], key: string, out: Json): void {
  const conditions = branches.map((b) => conditionOn(b, key)!);
  const every: Json = {};
  for (const b of branches) for (const [name, prop] of Object.entries(b.properties as Json)) if (name !== key && !(name in every)) every[name] = forEditor(prop);
  const values = branches.flatMap((b) => {
    const prop = (b.properties as Json)[key];
    return isSchema(prop) ? ('const' in prop ? [prop.const] : Array.isArray(prop.enum) ? prop.enum : []) : [];
  });
  const own = branches.map((b) => (b.properties as Json)[key]).find(isSchema);
  const properties = { ...((out.properties as Json | undefined) ?? {}) };
  properties[key] = { ...(own?.description ? { description: own.description } : {}), ...(isSchema(properties[key]) ? (properties[key]) : {}), examples: [...new Set(values)] };
  out.properties = properties;
  out.allOf = [
    ...((out.allOf as unknown[] | undefined) ?? []),
    { if: { not: { required: [key] } }, then: { properties: every } },
    ...branches.map((b, i) => ({ if: conditions[i], then: forEditor(b) })),
  ];
}

/** A copy of `schema` with only descriptive keywords, conditions (`if`) and the structure that holds subschemas. */
export function forEditor(schema: unknown, fill = true): unknown {
  if (!isSchema(schema)) return schema; // `true`, `false` or a malformed entry: nothing to strip
  const out: Json = {};
  const examples: unknown[] = [];
  const unions: unknown[][] = [];
  for (const [key, value] of Object.entries(schema)) {
    if (DESCRIPTIVE.has(key)) {
      if (key === 'examples' && Array.isArray(value)) examples.push(...value);
      else out[key] = value;
    } else if (key === 'if') {
      out.if = value;
    } else if (key === 'oneOf' || LIST.has(key)) {
      if (Array.isArray(value)) (key === 'allOf' ? (out.allOf = value.map((v) => forEditor(v))) : unions.push(value));
    } else if (key === 'items') {
      out.items = Array.isArray(value) ? value.map((v) => forEditor(v)) : forEditor(value);
    } else if (ONE.has(key)) {
      // `additionalProperties: false` validates; a schema there describes a record's values.
      if (isSchema(value)) out[key] = forEditor(value);
    } else if (MAP.has(key)) {
      if (isSchema(value)) out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, forEditor(v)]));
    } else if (key === 'enum' && Array.isArray(value)) {
      examples.push(...value);
    } else if (key === 'const') {
      examples.push(value);
    }
    // Everything else validates (type, required, min*/max*, pattern, format, not, propertyNames...): dropped.
  }
  for (const branches of unions) {
    const key = discriminator(branches);
    // Stripped, a `oneOf` would match every branch at once, which the JSON service reports: an `anyOf` merges them.
    if (key) selectBranch(branches as Json[], key, out);
    // A union's branches get no filler: completing the property never reads them, and `"1" | 1` would offer `""` and `0`.
    else out.anyOf = [...((out.anyOf as unknown[] | undefined) ?? []), ...branches.map((b) => forEditor(b, false))];
  }
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'boolean') examples.push(true, false);
  if (examples.length > 0) out.examples = [...new Set(examples)];
  const filler = fill && typeof type === 'string' ? FILLER[type] : undefined;
  const hinted = out.examples !== undefined || out.default !== undefined || out.defaultSnippets !== undefined || out.properties !== undefined || out.items !== undefined;
  if (filler && !hinted) out.defaultSnippets = [filler];
  return out;
}

/** Keywords that make VS Code's JSON service report a problem, found outside `if` conditions (a test holds this empty). */
export function validatingKeywords(schema: unknown, at = '#'): string[] {
  if (Array.isArray(schema)) return schema.flatMap((s, i) => validatingKeywords(s, `${at}/${i}`));
  if (!isSchema(schema)) return [];
  const found: string[] = [];
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'if' || key === 'examples' || key === 'default' || key === 'defaultSnippets') continue;
    if (MAP.has(key) && isSchema(value)) {
      for (const [k, v] of Object.entries(value)) found.push(...validatingKeywords(v, `${at}/${key}/${k}`));
    } else if (ONE.has(key) || LIST.has(key) || key === 'items') {
      found.push(...validatingKeywords(value, `${at}/${key}`));
    } else if (!DESCRIPTIVE.has(key)) {
      found.push(`${at}/${key}`);
    }
  }
  return found;
}
