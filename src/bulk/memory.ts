/**
 * Keeps a long bulk run at the memory of a short one. V8 lets the old generation grow to several
 * times its live size before it collects (the live set of a run is small and flat; its garbage is
 * not), so 100,000 rows peaked near 210 MB where 100 took 125 MB. A full collection at most once a
 * second, after enough rows to matter, holds it down for about 1% of the time.
 * `gc` is exposed at run time the way jest-leak-detector does it (v8.setFlagsFromString('--expose-gc')
 * then vm.runInNewContext('gc')): https://github.com/jestjs/jest/blob/main/packages/jest-leak-detector/src/index.ts
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined | null;

function collector(): (() => void) | undefined {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    } catch {
      gc = null;
    }
  }
  return gc ?? undefined;
}

/** Call `tick()` once per row; it collects when `everyMs` and `everyRows` rows have passed. */
export function memoryKeeper(everyRows = 1000, everyMs = 1000, now: () => number = () => performance.now()): { tick(): void } {
  let rows = 0;
  let last = now();
  return {
    tick() {
      if (++rows < everyRows) return;
      const t = now();
      if (t - last < everyMs) return;
      rows = 0;
      last = t;
      collector()?.();
    },
  };
}
