import type { ProviderDef } from '../types';
import { rec } from '../common/fields';
import { whatsappPayload } from './schema';
import { toModel } from './model';
import { WHATSAPP_RULES } from './rules';

export const provider: ProviderDef = {
  id: 'whatsapp',
  suffix: '.whatsapp.json',
  label: 'WhatsApp Cloud API',
  schema: whatsappPayload,
  // `messaging_product` is the Cloud API's mark: neither On-Premises nor Vonage bodies carry it.
  detect(value) {
    const p = rec(value);
    if (!p || !('messaging_product' in p)) return 0;
    return p.messaging_product === 'whatsapp' ? 0.95 : 0.6;
  },
  toModel,
  rules: WHATSAPP_RULES,
};
