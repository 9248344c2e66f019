/**
 * The templates a new sandbox account has, all APPROVED: `hello_world`, which every new WhatsApp
 * Business Account has (its text as Meta's GET example shows it), and the definitions in
 * examples/templates/ (bundled from those files), so the example payloads that send templates are
 * accepted and a newcomer can send every kind (carousel, authentication, limited-time offer).
 */
import type { TemplateDefinition } from '../core/templates';
import orderUpdate from '../../examples/templates/order-update.template.json';
import seasonalPromotion from '../../examples/templates/seasonal-promotion.template.json';
import orderConfirmation from '../../examples/templates/order-confirmation-named.template.json';
import verificationCode from '../../examples/templates/verification-code.template.json';
import summerCarousel from '../../examples/templates/summer-carousel.template.json';
import flashSale from '../../examples/templates/flash-sale-offer.template.json';

export const HELLO_WORLD: TemplateDefinition = {
  name: 'hello_world',
  language: 'en_US',
  category: 'UTILITY',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Hello World' },
    {
      type: 'BODY',
      text: 'Welcome and congratulations!! This message demonstrates your ability to send a message notification from WhatsApp Business Platform\u2019s Cloud API. Thank you for taking the time to test with us.',
    },
    { type: 'FOOTER', text: 'WhatsApp Business API Team' },
  ],
};

export const SEED_TEMPLATES: readonly TemplateDefinition[] = [
  HELLO_WORLD,
  ...[orderUpdate, seasonalPromotion, orderConfirmation, verificationCode, summerCarousel, flashSale].map((d) => d as TemplateDefinition),
];
