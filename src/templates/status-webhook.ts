/**
 * The `message_template_status_update` webhook in Meta's shape: what the account's webhook receives
 * when a template is approved, rejected, paused or disabled. The sandbox builds it on review; the
 * sandbox's webhook emitter delivers it.
 * Source: Meta, message_template_status_update webhook reference
 * (developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/message_template_status_update).
 */

export interface TemplateStatusChange {
  wabaId: string;
  templateId: string;
  name: string;
  language: string;
  category: string;
  /** APPROVED, REJECTED, PAUSED, DISABLED, ... */
  event: string;
  /** NONE on approval; INVALID_FORMAT, ABUSIVE_CONTENT, INCORRECT_CATEGORY, ... on rejection. */
  reason: string;
  /** Only with an INVALID_FORMAT rejection: what is wrong and what to do. */
  rejectionInfo?: { reason: string; recommendation: string };
  /** Milliseconds since the epoch. */
  at: number;
}

export function templateStatusWebhook(change: TemplateStatusChange): Record<string, unknown> {
  const id = Number(change.templateId);
  const value: Record<string, unknown> = {
    event: change.event,
    // Meta sends the id as a number.
    message_template_id: Number.isSafeInteger(id) ? id : change.templateId,
    message_template_name: change.name,
    message_template_language: change.language,
    reason: change.reason,
    message_template_category: change.category,
  };
  if (change.rejectionInfo) value.rejection_info = change.rejectionInfo;
  return {
    object: 'whatsapp_business_account',
    entry: [{ id: change.wabaId, time: Math.floor(change.at / 1000), changes: [{ value, field: 'message_template_status_update' }] }],
  };
}
