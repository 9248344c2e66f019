// Placeholder: being written (schema, model, rules). Accepts any object for now.
import { z } from 'zod';
import type { ProviderDef } from '../types';

export const provider: ProviderDef = {
  id: 'vonage',
  suffix: '.vonage.json',
  label: 'vonage',
  schema: z.looseObject({}),
  detect: () => 0,
  toModel: () => undefined,
};
