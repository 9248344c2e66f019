import type { ProviderDef } from '../types';
import { rec } from '../common/fields';
import { gatewayPayload } from './schema';
import { toModel } from './model';
import { GATEWAY_RULES } from './rules';

export const provider: ProviderDef = {
  id: 'gateway',
  suffix: '.gateway.json',
  label: 'WhatsApp token gateway',
  schema: gatewayPayload,
  detect(value) {
    const p = rec(value);
    if (!p) return 0;
    return 'phone' in p && 'message' in p ? 0.9 : 'phone' in p || 'message' in p ? 0.3 : 0;
  },
  toModel,
  rules: GATEWAY_RULES,
};
