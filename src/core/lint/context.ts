/** The context a lint rule runs in, and the shape of a rule. */
import type { ParsedDocument } from '../parse';
import { keyRangeOf, rangeOf } from '../parse';
import type { MessageModel, ProviderId } from '../model';
import type { Fix, Problem, Severity } from '../problem';
import type { PathSegment } from '../pointer';
import type { TemplateCatalog } from '../templates';

export interface Report {
  severity: Severity;
  code: string;
  message: string;
  pointer: string;
  /** Exact offsets; defaults to the value at `pointer`. */
  start?: number;
  end?: number;
  /** Underline the property's key instead of its value. */
  onKey?: boolean;
  fixes?: Fix[];
}

export interface LintContext {
  doc: ParsedDocument;
  value: unknown;
  provider: ProviderId;
  model: MessageModel | undefined;
  templates: TemplateCatalog;
  report(r: Report): void;
  /** Offsets of the value at a pointer (or of the nearest thing that exists). */
  range(pointer: string | readonly PathSegment[]): { start: number; end: number };
  /** Offset where the string value at pointer starts its content (after the opening quote). */
  stringContentStart(pointer: string): number | undefined;
  /**
   * Take back the problems already reported at exactly `pointer` (any, when undefined) with `code` (e.g. the schema's
   * "unknown property" for a key a rule explains better), so one fault gets one report.
   * Returns how many were taken back.
   */
  supersede(pointer: string | undefined, code: string): number;
  /** Whether a problem with `code` is already reported at exactly `pointer` (the schema runs first in the CLI). */
  reported(pointer: string, code: string): boolean;
}

export type LintRule = (ctx: LintContext) => void;

/** A value quoted in a message, cut short so a 5000-character mistake doesn't fill the screen. */
export function shown(value: string, max = 40): string {
  return JSON.stringify(value.length > max ? `${value.slice(0, max)}…` : value);
}

export function createContext(doc: ParsedDocument, provider: ProviderId, model: MessageModel | undefined, templates: TemplateCatalog, sink: Problem[]): LintContext {
  // How many problems stand at each pointer with each code: `reported` is asked once per list row or
  // section, and scanning every problem each time was quadratic on files with 100,000 of them.
  const key = (pointer: string, code: string) => `${code}\u0000${pointer}`;
  const counts = new Map<string, number>();
  const count = (p: Problem, by: number) => counts.set(key(p.pointer, p.code), (counts.get(key(p.pointer, p.code)) ?? 0) + by);
  for (const p of sink) count(p, 1);
  const ctx: LintContext = {
    doc,
    value: doc.value,
    provider,
    model,
    templates,
    range: (pointer) => rangeOf(doc, pointer),
    stringContentStart(pointer) {
      const r = rangeOf(doc, pointer);
      return doc.text[r.start] === '"' ? r.start + 1 : undefined;
    },
    reported: (pointer, code) => (counts.get(key(pointer, code)) ?? 0) > 0,
    supersede(pointer, code) {
      let removed = 0;
      for (let i = sink.length - 1; i >= 0; i--) {
        if ((pointer === undefined || sink[i].pointer === pointer) && sink[i].code === code) {
          count(sink[i], -1);
          sink.splice(i, 1);
          removed++;
        }
      }
      return removed;
    },
    report(r) {
      const range = r.start !== undefined && r.end !== undefined ? { start: r.start, end: r.end } : r.onKey ? keyRangeOf(doc, r.pointer) : rangeOf(doc, r.pointer);
      const problem: Problem = {
        severity: r.severity,
        code: r.code,
        message: r.message,
        pointer: r.pointer,
        start: range.start,
        end: range.end,
        source: 'lint',
        fixes: r.fixes,
      };
      sink.push(problem);
      count(problem, 1);
    },
  };
  return ctx;
}
