/** The shape of a definition lint rule, and where Meta states the rules (cited by each rule). */
import type { LintContext } from '../../core/lint/context';
import type { LocatedDefinition } from './located';

export type DefinitionRule = (ctx: LintContext, def: LocatedDefinition) => void;

/** Meta's pages the rules come from; each rule's comment names the one it follows. */
export const SOURCES = {
  overview: 'https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/overview',
  components: 'https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/components',
  guidelines: 'https://developers.facebook.com/docs/whatsapp/message-templates/guidelines/#common-rejection-reasons',
  authentication: 'https://developers.facebook.com/docs/whatsapp/business-management-api/authentication-templates',
  limitedTimeOffer: 'https://developers.facebook.com/docs/whatsapp/business-management-api/message-templates/limited-time-offer-templates',
  carousel: 'https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/marketing-templates/media-card-carousel-templates',
} as const;
