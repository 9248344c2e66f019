/**
 * Limits on which Meta's OpenAPI spec (v23.0) and its developer docs disagree. The schema errors
 * past the larger limit (what the docs promise); these rules warn between the two and say which
 * source says what, so a body that may or may not be accepted is flagged but not refused.
 */
import type { LintRule } from '../../core/lint/context';
import { hasPlaceholder } from '../../core/placeholders';
import { arr, rec, str } from '../common/fields';

export const DISPUTED_LIMITS = {
  // Spec: BodyObject.text maxLength 1024 for every interactive type. Docs
  // (developers.facebook.com/documentation/business-messaging/whatsapp/messages/interactive-list-messages):
  // a list message's body text is "Maximum 4096 characters".
  listBody: { spec: 1024, docs: 4096 },
  // Spec: ContactsMessage.contacts maxItems 5. The docs (.../messages/contacts-messages) give no limit.
  contacts: { spec: 5 },
  // Spec: no limit. Docs (.../payments/payments-in/pg): reference_id "should not exceed 35 characters".
  orderReferenceId: { docs: 35 },
} as const;

export const listBodyBetweenLimits: LintRule = (ctx) => {
  const interactive = rec(rec(ctx.value)?.interactive);
  const text = str(rec(interactive?.body)?.text);
  if (interactive?.type !== 'list' || text === undefined) return;
  const { spec, docs } = DISPUTED_LIMITS.listBody;
  if (text.length > spec && text.length <= docs) {
    ctx.report({
      severity: 'warning',
      code: 'disputed-limit',
      pointer: '/interactive/body/text',
      message: `The list body is ${text.length} characters. Meta's docs allow ${docs} for a list message, but its API spec (v23.0) says ${spec}, so the API may reject it. Keep it to ${spec} to be safe.`,
    });
  }
};

export const contactsOverSpecLimit: LintRule = (ctx) => {
  const contacts = arr(rec(ctx.value)?.contacts);
  const { spec } = DISPUTED_LIMITS.contacts;
  if (rec(ctx.value)?.type !== 'contacts' || contacts.length <= spec) return;
  ctx.report({
    severity: 'warning',
    code: 'disputed-limit',
    pointer: `/contacts/${spec}`,
    message: `This message has ${contacts.length} contact cards. Meta's API spec (v23.0) allows at most ${spec}; its docs give no limit, so the API may reject the extra ones. Send ${contacts.length - spec} in another message to be safe.`,
  });
};

export const orderReferenceIdLength: LintRule = (ctx) => {
  const interactive = rec(rec(ctx.value)?.interactive);
  if (interactive?.type !== 'order_details' && interactive?.type !== 'order_status') return;
  const id = str(rec(rec(interactive.action)?.parameters)?.reference_id);
  const { docs } = DISPUTED_LIMITS.orderReferenceId;
  if (id === undefined || hasPlaceholder(id) || id.length <= docs) return;
  ctx.report({
    severity: 'warning',
    code: 'disputed-limit',
    pointer: '/interactive/action/parameters/reference_id',
    message: `\`reference_id\` is ${id.length} characters. Meta's Payments docs say it should not exceed ${docs} (its API spec gives no limit). Shorten it to be safe.`,
  });
};

export const DISPUTED_LIMIT_RULES: LintRule[] = [listBodyBetweenLimits, contactsOverSpecLimit, orderReferenceIdLength];
