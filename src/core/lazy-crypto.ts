/**
 * node:crypto, loaded when first used: loading it costs a few milliseconds of start-up, which
 * `mwb validate` and the editor's first validation should not pay for a signature they never check.
 */
import type * as Crypto from 'node:crypto';

let loaded: typeof Crypto | undefined;

export function nodeCrypto(): typeof Crypto {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require('node:crypto') as typeof Crypto);
}
