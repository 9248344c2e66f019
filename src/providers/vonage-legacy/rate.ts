/** The legacy Messages API shares the account's key, and so its default throughput. */
import { PACE as VONAGE_PACE } from '../vonage/rate';

export const PACE = VONAGE_PACE;
