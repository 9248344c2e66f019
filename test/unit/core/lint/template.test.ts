import * as assert from 'node:assert/strict';
import { validateText } from '../../../../src/pipeline/validate';
import { createCatalog } from '../../../../src/core/templates';

const templates = createCatalog([{ name: 'order_update', language: 'en_US', body: 'Hi {{1}}, order {{2}} arrives {{3}}.' }]);

function missing(payload: unknown, file: string) {
  const text = JSON.stringify(payload, null, 2);
  const p = validateText(text, { fileName: file, templates }).problems.find((x) => x.code === 'template-parameters');
  assert.ok(p, 'no template-parameters problem');
  return { pointer: p.pointer, underlined: text.slice(p.start, p.end) };
}

const whatsapp = (components: unknown[]) => ({
  messaging_product: 'whatsapp',
  to: '447700900000',
  type: 'template',
  template: { name: 'order_update', language: { code: 'en_US' }, components: [{ type: 'header', parameters: [{ type: 'image', image: { link: 'https://example.com/a.png' } }] }, ...components, { type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'payload', payload: 'x'.repeat(200) }] }] },
});

describe('a missing template parameter is underlined where it belongs, not across the whole template', () => {
  it('the body\'s parameters array when it has too few', () => {
    const r = missing(whatsapp([{ type: 'body', parameters: [{ type: 'text', text: 'Alex' }] }]), 'x.whatsapp.json');
    assert.equal(r.pointer, '/template/components/1/parameters');
    assert.ok(r.underlined.startsWith('[') && r.underlined.length < 120, r.underlined);
  });

  it('the body component when it has no parameters', () => {
    const r = missing(whatsapp([{ type: 'body' }]), 'x.whatsapp.json');
    assert.equal(r.pointer, '/template/components/1');
    assert.match(r.underlined, /^\{\s*"type": "body"\s*\}$/);
  });

  it('the components array when there is no body component', () => {
    const r = missing(whatsapp([]), 'x.whatsapp.json');
    assert.equal(r.pointer, '/template/components');
  });

  it('only the "template" key when a Vonage template has no parameters at all', () => {
    const r = missing({ message_type: 'template', channel: 'whatsapp', to: '447700900000', from: '447700900001', template: { name: 'order_update' }, whatsapp: { policy: 'deterministic', locale: 'en_US' } }, 'x.vonage.json');
    assert.equal(r.pointer, '/template');
    assert.equal(r.underlined, '"template"');
  });
});
