/** WhatsApp On-Premises payload -> common message model. */
import type { MessageModel } from '../../core/model';
import { arr, looseText, rec, str } from '../common/fields';
import { mapMessage } from '../whatsapp/model-parts';

export function toModel(value: unknown): MessageModel | undefined {
  const p = rec(value);
  if (!p) return undefined;
  if (p.status === 'read' && p.to === undefined && p.type === undefined) {
    return { provider: 'whatsapp-onprem', channel: 'whatsapp', kind: 'mark-read', freeForm: false };
  }
  if (p.type === 'hsm') return hsmModel(p);
  return mapMessage(p, 'whatsapp-onprem');
}

/** An `hsm` is a template whose body parameters are `localizable_params[].default`. */
function hsmModel(p: Record<string, unknown>): MessageModel {
  const hsm = rec(p.hsm);
  const to = str(p.to);
  return {
    provider: 'whatsapp-onprem',
    channel: 'whatsapp',
    kind: 'template',
    to: to !== undefined ? { text: to, pointer: '/to', style: 'loose' } : undefined,
    replyTo: str(rec(p.context)?.message_id),
    freeForm: false,
    template: {
      name: str(hsm?.element_name) ?? '',
      namespace: str(hsm?.namespace),
      language: str(rec(hsm?.language)?.code),
      parameters: arr(hsm?.localizable_params).map((v, i) => ({ text: looseText(rec(v)?.default), pointer: `/hsm/localizable_params/${i}/default` })),
      pointer: '/hsm',
    },
  };
}
