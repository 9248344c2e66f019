/**
 * Building blocks for provider schemas. Every field carries a description (it becomes the
 * hover in VS Code) and its limits. String fields accept `{{NAME}}` placeholders as they are.
 */
import { z } from 'zod';

export interface TextLimits {
  min?: number;
  max?: number;
}

/** A string with a description and length limits, e.g. `text('Message body', { min: 1, max: 4096 })`. */
export function text(description: string, limits: TextLimits = {}) {
  let s = z.string();
  if (limits.min !== undefined) s = s.min(limits.min);
  if (limits.max !== undefined) s = s.max(limits.max);
  const bounds = limits.max !== undefined ? ` (${limits.min ?? 0}-${limits.max} characters)` : '';
  return s.describe(description + bounds);
}

/** A phone number; its format is checked by the phone-format lint rule (with a quick fix), not here. */
export function phone(description: string) {
  return z.string().min(1).describe(description);
}

/** A URL (placeholders allowed, so no format check here beyond length). */
export function url(description: string, limits: TextLimits = {}) {
  return text(description, limits);
}

/** An object whose unknown keys are errors (typos), as most API objects reject them. */
export const object = z.strictObject;

/** Defensive readers for toModel(), which must never throw on a half-written file. */
export { arr, num, rec, str } from '../../core/json-values';
/** A TextRef when v is a string. */
export function textRef(v: unknown, pointer: string): { text: string; pointer: string } | undefined {
  return typeof v === 'string' ? { text: v, pointer } : undefined;
}
/**
 * A template parameter's text even when it has the wrong type (a number, an object): the schema
 * reports the type, and the parameter still counts, so the count check does not report it again.
 */
export function looseText(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}

type Json = Record<string, unknown>;

function jsonOf(schema: z.ZodType): Json {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: 'draft-7', unrepresentable: 'any', io: 'input' }) as Json;
  return rest;
}

/**
 * JSON Schema that picks one of `options` by the value of `key` with `if`/`then`, instead of a
 * `oneOf`: VS Code's JSON service then reports a wrong `type` once ("Value is not accepted. Valid
 * values: ...") rather than the first branch's missing and unknown properties, and still completes
 * and hovers the chosen branch. With `listAll`, every branch's keys are listed too (descriptions
 * only), so an object still being written is offered them all, as a union would.
 */
export function selectorJson(options: readonly z.ZodObject[], key: string, listAll = true): { properties: Json; required: string[]; allOf: Json[] } {
  const branches = options.map((o) => {
    const schema = jsonOf(o) as { properties?: Record<string, Json> };
    const selector = schema.properties?.[key] ?? {};
    return { value: selector.const, description: selector.description as string | undefined, schema };
  });
  const properties: Json = {};
  for (const b of listAll ? branches : []) {
    for (const [name, prop] of Object.entries(b.schema.properties ?? {})) {
      if (name !== key && !(name in properties)) properties[name] = prop.description ? { description: prop.description } : {};
    }
  }
  properties[key] = { enum: branches.map((b) => b.value), description: branches.map((b) => `"${String(b.value)}": ${b.description ?? ''}`).join(' ') };
  return {
    properties,
    required: [key],
    allOf: branches.map((b) => ({ if: { properties: { [key]: { const: b.value, description: b.description } }, required: [key] }, then: b.schema })),
  };
}

/**
 * JSON Schema keywords computed on first read: the schemas are needed only when `schemas/*.json` are
 * generated (at build time), and computing them when the domain loads cost ~55 ms of first use.
 */
export function lazyJson(base: Json, keys: readonly string[], compute: () => Json, after: Json = {}): Json {
  let value: Json | undefined;
  // Getters on the object itself: spreading it (`{...lazyJson()}`) would compute at once.
  for (const key of keys) Object.defineProperty(base, key, { enumerable: true, get: () => (value ??= compute())[key] });
  return Object.assign(base, after);
}

/**
 * A discriminated union whose generated JSON Schema selects its branch by `key` (see selectorJson):
 * completion offers `key` first, then the chosen branch's properties. zod validates as before.
 */
export function selectedBy<T extends z.ZodDiscriminatedUnion<readonly z.ZodObject[]>>(union: T, key: string): T {
  return union.meta(lazyJson({ oneOf: undefined, type: 'object' }, ['properties', 'required', 'allOf'], () => selectorJson(union.options, key, false)));
}

/**
 * A WhatsApp body: a message (chosen by `type`) or, when it has `status` and no `type`, a
 * mark-as-read. zod routes the same way, so `{}` gets "`type` is required: one of ..." instead of
 * the mark-as-read's missing fields; the JSON Schema uses `if`/`then`/`else` to match.
 */
export function messageOrMarkRead(messages: z.ZodDiscriminatedUnion<readonly z.ZodObject[]>, markRead: z.ZodObject, description: string, defaultType?: string) {
  const isMarkRead = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v) && 'status' in v && !('type' in v);
  const typeValues = messages.options
    .map((o) => (o.shape.type as z.ZodType).def)
    .map((d) => ((d as { innerType?: z.ZodType }).innerType?.def ?? d) as { values?: unknown[] })
    .map((d) => d.values?.[0]);
  /** With a default `type`, a body that has another type's content but no `type` is that mistake, said once. */
  const missingType = (v: unknown): string | undefined => {
    if (!defaultType || v === null || typeof v !== 'object' || Array.isArray(v) || 'type' in v || defaultType in v) return undefined;
    return typeValues.find((t): t is string => typeof t === 'string' && t !== defaultType && t in v);
  };
  const json = () => {
    const chosen = selectorJson(messages.options, 'type');
    const fallback = defaultType ? messages.options.find((_, i) => typeValues[i] === defaultType) : undefined;
    const read = jsonOf(markRead) as { properties?: Record<string, Json> };
    const properties: Json = {};
    for (const [name, prop] of Object.entries(read.properties ?? {})) properties[name] = prop.description ? { description: prop.description } : {};
    return {
      properties: { ...chosen.properties, ...properties, type: chosen.properties.type },
      // Describe the selector's keys too: every `properties` entry becomes a hover.
      if: { properties: { status: properties.status ?? {} }, required: ['status'], not: { required: ['type'] } },
      then: read,
      // Without `type` the default's branch applies (the Cloud API reads such a body as text).
      else: fallback ? { allOf: chosen.allOf, if: { not: { required: ['type'] } }, then: jsonOf(fallback) } : { required: chosen.required, allOf: chosen.allOf },
    };
  };
  return z
    .unknown()
    .superRefine((value, ctx) => {
      const other = missingType(value);
      if (other) {
        ctx.addIssue({
          code: 'custom',
          path: [],
          input: value,
          message: `\`type\` is missing, so the API reads this body as a "${defaultType}" message, but it holds \`${other}\`. Add "type": "${other}".`,
        });
        return;
      }
      const result = (isMarkRead(value) ? markRead : messages).safeParse(value);
      if (!result.success) for (const issue of result.error.issues) ctx.addIssue({ ...issue, input: value } as unknown as z.core.$ZodRawIssue);
    })
    .meta(lazyJson({ type: 'object' }, ['properties', 'if', 'then', 'else'], json, { description }));
}
