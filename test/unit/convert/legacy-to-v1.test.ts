import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { legacyToV1 } from '../../../src/convert';
import { validateText } from '../../../src/pipeline/validate';
import { projectRoot } from '../helpers';

const example = (name: string) => JSON.parse(fs.readFileSync(path.join(projectRoot(), 'examples', 'vonage-legacy', name), 'utf8')) as unknown;
const errors = (payload: unknown) =>
  validateText(JSON.stringify(payload, null, 2), { providerId: 'vonage' })
    .problems.filter((p) => p.severity === 'error')
    .map((p) => `${p.code} ${p.pointer}`);
const WA = { channel: 'whatsapp', to: '447700900000', from: '447700900001' };
const verify = { name: 'whatsapp:hsm:technology:nexmo:verify' };

/** Every beta/v0.1 example and the v1 payload it must become, field by field. */
const GOLDEN: Record<string, { payload: unknown; notes: string[] }> = {
  'text.vonage-legacy.json': { payload: { message_type: 'text', ...WA, text: 'Hi! Your order #1234 has shipped.' }, notes: [] },
  'image.vonage-legacy.json': { payload: { message_type: 'image', ...WA, image: { url: 'https://example.com/images/order-1234.jpg', caption: 'Your order, packed and ready.' } }, notes: [] },
  'sms-text.vonage-legacy.json': { payload: { message_type: 'text', channel: 'sms', to: '447700900000', from: 'Acme', text: 'Your Acme code is 64873.', client_ref: 'otp-64873' }, notes: [] },
  'viber-text.vonage-legacy.json': {
    payload: {
      message_type: 'text',
      channel: 'viber_service',
      to: '447700900000',
      from: '16273',
      text: 'Your table for two is booked for Friday at 19:30.',
      viber_service: { category: 'transaction', ttl: 600 },
    },
    notes: [],
  },
  'template-default-params.vonage-legacy.json': {
    payload: { message_type: 'template', ...WA, template: { ...verify, parameters: ['Nexmo Verification', '64873', '10'] }, whatsapp: { policy: 'deterministic', locale: 'en-GB' } },
    notes: ['/message/content/template/parameters'],
  },
  'template-string-params.vonage-legacy.json': {
    payload: { message_type: 'template', ...WA, template: { ...verify, parameters: ['Acme', '64873', '10'] }, whatsapp: { policy: 'deterministic', locale: 'en_GB' } },
    notes: [],
  },
};

describe('convert: Vonage beta/v0.1 -> v1', () => {
  it('has a golden conversion for every legacy example', () => {
    assert.deepEqual(Object.keys(GOLDEN).sort(), fs.readdirSync(path.join(projectRoot(), 'examples', 'vonage-legacy')).sort());
  });
  for (const [name, want] of Object.entries(GOLDEN)) {
    it(`${name}: the v1 payload it means, valid, with its notes`, () => {
      const { payload, notes } = legacyToV1(example(name));
      assert.deepEqual(payload, want.payload);
      assert.deepEqual(
        notes.map((n) => n.pointer),
        want.notes,
      );
      assert.deepEqual(errors(payload), []);
    });
  }

  it('Messenger: ids for addresses, settings to the top level, a caption v1 cannot carry is named', () => {
    const { payload, notes } = legacyToV1({
      from: { type: 'messenger', id: '{{PAGE_ID}}' },
      to: { type: 'messenger', id: '{{PSID}}' },
      message: { content: { type: 'image', image: { url: 'https://example.com/a.png', caption: 'A' } }, messenger: { category: 'message_tag', tag: 'ACCOUNT_UPDATE' } },
    });
    assert.deepEqual(payload, {
      message_type: 'image',
      channel: 'messenger',
      to: '{{PSID}}',
      from: '{{PAGE_ID}}',
      image: { url: 'https://example.com/a.png' },
      messenger: { category: 'message_tag', tag: 'ACCOUNT_UPDATE' },
    });
    assert.deepEqual(
      notes.map((n) => n.pointer),
      ['/message/content/image/caption'],
    );
    assert.deepEqual(errors(payload), []);
  });

  it('WhatsApp custom passes through; a fallback policy is dropped and named', () => {
    const custom = { type: 'interactive', interactive: { type: 'button', body: { text: 'OK?' }, action: { buttons: [{ type: 'reply', reply: { id: 'y', title: 'Yes' } }] } } };
    const { payload, notes } = legacyToV1({
      from: { type: 'whatsapp', number: '447700900001' },
      to: { type: 'whatsapp', number: '{{TO}}' },
      message: { content: { type: 'custom', custom }, whatsapp: { policy: 'fallback', locale: 'en_GB' } },
    });
    assert.deepEqual(payload, { message_type: 'custom', channel: 'whatsapp', to: '{{TO}}', from: '447700900001', custom, whatsapp: { locale: 'en_GB' } });
    assert.deepEqual(
      notes.map((n) => n.pointer),
      ['/message/whatsapp/policy'],
    );
  });

  it('never throws on what is not an object', () => {
    for (const v of [null, 3, 'x', [], undefined]) assert.equal(typeof legacyToV1(v).notes[0].message, 'string');
  });
});
