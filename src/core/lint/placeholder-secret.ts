/**
 * `{{WHATSAPP_TOKEN}}` in a payload asks for a credential to be written into the message and sent to
 * whoever `to` names. Placeholders are never filled from credentials (src/core/variables.ts); this
 * says so where the placeholder is, as an error, so the send is refused before anything goes out.
 */
import { PLACEHOLDER } from '../placeholders';
import { jsonStringOffsets } from '../sms/json-string-offsets';
import { toPointer, type PathSegment } from '../pointer';
import { isSecretName } from '../secret-names';
import type { LintRule } from './context';

interface Entry {
  value: unknown;
  key?: PathSegment;
  parent?: Entry;
}

function pathOf(e: Entry): PathSegment[] {
  const path: PathSegment[] = [];
  for (let x: Entry | undefined = e; x?.parent; x = x.parent) path.unshift(x.key!);
  return path;
}

export const placeholderSecret: LintRule = (ctx) => {
  // Most files have no placeholder at all: one look at the text settles it.
  if (!ctx.doc.text.includes('{{')) return;
  // Walk the value, not the syntax tree (built only when something is found); paths only for finds.
  const stack: Entry[] = [{ value: ctx.value }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const value = entry.value;
    if (Array.isArray(value)) value.forEach((v, i) => stack.push({ value: v, key: i, parent: entry }));
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) stack.push({ value: v, key: k, parent: entry });
    if (typeof value !== 'string' || !value.includes('{{')) continue;
    const path = pathOf(entry);
    for (const m of value.matchAll(new RegExp(PLACEHOLDER.source, 'g'))) {
      const name = m[1];
      if (!isSecretName(name)) continue;
      const pointer = toPointer(path);
      // Underline the placeholder itself when the literal maps one to one (it does unless escapes sit inside it).
      const literal = ctx.range(pointer);
      const offsets = jsonStringOffsets(ctx.doc.text, literal.start);
      const exact = offsets && offsets.length === value.length + 1 ? { start: offsets[m.index], end: offsets[m.index + m[0].length] } : {};
      ctx.report({
        severity: 'error',
        code: 'placeholder-secret',
        pointer,
        ...exact,
        message: `{{${name}}} names a credential: placeholders are never filled with credentials, since the value would go out as message text to the recipient. Write the text itself, or use a placeholder with another name.`,
      });
    }
  }
};
