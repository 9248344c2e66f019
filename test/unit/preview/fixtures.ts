import type { MessageModel } from '../../../src/core/model';

/** A model with the fields every message has; tests add what they exercise. */
export function model(extra: Partial<MessageModel>): MessageModel {
  return { provider: 'whatsapp', channel: 'whatsapp', kind: 'text', freeForm: true, ...extra };
}

export const t = (text: string, pointer = '/x') => ({ text, pointer });
