/** The template preview: a definition filled with its examples (carousel cards too), and a message filled with its parameters. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { validateText } from '../../../src/pipeline/validate';
import { createCatalog } from '../../../src/core/templates';
import { renderPreview } from '../../../src/preview/document';
import { locateProblems } from '../../../src/preview/problems';
import { findByClass, textOf, type VElement } from '../../../src/preview/vnode';
import { projectRoot } from '../helpers';

const read = (f: string) => fs.readFileSync(path.join(projectRoot(), 'examples', 'templates', f), 'utf8');

function preview(text: string, fileName: string, templates = createCatalog()): VElement {
  const r = validateText(text, { fileName, templates });
  return renderPreview({ fileName, model: r.model, problems: locateProblems(text, r.problems), definition: r.templateFile === 'definition' ? r.doc.value : undefined }, { templates, time: '12:00' });
}

describe('template preview', () => {
  it('a carousel definition: the body and every card, filled with the examples', () => {
    const root = preview(read('summer-carousel.template.json'), 'summer-carousel.template.json');
    assert.match(textOf(findByClass(root, 'file-kind')[0]), /whatsapp-template · marketing · carousel/);
    assert.match(textOf(findByClass(root, 'body')[0]), /Rare succulents for sale, Pablo!/);
    const cards = findByClass(root, 'carousel-card');
    assert.equal(cards.length, 2);
    assert.match(textOf(cards[0]), /Use code ALOE10 for 10% off/);
    assert.match(textOf(cards[1]), /Use code ECHE15/);
    assert.equal(findByClass(cards[1], 'action-url')[0].attrs?.title, 'https://example.com/shop/echeveria');
    assert.equal(findByClass(cards[0], 'media-image').length, 1);
    assert.match(textOf(findByClass(root, 'template-summary')[0]), /summer_carousel\u201D · en_US · MARKETING/);
  });

  it("an authentication definition shows Meta's preset body, footer and copy button", () => {
    const root = preview(read('verification-code.template.json'), 'verification-code.template.json');
    assert.match(textOf(findByClass(root, 'body')[0]), /123456 is your verification code\. For your security, do not share this code\./);
    assert.equal(textOf(findByClass(root, 'bubble-footer')[0]), 'This code expires in 10 minutes.');
    assert.equal(textOf(findByClass(root, 'action-copy')[0]).trim().endsWith('Copy code'), true);
  });

  it('a message sending a named template is filled by parameter name', () => {
    const def = JSON.parse(read('order-confirmation-named.template.json'));
    const payload = {
      messaging_product: 'whatsapp',
      to: '447700900000',
      type: 'template',
      template: {
        name: 'order_confirmation',
        language: { code: 'en_US' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: '42', parameter_name: 'order_number' },
              { type: 'text', text: 'Ann', parameter_name: 'first_name' },
            ],
          },
        ],
      },
    };
    const root = preview(JSON.stringify(payload), 'x.whatsapp.json', createCatalog([def]));
    assert.equal(textOf(findByClass(root, 'body')[0]), 'Thank you, Ann! Your order number is 42. We will tell you when it ships.');
    assert.equal(findByClass(root, 'action-call').length, 1);
  });

  it('a message sending a carousel template fills each card from its card_index', () => {
    const def = JSON.parse(read('summer-carousel.template.json'));
    const card = (i: number, code: string) => ({
      card_index: i,
      components: [
        { type: 'header', parameters: [{ type: 'image', image: { link: `https://example.com/${i}.png` } }] },
        { type: 'body', parameters: [{ type: 'text', text: code }] },
        { type: 'button', sub_type: 'url', index: 1, parameters: [{ type: 'text', text: `item${i}` }] },
      ],
    });
    const payload = {
      messaging_product: 'whatsapp',
      to: '447700900000',
      type: 'template',
      template: {
        name: 'summer_carousel',
        language: { code: 'en_US' },
        components: [
          { type: 'body', parameters: [{ type: 'text', text: 'Zoe' }] },
          { type: 'carousel', cards: [card(1, 'TWO'), card(0, 'ONE')] },
        ],
      },
    };
    const root = preview(JSON.stringify(payload), 'x.whatsapp.json', createCatalog([def]));
    const cards = findByClass(root, 'carousel-card');
    assert.match(textOf(cards[0]), /code ONE/);
    assert.match(textOf(cards[1]), /code TWO/);
    assert.equal(findByClass(cards[1], 'action-url')[0].attrs?.title, 'https://example.com/shop/item1');
    assert.match(findByClass(cards[0], 'media-src').map(textOf).join(), /example\.com\/0\.png/);
  });
});
