import * as assert from 'node:assert/strict';
import { renderPhone } from '../../../src/preview/render';
import { findByClass, textOf } from '../../../src/preview/vnode';
import { provider as whatsapp } from '../../../src/providers/whatsapp';

const to = { messaging_product: 'whatsapp', to: '16505551234', type: 'interactive' };
const card = (n: number, action: unknown, extra: Record<string, unknown> = {}) => ({ card_index: n, header: { type: 'image', image: { link: `https://example.com/${n}.jpg` } }, action, ...extra });

describe('preview: the newer WhatsApp interactive types', () => {
  it('a carousel: its body in the bubble, one card per card with media, text and buttons, in order', () => {
    const model = whatsapp.toModel({
      ...to,
      interactive: {
        type: 'carousel',
        body: { text: 'Our picks' },
        action: {
          cards: [
            card(0, { name: 'cta_url', parameters: { display_text: 'Buy now', url: 'https://example.com/a' } }, { type: 'cta_url', body: { text: 'Blue Echeveria' } }),
            card(1, { buttons: [{ type: 'quick_reply', quick_reply: { id: 'more-1', title: 'Learn more' } }] }),
          ],
        },
      },
    });
    assert.equal(model?.kind, 'carousel');
    assert.equal(model?.cards?.[1].buttons[0].title.pointer, '/interactive/action/cards/1/action/buttons/0/quick_reply/title');
    const root = renderPhone(model);
    assert.match(textOf(findByClass(root, 'bubble')[0]), /Our picks/);
    const cards = findByClass(root, 'carousel-card');
    assert.equal(cards.length, 2);
    assert.match(textOf(cards[0]), /https:\/\/example\.com\/0\.jpg.*Blue Echeveria.*Buy now/s);
    assert.match(textOf(cards[1]), /Learn more/);
    assert.doesNotMatch(textOf(cards[1]), /Buy now/);
  });

  it('shows the buttons WhatsApp draws for catalog, order, call and address messages', () => {
    const cases: [unknown, string][] = [
      [{ type: 'catalog_message', body: { text: 'x' }, action: { name: 'catalog_message' } }, 'View catalog'],
      [{ type: 'order_details', body: { text: 'x' }, action: { name: 'review_and_pay', parameters: {} } }, 'Review and pay'],
      [{ type: 'voice_call', body: { text: 'x' }, action: { name: 'voice_call' } }, 'Call Now'],
      [{ type: 'voice_call', body: { text: 'x' }, action: { name: 'voice_call', parameters: { display_text: 'Ring us' } } }, 'Ring us'],
      [{ type: 'address_message', body: { text: 'x' }, action: { name: 'address_message', parameters: { country: 'IN' } } }, 'Provide address'],
    ];
    for (const [interactive, label] of cases) {
      const root = renderPhone(whatsapp.toModel({ ...to, interactive }));
      assert.equal(textOf(findByClass(root, 'action-title')[0]), label, JSON.stringify(interactive));
    }
  });

  it('a text message without type is previewed as text', () => {
    const model = whatsapp.toModel({ messaging_product: 'whatsapp', to: '1', text: { body: 'Hi' } });
    assert.equal(model?.kind, 'text');
    assert.equal(model?.text?.text, 'Hi');
  });
});
