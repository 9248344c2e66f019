/** WhatsApp On-Premises payload -> common message model. */
import type { MessageModel } from '../../core/model';
import { rec } from '../common/fields';
import { mapMessage } from '../whatsapp/model-parts';

export function toModel(value: unknown): MessageModel | undefined {
  const p = rec(value);
  if (!p) return undefined;
  if (p.status === 'read' && p.to === undefined && p.type === undefined) {
    return { provider: 'whatsapp-onprem', channel: 'whatsapp', kind: 'mark-read', freeForm: false };
  }
  return mapMessage(p, 'whatsapp-onprem');
}
