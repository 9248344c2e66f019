import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { onpremToCloud, convertText } from '../../../src/convert';
import { validateText } from '../../../src/pipeline/validate';
import { projectRoot } from '../helpers';

const example = (name: string) => JSON.parse(fs.readFileSync(path.join(projectRoot(), 'examples', 'whatsapp-onprem', name), 'utf8')) as unknown;
const errors = (payload: unknown) =>
  validateText(JSON.stringify(payload, null, 2), { providerId: 'whatsapp' })
    .problems.filter((p) => p.severity === 'error')
    .map((p) => `${p.code} ${p.pointer}`);
const W = { messaging_product: 'whatsapp', recipient_type: 'individual', to: '447700900000' };

/** Every On-Premises example and the Cloud API payload it must become, field by field. */
const GOLDEN: Record<string, { payload: unknown; notes: string[] }> = {
  'text.whatsapp-onprem.json': { payload: { ...W, type: 'text', text: { body: 'Hello, dear customer!' } }, notes: [] },
  'media.whatsapp-onprem.json': { payload: { ...W, type: 'image', image: { link: 'https://example.com/images/receipt.png', caption: 'Your receipt' } }, notes: [] },
  'location.whatsapp-onprem.json': { payload: { ...W, type: 'location', location: { latitude: 51.5074, longitude: -0.1278, name: 'Example Store', address: '1 Example Street, London' } }, notes: [] },
  'contacts.whatsapp-onprem.json': {
    payload: { ...W, type: 'contacts', contacts: [{ name: { formatted_name: 'Alex Example', first_name: 'Alex' }, phones: [{ phone: '+44 7700 900001', type: 'CELL', wa_id: '447700900001' }] }] },
    notes: [],
  },
  'interactive-buttons.whatsapp-onprem.json': {
    payload: {
      ...W,
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'Your parcel arrives tomorrow morning. Does that suit you?' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'slot-ok', title: 'Yes' } },
            { type: 'reply', reply: { id: 'slot-change', title: 'Change slot' } },
          ],
        },
      },
    },
    notes: [],
  },
  'template.whatsapp-onprem.json': {
    payload: {
      ...W,
      type: 'template',
      template: {
        name: 'order_update',
        language: { code: 'en' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Alex' },
              { type: 'text', text: '1234' },
            ],
          },
        ],
      },
    },
    notes: ['/template/namespace'],
  },
  'hsm.whatsapp-onprem.json': {
    payload: {
      ...W,
      type: 'template',
      template: {
        name: 'order_update',
        language: { code: 'en' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Alex' },
              { type: 'text', text: '1234' },
            ],
          },
        ],
      },
    },
    notes: ['/hsm/namespace', '/type'],
  },
  'mark-read.whatsapp-onprem.json': { payload: { messaging_product: 'whatsapp', status: 'read', message_id: '{{MESSAGE_ID}}' }, notes: [''] },
};

describe('convert: On-Premises -> Cloud API', () => {
  it('has a golden conversion for every On-Premises example', () => {
    assert.deepEqual(Object.keys(GOLDEN).sort(), fs.readdirSync(path.join(projectRoot(), 'examples', 'whatsapp-onprem')).sort());
  });
  for (const [name, want] of Object.entries(GOLDEN)) {
    it(`${name}: the Cloud payload it means, valid, with its notes`, () => {
      const { payload, notes } = onpremToCloud(example(name));
      assert.deepEqual(payload, want.payload);
      assert.deepEqual(
        notes.map((n) => n.pointer),
        want.notes,
      );
      assert.deepEqual(errors(payload), []);
    });
  }

  it('hsm -> template: element_name, language without policy, localizable_params as body parameters', () => {
    const { payload, notes } = onpremToCloud({
      to: '{{TO}}',
      type: 'hsm',
      hsm: {
        namespace: 'ns',
        element_name: 'shipping',
        language: { policy: 'deterministic', code: 'en_US' },
        localizable_params: [
          { default: '{{NAME}}' },
          { default: '$100.99', currency: { currency_code: 'USD', amount_1000: 100990 } },
          { default: 'Feb 25', date_time: { component: { month: 2, day_of_month: 25 } } },
        ],
      },
    });
    assert.deepEqual(payload, {
      messaging_product: 'whatsapp',
      to: '{{TO}}',
      type: 'template',
      template: {
        name: 'shipping',
        language: { code: 'en_US' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: '{{NAME}}' },
              { type: 'currency', currency: { fallback_value: '$100.99', code: 'USD', amount_1000: 100990 } },
              { type: 'date_time', date_time: { fallback_value: 'Feb 25' } },
            ],
          },
        ],
      },
    });
    assert.deepEqual(notes.map((n) => n.pointer).sort(), ['/hsm/localizable_params/2/date_time', '/hsm/namespace', '/type']);
    assert.deepEqual(errors(payload), []);
  });

  it('preview_url moves into text; a fallback language policy is named as not carried over', () => {
    assert.deepEqual(onpremToCloud({ to: '1', type: 'text', preview_url: true, text: { body: 'https://example.com' } }).payload, {
      messaging_product: 'whatsapp',
      to: '1',
      type: 'text',
      text: { body: 'https://example.com', preview_url: true },
    });
    const { notes } = onpremToCloud({ to: '1', type: 'template', template: { namespace: 'n', name: 't', language: { policy: 'fallback', code: 'en' } } });
    assert.deepEqual(
      notes.map((n) => n.pointer),
      ['/template/namespace', '/template/language/policy'],
    );
  });

  it('an On-Premises media id is kept but named: the Cloud API has its own media store', () => {
    const { payload, notes } = onpremToCloud({
      to: '1',
      type: 'template',
      template: { namespace: 'n', name: 't', language: { policy: 'deterministic', code: 'en' }, components: [{ type: 'header', parameters: [{ type: 'image', image: { id: '{{MEDIA_ID}}' } }] }] },
    });
    assert.deepEqual((payload.template as { components: unknown }).components, [{ type: 'header', parameters: [{ type: 'image', image: { id: '{{MEDIA_ID}}' } }] }]);
    assert.ok(notes.some((n) => n.pointer === '/template/components/0/parameters/0/image/id' && /upload the file again/.test(n.message)));
  });

  it('keeps {{NAME}} placeholders as they are', () => {
    const { payload } = onpremToCloud({ to: '{{TO_NUMBER}}', type: 'text', text: { body: 'Hi {{FIRST_NAME}}' } });
    assert.deepEqual(payload, { messaging_product: 'whatsapp', to: '{{TO_NUMBER}}', type: 'text', text: { body: 'Hi {{FIRST_NAME}}' } });
  });

  it('never throws on what is not an object', () => {
    for (const v of [null, 3, 'x', [], undefined]) assert.equal(typeof onpremToCloud(v).notes[0].message, 'string');
  });

  it('convertText: by suffix or shape, refuses the wrong target and files of other providers', () => {
    const text = JSON.stringify(example('text.whatsapp-onprem.json'));
    const ok = convertText(text, { fileName: 'a.whatsapp-onprem.json' });
    assert.ok(ok.ok && ok.result.to === 'whatsapp' && ok.result.problems.length === 0 && ok.result.text.endsWith('}\n'));
    const wrong = convertText(text, { fileName: 'a.whatsapp-onprem.json', target: 'vonage' });
    assert.ok(!wrong.ok && wrong.usage);
    const cloud = convertText(JSON.stringify({ messaging_product: 'whatsapp', to: '1', text: { body: 'x' } }), { fileName: 'a.whatsapp.json' });
    assert.ok(!cloud.ok && !cloud.usage && /whatsapp-onprem -> whatsapp/.test(cloud.reason));
  });
});
