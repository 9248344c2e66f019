import * as assert from 'node:assert/strict';
import { validateText } from '../../../../src/pipeline/validate';
import { createCatalog } from '../../../../src/core/templates';
import { provider as onprem } from '../../../../src/providers/whatsapp-onprem';
import { detectProvider } from '../../../../src/providers/registry';

const catalog = createCatalog([{ name: 'order_update', language: 'en', namespace: 'ns_1', body: 'Hi {{1}}, order {{2}} is on its way.' }]);

function check(payload: unknown, fileName: string | undefined = 'payload.whatsapp-onprem.json') {
  const text = JSON.stringify(payload, null, 2);
  const result = validateText(text, { fileName, templates: catalog });
  const errors = result.problems.filter((p) => p.severity === 'error');
  return { text, result, errors, codes: errors.map((p) => `${p.code} ${p.pointer}`) };
}

const base = { recipient_type: 'individual', to: '447700900000' };
const msg = (type: string, content: unknown, extra: Record<string, unknown> = {}) => ({ ...base, ...extra, type, [type]: content });
const template = (parameters: string[], language: Record<string, unknown> = { policy: 'deterministic', code: 'en' }) =>
  msg('template', { namespace: 'ns_1', name: 'order_update', language, components: [{ type: 'body', parameters: parameters.map((text) => ({ type: 'text', text })) }] });

describe('whatsapp-onprem provider (seed 004)', () => {
  it("accepts the seed's text and template examples, media, location, contacts and mark-as-read", () => {
    const valid = [
      { recipient_type: 'individual', to: 'wa_id', type: 'text', text: { body: 'Hello, dear customer!' } },
      { to: '447700900000', type: 'template', template: { namespace: 'c8ae5f90_307a_ca4c_b8f6_d1e2a2573574', language: { policy: 'deterministic', code: 'en' }, name: 'template_name' } },
      template(['Alex', '42']),
      msg('image', { link: 'https://example.com/a.png', caption: 'c' }),
      msg('document', { id: 'media-id', filename: 'a.pdf' }),
      msg('location', { latitude: 51.5, longitude: -0.1, name: 'Shop' }),
      msg('contacts', [{ name: { formatted_name: 'A B' } }]),
      msg('text', { body: 'link https://example.com' }, { preview_url: true }),
      { status: 'read' },
    ];
    for (const v of valid) {
      const { codes } = check(v);
      // The seed's "wa_id" is a stand-in, not a number: only the phone rule may speak.
      assert.deepEqual(
        codes.filter((c) => !c.startsWith('phone-format')),
        [],
        JSON.stringify(v),
      );
    }
    assert.deepEqual(check(valid[2]).codes, []);
  });

  it('latitude 91 (error 1009), as a number and as a string', () => {
    assert.deepEqual(check(msg('location', { latitude: 91, longitude: 0 })).codes, ['schema /location/latitude']);
    const s = check(msg('location', { latitude: '91', longitude: '0' }));
    assert.deepEqual(s.codes, ['location-range /location/latitude']);
    assert.match(s.errors[0].message, /1009/);
  });

  it('a template without namespace, or with another language policy', () => {
    const noNs = template(['A', 'B']);
    delete (noNs as any).template.namespace;
    assert.deepEqual(check(noNs).codes, ['schema /template']);
    assert.deepEqual(check(template(['A', 'B'], { policy: 'fallback', code: 'en' })).codes, ['schema /template/language/policy']);
  });

  it('template parameter count against the catalog', () => {
    const { codes } = check(template(['A', 'B', 'C']));
    assert.deepEqual(codes, ['template-parameters /template/components/0/parameters/2/text']);
  });

  it('Cloud-only keys are unknown here', () => {
    assert.deepEqual(check({ biz_opaque_callback_data: 'x', ...msg('text', { body: 'x' }) }).codes, ['schema /biz_opaque_callback_data']);
    // A whole Cloud API body is named as one: the file is for the other API.
    assert.deepEqual(check({ messaging_product: 'whatsapp', ...msg('text', { body: 'x' }) }).codes, ['wrong-provider ']);
  });

  it('a Syria number, and media without a source', () => {
    assert.deepEqual(check(msg('text', { body: 'x' }, { to: '963912345678' })).codes, ['restricted-destination /to']);
    assert.deepEqual(check(msg('video', {})).codes, ['media-source /video']);
  });

  it('maps the model: template with namespace, mark-as-read', () => {
    const m = onprem.toModel(template(['Alex', '42']))!;
    assert.equal(m.provider, 'whatsapp-onprem');
    assert.equal(m.kind, 'template');
    assert.equal(m.freeForm, false);
    assert.equal(m.template?.namespace, 'ns_1');
    assert.deepEqual(
      m.template?.parameters.map((p) => p.text),
      ['Alex', '42'],
    );
    assert.equal(m.to?.style, 'loose');
    const read = onprem.toModel({ status: 'read' })!;
    assert.equal(read.kind, 'mark-read');
    assert.equal(read.freeForm, false);
    const text = onprem.toModel(msg('text', { body: 'hi' }))!;
    assert.equal(text.freeForm, true);
    assert.deepEqual(text.text, { text: 'hi', pointer: '/text/body' });
  });

  it('detects On-Premises bodies without claiming Cloud or Vonage ones', () => {
    assert.equal(detectProvider(msg('text', { body: 'x' }))?.id, 'whatsapp-onprem');
    assert.equal(detectProvider({ to: '447700900000', type: 'template', template: { namespace: 'n', name: 't', language: { policy: 'deterministic', code: 'en' } } })?.id, 'whatsapp-onprem');
    assert.equal(onprem.detect({ messaging_product: 'whatsapp', to: '1', type: 'text', text: { body: 'x' } }), 0);
    assert.equal(onprem.detect({ message_type: 'text', channel: 'whatsapp', to: '1', from: '2', text: 'x' }), 0);
    assert.equal(onprem.detect({ from: { type: 'whatsapp', number: '1' }, to: { type: 'whatsapp', number: '2' }, message: { content: { type: 'text', text: 'x' } } }), 0);
    assert.equal(check(msg('text', { body: 'x' }), undefined).result.provider?.id, 'whatsapp-onprem');
  });
});

describe('whatsapp-onprem template name length', () => {
  it('a 513-character name is reported once, by template-name-length', () => {
    const p = { to: '447700900000', type: 'template', template: { namespace: 'ns_1', name: 'n'.repeat(513), language: { policy: 'deterministic', code: 'en' } } };
    const result = validateText(JSON.stringify(p), { fileName: 'x.whatsapp-onprem.json' });
    assert.deepEqual(
      result.problems.filter((x) => x.severity === 'error').map((x) => `${x.code} ${x.pointer}`),
      ['template-name-length /template/name'],
    );
  });
});
