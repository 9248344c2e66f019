/**
 * A value built on first use. Providers load their zod schemas through it: building a schema costs
 * milliseconds per provider, and a command or an editor that meets one provider's file should not
 * pay for all five.
 */
export function once<T>(build: () => T): () => T {
  let built = false;
  let value: T;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value;
  };
}
