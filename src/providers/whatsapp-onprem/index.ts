// Placeholder: being written (schema, model, rules). Accepts any object for now.
import { z } from 'zod';
import type { ProviderDef } from '../types';

export const provider: ProviderDef = {
  id: 'whatsapp-onprem',
  suffix: '.whatsapp-onprem.json',
  label: 'whatsapp-onprem',
  schema: z.looseObject({}),
  detect: () => 0,
  toModel: () => undefined,
};
