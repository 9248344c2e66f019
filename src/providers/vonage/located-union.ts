/**
 * A `z.union` whose problems point at the right place. zod 4 reports a failed union's branch
 * issues with paths relative to the union, and core/schema-check does not prefix them, so a bad
 * template parameter would be reported at `/default` instead of `/message/.../parameters/0/default`.
 * This wrapper re-raises the best branch's issues from inside the value (zod prefixes those), and
 * carries the union's own generated JSON Schema so editor completions and hovers are unchanged.
 */
import { z } from 'zod';

type Issue = z.core.$ZodIssue;

/** The branch that got furthest: deepest path first, then fewest issues. */
function bestBranch(issues: readonly Issue[]): Issue[] {
  const top = issues[0];
  if (issues.length !== 1 || top.code !== 'invalid_union' || top.errors.length === 0) return [...issues];
  // Wrong for every branch at the value itself: say all the types it may be, not just the first's.
  const types = top.errors.map((b) => (b.length === 1 && b[0].code === 'invalid_type' && b[0].path.length === 0 ? b[0].expected : undefined));
  if (types.every((t) => t !== undefined)) return [{ ...top.errors[0][0], expected: [...new Set(types)].join(' or ') } as Issue];
  const score = (b: readonly Issue[]) => Math.max(0, ...b.map((i) => i.path.length)) * 100 - b.length;
  return [...top.errors].sort((a, b) => score(b) - score(a))[0];
}

export function locatedUnion<T extends z.ZodType>(union: T, description: string): T {
  // Computed on first read (schema generation at build time), not when the domain loads.
  let json: Record<string, unknown> | undefined;
  const compute = () => {
    const { $schema: _ignored, ...rest } = z.toJSONSchema(union, { target: 'draft-7', unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
    return rest;
  };
  const wrapped = z
    .unknown()
    .superRefine((value, ctx) => {
      const result = union.safeParse(value);
      if (result.success) return;
      for (const issue of bestBranch(result.error.issues)) {
        ctx.addIssue({ ...issue, input: value } as unknown as z.core.$ZodRawIssue);
      }
    })
    .meta(
      Object.defineProperties(
        {},
        {
          anyOf: { enumerable: true, get: () => (json ??= compute()).anyOf },
          description: { enumerable: true, value: description },
        },
      ),
    );
  return wrapped as unknown as T;
}
