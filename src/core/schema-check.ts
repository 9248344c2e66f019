/** Run a provider's zod schema over a parsed value and turn its issues into located problems. */
import type { z } from 'zod';
import type { ParsedDocument } from './parse';
import { keyRangeOf, rangeOf } from './parse';
import type { Problem } from './problem';
import { shown } from './lint/context';
import { toPointer, type PathSegment } from './pointer';
import { MAX_REPORTED_PROBLEMS, moreProblems } from './problem-cap';
import { excessItems } from './excess-items';

export interface SchemaCheckOptions {
  /** Who rejects what the schema refuses, for messages ("rejected by the WhatsApp Cloud API"). */
  api?: string;
}

type Issue = z.core.$ZodIssue;

function fieldName(path: readonly PathSegment[]): string {
  if (path.length === 0) return 'The payload';
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : String(seg);
  return `\`${out}\``;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'a string';
  return `a ${typeof value}`;
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let v: unknown = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[seg as string];
  }
  return v;
}

function article(expected: string): string {
  if (expected === 'null' || expected === 'undefined') return expected;
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function describeIssue(issue: Issue, root: unknown): string {
  const path = issue.path as PathSegment[];
  const field = fieldName(path);
  switch (issue.code) {
    case 'invalid_type': {
      const actual = valueAt(root, path);
      if (actual === undefined) return `${field} is required.`;
      if (issue.expected === 'int' && typeof actual === 'number') return `${field} must be a whole number, not ${actual}.`;
      const expected = issue.expected === 'int' ? 'integer' : issue.expected === 'record' ? 'object' : issue.expected;
      return `${field} must be ${article(expected)}, not ${typeOf(actual)}.`;
    }
    case 'too_big': {
      const actual = valueAt(root, path);
      if (issue.origin === 'string') {
        const len = typeof actual === 'string' ? actual.length : undefined;
        return `${field} is ${len ?? 'too many'} characters long; the limit is ${issue.maximum}. Shorten it.`;
      }
      if (issue.origin === 'array') {
        const len = Array.isArray(actual) ? actual.length : undefined;
        return `${field} has ${len ?? 'too many'} items; at most ${issue.maximum} are allowed. Remove ${len ? len - Number(issue.maximum) : 'some'}.`;
      }
      return issue.inclusive === false ? `${field} must be less than ${issue.maximum}.` : `${field} must be at most ${issue.maximum}.`;
    }
    case 'too_small': {
      const actual = valueAt(root, path);
      if (issue.origin === 'string') {
        if (Number(issue.minimum) === 1) return `${field} must not be empty.`;
        return `${field} is ${typeof actual === 'string' ? actual.length : 'too few'} characters long; it needs at least ${issue.minimum}.`;
      }
      if (issue.origin === 'array') return `${field} needs at least ${issue.minimum} item${Number(issue.minimum) === 1 ? '' : 's'}.`;
      return issue.inclusive === false ? `${field} must be greater than ${issue.minimum}.` : `${field} must be at least ${issue.minimum}.`;
    }
    case 'invalid_value':
      if (valueAt(root, path) === undefined)
        return `${field} is required: ${issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`}.`;
      return `${field} must be ${issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`}.`;
    case 'unrecognized_keys':
      return `Unknown propert${issue.keys.length === 1 ? 'y' : 'ies'} ${issue.keys.map((k) => `\`${k}\``).join(', ')}: check the spelling, or remove ${issue.keys.length === 1 ? 'it' : 'them'}.`;
    case 'invalid_format':
      // A schema's own wording is a predicate ("must be ..."): put the field in front of it.
      if (issue.message && /^must /.test(issue.message)) return `${field} ${issue.message}.`;
      if (issue.message && !issue.message.startsWith('Invalid')) return issue.message;
      if (issue.format === 'regex') return `${field} does not have the expected form (${(issue as { pattern?: string }).pattern ?? 'see the hover'}).`;
      return `${field} is not a valid ${issue.format}.`;
    case 'invalid_union': {
      const disc = (issue as { discriminator?: string; options?: unknown[] }).discriminator;
      const options = (issue as { options?: unknown[] }).options;
      if (disc && options) {
        const actual = valueAt(root, path);
        const list = options.map((o) => JSON.stringify(o)).join(', ');
        return actual === undefined ? `${field} is required: one of ${list}.` : `${field} must be one of ${list} (found ${typeof actual === 'string' ? shown(actual) : JSON.stringify(actual)}).`;
      }
      return `${field} does not match any accepted form.`;
    }
    default:
      return issue.message.endsWith('.') ? issue.message : `${issue.message}.`;
  }
}

/** Flatten union issues: keep the branch that got furthest (most specific path, fewest issues). */
function flatten(issues: readonly Issue[], prefix: readonly PropertyKey[] = []): Issue[] {
  const out: Issue[] = [];
  for (const raw of issues) {
    // zod reports a union branch's issues relative to the union: put them back under its path.
    const issue = prefix.length ? ({ ...raw, path: [...prefix, ...raw.path] } as Issue) : raw;
    if (issue.code === 'invalid_union' && issue.errors.length > 0 && !(issue as { discriminator?: string }).discriminator) {
      const branches = issue.errors.map((b) => flatten(b, issue.path));
      const score = (b: Issue[]) => Math.max(...b.map((i) => i.path.length)) * 100 - b.length;
      branches.sort((a, b) => score(b) - score(a));
      out.push(...branches[0]);
    } else {
      out.push(issue);
    }
  }
  return out;
}

/** The issue is about a field that is absent (not one that holds a wrong value). */
function isMissing(issue: Issue, root: unknown): boolean {
  const path = issue.path as PathSegment[];
  if (path.length === 0) return false;
  const parent = valueAt(root, path.slice(0, -1));
  if (parent === null || typeof parent !== 'object' || Array.isArray(parent)) return false;
  return !Object.prototype.hasOwnProperty.call(parent, path[path.length - 1] as string);
}

/** Keys that select an object's shape: when one holds a wrong value, that object's other complaints follow from it. */
const SELECTORS = new Set(['type', 'sub_type', 'message_type', 'channel']);

/**
 * One fault, one problem: `"type": "image"` where only "text" fits also makes `text` "missing" and
 * `image` "unknown"; report the type alone, as fixing it is what the user must do.
 */
function dropConsequences(all: Issue[], root: unknown): Issue[] {
  // zod runs a string's length checks on an array too: after "must be a string", nothing more at that place.
  const wrongType = new Set(all.filter((i) => i.code === 'invalid_type').map((i) => toPointer(i.path as PathSegment[])));
  const issues = all.filter((i) => i.code === 'invalid_type' || i.code === 'unrecognized_keys' || !wrongType.has(toPointer(i.path as PathSegment[])));
  const parents = new Set<string>();
  for (const i of issues) {
    const key = i.path[i.path.length - 1];
    if (i.code === 'invalid_value' && typeof key === 'string' && SELECTORS.has(key) && valueAt(root, i.path as PathSegment[]) !== undefined) {
      parents.add(toPointer(i.path.slice(0, -1) as PathSegment[]));
    }
  }
  if (parents.size === 0) return issues;
  return issues.filter((i) => {
    const path = i.path as PathSegment[];
    if (i.code === 'unrecognized_keys') return !parents.has(toPointer(path));
    return !(isMissing(i, root) && parents.has(toPointer(path.slice(0, -1))));
  });
}

export function schemaProblems(doc: ParsedDocument, schema: z.ZodType, options: SchemaCheckOptions = {}): Problem[] {
  if (doc.empty) return [];
  return schemaProblemsAt(doc, schema, [], 'schema', 'schema', options);
}

/**
 * Check the value at `at` (a nested object a provider passes through, e.g. Vonage's `custom`)
 * against a schema; problems carry full pointers into the document.
 */
export function schemaProblemsAt(doc: ParsedDocument, schema: z.ZodType, at: readonly PathSegment[], code: string, source: Problem['source'], options: SchemaCheckOptions = {}): Problem[] {
  const result = schema.safeParse(valueAt(doc.value, at));
  if (result.success) return [];
  const problems: Problem[] = [];
  const lacking = new Map<string, { fields: string[]; problem: Problem }>();
  // Past the cap, issues are only counted: locating each costs, and a million of them cost gigabytes.
  let notListed = 0;
  for (const issue of dropConsequences(flatten(result.error.issues, at), doc.value)) {
    const path = issue.path as PathSegment[];
    if (problems.length >= MAX_REPORTED_PROBLEMS) {
      notListed += issue.code === 'unrecognized_keys' ? issue.keys.length : 1;
      continue;
    }
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        if (problems.length >= MAX_REPORTED_PROBLEMS) {
          notListed++;
          continue;
        }
        const keyPath = [...path, key];
        const r = keyRangeOf(doc, keyPath);
        const single: Issue = { ...issue, keys: [key] };
        problems.push({ severity: 'error', code, message: describeIssue(single, doc.value), pointer: toPointer(keyPath), start: r.start, end: r.end, source });
      }
      continue;
    }
    // Too many items: the ones past the limit are what the API refuses, so the problem sits on them.
    const max = issue.code === 'too_big' && issue.origin === 'array' ? Number(issue.maximum) : undefined;
    const items = max !== undefined ? valueAt(doc.value, path) : undefined;
    if (max !== undefined && Array.isArray(items) && items.length > max) {
      problems.push({ severity: 'error', code, source, ...excessItems(doc, path, items, max, options.api) });
      continue;
    }
    // A missing field is a fault of the object that lacks it: point there (as VS Code's JSON service does).
    // The underline stays short: rangeOf a missing path is the lacking object's key (or its brace).
    const missing = isMissing(issue, doc.value);
    const target = missing ? path.slice(0, -1) : path;
    const pointer = toPointer(target);
    const message = describeIssue(issue, doc.value);
    // Several fields missing from one object: one problem that names them all.
    const same = missing ? lacking.get(pointer) : undefined;
    if (same) {
      same.fields.push(String(path[path.length - 1]));
      same.problem.message = `${fieldName(target)} lacks required fields ${same.fields.map((f) => `\`${f}\``).join(', ')}: add them.`;
      continue;
    }
    const r = rangeOf(doc, path);
    const problem: Problem = { severity: 'error', code, message, pointer, start: r.start, end: r.end, source };
    if (missing) lacking.set(pointer, { fields: [String(path[path.length - 1])], problem });
    problems.push(problem);
  }
  if (notListed > 0) problems.push(moreProblems(notListed, problems[problems.length - 1], source));
  return problems;
}
