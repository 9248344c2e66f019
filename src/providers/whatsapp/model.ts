/** WhatsApp Cloud API payload -> common message model. */
import type { MessageModel } from '../../core/model';
import { rec } from '../common/fields';
import { mapMessage } from './model-parts';

export function toModel(value: unknown): MessageModel | undefined {
  const p = rec(value);
  if (!p) return undefined;
  if (p.status === 'read' && p.to === undefined && p.type === undefined) {
    return { provider: 'whatsapp', channel: 'whatsapp', kind: 'mark-read', replyTo: typeof p.message_id === 'string' ? p.message_id : undefined, freeForm: false };
  }
  return mapMessage(p, 'whatsapp');
}
