/**
 * The domain, loaded on first use rather than at activation, in two bundles: `validation()` for
 * checking and previewing files (dist/validation.js), `domain()` for sending, signing and the
 * sandbox (dist/domain.js). Activation loads neither.
 */
import type * as Validation from '../extension-validation';
import type * as Domain from '../extension-domain';

let validationBundle: typeof Validation | undefined;
let domainBundle: typeof Domain | undefined;

export function validation(): typeof Validation {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (validationBundle ??= require('./validation.js') as typeof Validation);
}

export function domain(): typeof Domain {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (domainBundle ??= require('./domain.js') as typeof Domain);
}
