/** A payload with one value broken one way at a time: the sweeps that check each fault is reported once. */

/** A breaker's answer that removes the value (the key from its object). */
export const REMOVE = Symbol('remove');

/** How to break a value: the broken value, REMOVE, or undefined when this way does not apply to it. */
export type Breaker = readonly [how: string, change: (v: unknown) => unknown];

/** The eleven ways the sweeps break each value. */
export const BREAKERS: readonly Breaker[] = [
  ['too long', (v) => (typeof v === 'string' ? 'x'.repeat(5000) : undefined)],
  ['empty', (v) => (typeof v === 'string' ? '' : undefined)],
  ['a number instead of a string', (v) => (typeof v === 'string' ? 5 : undefined)],
  ['very negative', (v) => (typeof v === 'number' ? -1e9 : undefined)],
  ['very large', (v) => (typeof v === 'number' ? 1e12 : undefined)],
  ['a string instead of a number', (v) => (typeof v === 'number' ? 'x' : undefined)],
  ['null', () => null],
  ['an empty array', () => []],
  ['an empty object', () => ({})],
  ['true', () => true],
  ['removed', () => REMOVE],
];

/** Every copy of `base` with one value at one path changed by one breaker. */
export function* brokenVariants(base: unknown, breakers: readonly Breaker[]): Generator<{ at: (string | number)[]; how: string; payload: any }> {
  const paths: (string | number)[][] = [];
  (function visit(v: unknown, at: (string | number)[]) {
    if (at.length) paths.push(at);
    if (Array.isArray(v)) v.forEach((x, i) => visit(x, [...at, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(x, [...at, k]);
  })(base, []);
  for (const at of paths) {
    for (const [how, change] of breakers) {
      const copy = JSON.parse(JSON.stringify(base));
      let parent = copy;
      for (const seg of at.slice(0, -1)) parent = parent[seg];
      const key = at[at.length - 1];
      const next = change(parent[key]);
      if (next === undefined || (next === REMOVE && Array.isArray(parent))) continue;
      if (next === REMOVE) delete parent[key];
      else parent[key] = next;
      yield { at, how, payload: copy };
    }
  }
}
