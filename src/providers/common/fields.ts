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
export function rec(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}
export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
export function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
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
