/**
 * The few facts the sandbox needs from a payload beyond its schema: who it goes to, and whether it
 * is a free-form WhatsApp message (which only the 24 h window allows). Read from the raw body,
 * so they hold whatever state the provider's model mapping is in.
 */
import type { ProviderId } from '../providers/registry';
import { rec, str } from '../providers/common/fields';

export interface PayloadFacts {
  /** The recipient as written, if the payload names one. */
  to?: string;
  /** Where the recipient belongs, for the "missing recipient" error. */
  toPointer: string;
  /** A WhatsApp message that is not a template: needs an open 24 h window. */
  freeFormWhatsApp: boolean;
}

function legacyNumber(v: unknown): string | undefined {
  const r = rec(v);
  return str(r?.number) ?? str(r?.id);
}

export function payloadFacts(providerId: ProviderId, value: unknown): PayloadFacts {
  const p = rec(value) ?? {};
  switch (providerId) {
    case 'vonage': {
      const type = str(p.message_type);
      const customType = str(rec(p.custom)?.type);
      const template = type === 'template' || (type === 'custom' && customType === 'template');
      return { to: str(p.to), toPointer: '/to', freeFormWhatsApp: str(p.channel) === 'whatsapp' && !template };
    }
    case 'vonage-legacy': {
      const to = rec(p.to);
      const content = rec(rec(p.message)?.content);
      const whatsapp = str(to?.type) === 'whatsapp' || str(rec(p.from)?.type) === 'whatsapp';
      return { to: legacyNumber(p.to), toPointer: '/to/number', freeFormWhatsApp: whatsapp && str(content?.type) !== 'template' };
    }
    case 'whatsapp':
      return { to: str(p.to), toPointer: '/to', freeFormWhatsApp: str(p.type) !== 'template' };
    case 'whatsapp-onprem': {
      const type = str(p.type);
      return { to: str(p.to), toPointer: '/to', freeFormWhatsApp: type !== 'template' && type !== 'hsm' };
    }
    case 'gateway':
      return { to: str(p.phone), toPointer: '/phone', freeFormWhatsApp: true };
    default:
      return { toPointer: '/to', freeFormWhatsApp: false };
  }
}
