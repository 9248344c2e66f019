/** Lazy access to the domain bundle (dist/domain.js): loaded on first use, not at activation. */
import type * as Domain from '../domain';

let loaded: typeof Domain | undefined;

export function domain(): typeof Domain {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require('./domain.js') as typeof Domain);
}
