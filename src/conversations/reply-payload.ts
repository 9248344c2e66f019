/**
 * The payload of a reply to a customer's message, for the provider the thread speaks: the customer
 * as `to`, the message answered as the reply context (so the phone quotes it), and a text to edit.
 * Each shape is its provider's own (examples/<provider>/); a unit test checks each validates.
 */
export interface ReplyTarget {
  provider: string;
  /** The customer, as the provider writes numbers. */
  to: string;
  /** Our number or id, when the provider needs it in the body (Vonage `from`). */
  from?: string;
  /** The customer's message being answered. */
  contextId?: string;
  channel?: string;
}

export const REPLY_TEXT = 'Thanks for your message! ';

/** The reply payload, or undefined for a provider that cannot send one (none today). */
export function replyPayload(r: ReplyTarget): Record<string, unknown> | undefined {
  switch (r.provider) {
    case 'whatsapp':
      return { messaging_product: 'whatsapp', recipient_type: 'individual', to: r.to, ...(r.contextId ? { context: { message_id: r.contextId } } : {}), type: 'text', text: { body: REPLY_TEXT } };
    case 'whatsapp-onprem':
      return { recipient_type: 'individual', to: r.to, ...(r.contextId ? { context: { message_id: r.contextId } } : {}), type: 'text', text: { body: REPLY_TEXT } };
    case 'vonage': {
      const channel = r.channel ?? 'whatsapp';
      // Only WhatsApp messages carry a reply context on Vonage.
      return {
        message_type: 'text',
        channel,
        to: r.to,
        from: r.from ?? '{{FROM_NUMBER}}',
        text: REPLY_TEXT,
        ...(channel === 'whatsapp' && r.contextId ? { context: { message_uuid: r.contextId } } : {}),
      };
    }
    case 'vonage-legacy': {
      const type = r.channel === 'viber_service' ? 'viber_service_msg' : (r.channel ?? 'whatsapp');
      return { from: { type, number: r.from ?? '{{FROM_NUMBER}}' }, to: { type, number: r.to }, message: { content: { type: 'text', text: REPLY_TEXT } } };
    }
    case 'gateway':
      return { phone: r.to.startsWith('+') ? r.to : `+${r.to}`, message: REPLY_TEXT };
    default:
      return undefined;
  }
}
