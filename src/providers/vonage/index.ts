/** Vonage Messages API v1: every channel and message type, `POST /v1/messages`. */
import type { ProviderDef } from '../types';
import { rec } from '../common/fields';
import { vonagePayload } from './schema';
import { toModel } from './model';
import { VONAGE_RULES } from './rules';

export const provider: ProviderDef = {
  id: 'vonage',
  suffix: '.vonage.json',
  label: 'Vonage Messages API v1',
  schema: vonagePayload,
  detect(value) {
    const p = rec(value);
    if (!p) return 0;
    // `channel` + `message_type` is unique to v1; either alone is a strong hint (others use `type`).
    if ('message_type' in p && 'channel' in p) return 0.95;
    if ('message_type' in p) return 0.7;
    if ('channel' in p && typeof p.channel === 'string' && !('message' in p)) return 0.55;
    return 0;
  },
  toModel,
  rules: VONAGE_RULES,
};
