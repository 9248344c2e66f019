/** The legacy API answers errors in the same RFC 7807 form as v1: reuse its catalog. */
export { explainError, explainParameter } from '../vonage/errors';
