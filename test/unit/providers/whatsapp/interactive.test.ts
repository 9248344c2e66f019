import * as assert from 'node:assert/strict';
import { validateText } from '../../../../src/pipeline/validate';

/** Problems of a Cloud API body, as `severity code pointer`. */
function problems(payload: unknown): string[] {
  return validateText(JSON.stringify(payload, null, 2), { fileName: 'x.whatsapp.json' })
    .problems.filter((p) => p.code !== 'unknown-template')
    .map((p) => `${p.severity} ${p.code} ${p.pointer}`);
}

const to = { messaging_product: 'whatsapp', recipient_type: 'individual', to: '16505551234' };
const interactive = (i: unknown) => ({ ...to, type: 'interactive', interactive: i });
const image = { type: 'image', image: { link: 'https://example.com/a.jpg' } };
const urlCard = (n: number, extra: Record<string, unknown> = {}) => ({
  card_index: n,
  type: 'cta_url',
  header: image,
  body: { text: `Card ${n}` },
  action: { name: 'cta_url', parameters: { display_text: 'Buy', url: `https://example.com/${n}` } },
  ...extra,
});
const replyCard = (n: number) => ({ card_index: n, header: image, action: { buttons: [{ type: 'quick_reply', quick_reply: { id: `more-${n}`, title: 'Learn more' } }] } });
const carousel = (cards: unknown[]) => interactive({ type: 'carousel', body: { text: 'Our picks' }, action: { cards } });

describe('whatsapp (Cloud API) bodies Meta accepts today', () => {
  const valid: Record<string, unknown> = {
    'a text message without type (it defaults to text)': { ...to, text: { body: 'See https://example.com', preview_url: true } },
    'a message to a business-scoped user id (BSUID)': { ...to, to: 'US.13491208655302741918', recipient: 'US.13491208655302741918', type: 'text', text: { body: 'Hi' } },
    'a group message': { ...to, recipient_type: 'group', to: 'GROUP_ID_123', type: 'text', text: { body: 'Hi all' } },
    'a text header with sub_text': interactive({
      type: 'button',
      header: { type: 'text', text: 'Order', sub_text: 'No. 1234' },
      body: { text: 'OK?' },
      action: { buttons: [{ type: 'reply', reply: { id: 'y', title: 'Yes' } }] },
    }),
    'a catalog message': interactive({
      type: 'catalog_message',
      body: { text: 'Our catalog' },
      footer: { text: 'Deals' },
      action: { name: 'catalog_message', parameters: { thumbnail_product_retailer_id: 'sku1' } },
    }),
    'a catalog message without a thumbnail': interactive({ type: 'catalog_message', body: { text: 'Our catalog' }, action: { name: 'catalog_message' } }),
    'an order details message': interactive({
      type: 'order_details',
      body: { text: 'Your order' },
      action: {
        name: 'review_and_pay',
        parameters: {
          reference_id: 'order-1',
          type: 'digital-goods',
          payment_type: 'upi',
          payment_configuration: 'cfg',
          currency: 'INR',
          total_amount: { value: 1100, offset: 100 },
          order: {
            status: 'pending',
            items: [{ retailer_id: '1', name: 'bread', amount: { value: 1000, offset: 100 }, quantity: 1 }],
            subtotal: { value: 1000, offset: 100 },
            tax: { value: 100, offset: 100 },
          },
        },
      },
    }),
    'an order status message': interactive({
      type: 'order_status',
      body: { text: 'Shipped' },
      action: { name: 'review_order', parameters: { reference_id: 'order-1', order: { status: 'shipped', description: 'On its way' } } },
    }),
    'a media carousel with URL buttons': carousel([urlCard(0), urlCard(1)]),
    'a media carousel with quick replies': carousel([replyCard(0), replyCard(1)]),
    'a product carousel': carousel([0, 1].map((n) => ({ card_index: n, type: 'product', action: { product_retailer_id: `sku${n}`, catalog_id: 'c1' } }))),
    'a call button with its parameters': interactive({
      type: 'voice_call',
      body: { text: 'Call us' },
      action: { name: 'voice_call', parameters: { display_text: 'Call on WhatsApp', ttl_minutes: 100, payload: 'x' } },
    }),
    "a call button with Meta's defaults": interactive({ type: 'voice_call', body: { text: 'Call us' }, action: { name: 'voice_call' } }),
    'a call permission request': interactive({ type: 'call_permission_request', body: { text: 'May we call you?' }, action: { name: 'call_permission_request' } }),
    'an address message': interactive({
      type: 'address_message',
      body: { text: 'Where to?' },
      action: { name: 'address_message', parameters: { country: 'IN', values: { name: 'A', phone_number: '+919000000000' } } },
    }),
    'a catalog template button in upper case': {
      ...to,
      type: 'template',
      template: {
        name: 'intro',
        language: { code: 'en_US' },
        components: [{ type: 'button', sub_type: 'CATALOG', index: 0, parameters: [{ type: 'action', action: { thumbnail_product_retailer_id: 'sku1' } }] }],
      },
    },
    'named template parameters': {
      ...to,
      type: 'template',
      template: { name: 'greet', language: { code: 'en_US' }, components: [{ type: 'body', parameters: [{ type: 'text', parameter_name: 'first_name', text: 'Jessica' }] }] },
    },
    'a carousel template and a limited-time offer': {
      ...to,
      type: 'template',
      template: {
        name: 'offer',
        language: { code: 'en_US' },
        components: [
          { type: 'limited_time_offer', parameters: [{ type: 'limited_time_offer', limited_time_offer: { expiration_time_ms: 1767225600000 } }] },
          {
            type: 'carousel',
            cards: [0, 1].map((n) => ({
              card_index: n,
              components: [
                { type: 'header', parameters: [image] },
                { type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'payload', payload: `p${n}` }] },
              ],
            })),
          },
        ],
      },
    },
  };
  for (const [name, payload] of Object.entries(valid)) {
    it(`accepts ${name}`, () => assert.deepEqual(problems(payload), []));
  }
});

describe('whatsapp (Cloud API) bodies Meta rejects', () => {
  const broken: [string, unknown, string][] = [
    ['interactive content without type (it would be read as text)', { ...to, interactive: { type: 'button' } }, 'error schema '],
    ['a carousel of one card', carousel([urlCard(0)]), 'error schema /interactive/action/cards'],
    ['a card body over 160 characters', carousel([urlCard(0, { body: { text: 'x'.repeat(161) } }), urlCard(1)]), 'error schema /interactive/action/cards/0/body/text'],
    [
      'a card with a document header',
      carousel([urlCard(0, { header: { type: 'document', document: { link: 'https://example.com/a.pdf' } } }), urlCard(1)]),
      'error schema /interactive/action/cards/0/header/type',
    ],
    [
      'a header on the carousel itself',
      interactive({ type: 'carousel', header: { type: 'text', text: 'No' }, body: { text: 'Picks' }, action: { cards: [urlCard(0), urlCard(1)] } }),
      'error schema /interactive/header',
    ],
    [
      'a call button label over 20 characters',
      interactive({ type: 'voice_call', body: { text: 'Call' }, action: { name: 'voice_call', parameters: { display_text: 'c'.repeat(21) } } }),
      'error schema /interactive/action/parameters/display_text',
    ],
    [
      'a call button alive over 30 days',
      interactive({ type: 'voice_call', body: { text: 'Call' }, action: { name: 'voice_call', parameters: { ttl_minutes: 43201 } } }),
      'error schema /interactive/action/parameters/ttl_minutes',
    ],
    [
      'an address message without its country',
      interactive({ type: 'address_message', body: { text: 'Where?' }, action: { name: 'address_message', parameters: {} } }),
      'error schema /interactive/action/parameters',
    ],
    ['a catalog message with the wrong action name', interactive({ type: 'catalog_message', body: { text: 'Catalog' }, action: { name: 'catalog' } }), 'error schema /interactive/action/name'],
    [
      'an order without reference_id',
      interactive({ type: 'order_status', body: { text: 'x' }, action: { name: 'review_order', parameters: { order: { status: 'shipped' } } } }),
      'error schema /interactive/action/parameters',
    ],
    [
      'a template button of an unknown kind',
      { ...to, type: 'template', template: { name: 't', language: { code: 'en' }, components: [{ type: 'button', sub_type: 'call', index: 0, parameters: [{ type: 'text', text: 'x' }] }] } },
      'error schema /template/components/0/sub_type',
    ],
    ['a text body over 4096 characters, with no type', { ...to, text: { body: 'x'.repeat(4097) } }, 'error schema /text/body'],
  ];
  for (const [name, payload, expected] of broken) {
    it(`rejects ${name}`, () => assert.deepEqual(problems(payload), [expected]));
  }
  it('says which type to add when a body has content of another type and no type', () => {
    const [problem] = validateText(JSON.stringify({ ...to, image: { link: 'https://example.com/a.jpg' } }), { fileName: 'x.whatsapp.json' }).problems;
    assert.match(problem.message, /Add "type": "image"/);
  });
});
