import * as assert from 'node:assert/strict';
import { validateText } from '../../../../src/pipeline/validate';
import { applyEdits } from '../../../../src/core/edits';
import { detectProvider } from '../../../../src/providers/registry';
import { provider } from '../../../../src/providers/vonage';

const FILE = 'msg.vonage.json';

function check(payload: unknown) {
  const text = JSON.stringify(payload, null, 2);
  const result = validateText(text, { fileName: FILE });
  const errors = result.problems.filter((p) => p.severity === 'error');
  return { text, result, errors, found: errors.map((p) => `${p.code} ${p.pointer}`) };
}

const sms = { message_type: 'text', channel: 'sms', to: '447700900000', from: 'Acme', text: 'Hello' };
const wa = { message_type: 'text', channel: 'whatsapp', to: '447700900000', from: '447700900001', text: 'Hello' };
const messenger = { message_type: 'text', channel: 'messenger', to: '1234567890', from: '0987654321', text: 'Hello' };
const viber = { message_type: 'text', channel: 'viber_service', to: '447700900000', from: '16273', text: 'Hello' };
const mms = { message_type: 'image', channel: 'mms', to: '14155550100', from: '14155550101', image: { url: 'https://example.com/a.jpg' } };

describe('vonage (Messages API v1)', () => {
  describe('accepts valid payloads', () => {
    for (const [name, payload] of Object.entries({ sms, wa, messenger, viber, mms })) {
      it(name, () => assert.deepEqual(check(payload).found, []));
    }
    it('a {{NAME}} placeholder in a phone or URL field', () => {
      assert.deepEqual(check({ ...wa, to: '{{CUSTOMER}}', from: '{{WA_NUMBER}}' }).found, []);
      assert.deepEqual(check({ ...mms, image: { url: '{{IMAGE_URL}}' } }).found, []);
    });
    it('custom objects as given, camelCase keys included', () => {
      assert.deepEqual(check({ ...wa, message_type: 'custom', text: undefined, custom: { type: 'location', location: { latitude: 51.5, longitude: -0.1 }, anyCamelKey: { nestedKey: 1 } } }).found, []);
    });
    it('a sticker by url or by id, not both', () => {
      const sticker = { ...wa, message_type: 'sticker', text: undefined };
      assert.deepEqual(check({ ...sticker, sticker: { url: 'https://example.com/s.webp' } }).found, []);
      assert.deepEqual(check({ ...sticker, sticker: { id: 'abc' } }).found, []);
      assert.deepEqual(check({ ...sticker, sticker: { id: 'abc', url: 'https://example.com/s.webp' } }).found, ['schema /sticker/id']);
      assert.deepEqual(check({ ...sticker, sticker: { url: 'short' } }).found, ['schema /sticker/url']);
    });
    it('an SMS short code or alphanumeric sender id', () => {
      assert.deepEqual(check({ ...sms, from: '12345' }).found, []);
      assert.deepEqual(check({ ...sms, from: 'Acme Store' }).found, []);
      assert.deepEqual(check({ ...sms, from: '447700900001' }).found, []);
    });
  });

  describe('reports broken rules at the right pointer', () => {
    it('text too long, per channel limit', () => {
      assert.deepEqual(check({ ...sms, text: 'a'.repeat(1001) }).found, ['schema /text']);
      assert.deepEqual(check({ ...sms, text: 'a'.repeat(1000) }).found, []);
      assert.deepEqual(check({ ...wa, text: 'a'.repeat(4097) }).found, ['schema /text']);
      assert.deepEqual(check({ ...wa, text: 'a'.repeat(4096) }).found, []);
      assert.deepEqual(check({ ...messenger, text: 'a'.repeat(641) }).found, ['schema /text']);
      assert.deepEqual(check({ ...viber, text: 'a'.repeat(1001) }).found, ['schema /text']);
      const { errors } = check({ ...sms, text: 'a'.repeat(1001) });
      assert.match(errors[0].message, /1001 characters.*limit is 1000/);
    });

    it('a message_type the channel does not have', () => {
      const { found, errors } = check({ ...sms, message_type: 'image', text: undefined, image: { url: 'https://example.com/a.jpg' } });
      assert.deepEqual(found, ['schema /message_type']);
      assert.match(errors[0].message, /"text"/);
      assert.deepEqual(check({ ...messenger, message_type: 'template' }).found, ['schema /message_type']);
    });

    it('an unknown channel', () => {
      const { found, errors } = check({ ...sms, channel: 'telegram' });
      assert.deepEqual(found, ['schema /channel']);
      assert.match(errors[0].message, /"whatsapp"/);
    });

    it('a media message without its url', () => {
      const { found, errors, text, result } = check({ ...wa, message_type: 'image', text: undefined, image: { caption: 'Look' } });
      assert.deepEqual(found, ['schema /image']);
      assert.match(errors[0].message, /`image\.url` is required/);
      // Underlines the image property that lacks it, not the whole file.
      const imageStart = text.indexOf('"image"');
      const imageEnd = text.indexOf('}', imageStart) + 1;
      assert.ok(errors[0].start >= imageStart && errors[0].end <= imageEnd, text.slice(errors[0].start, errors[0].end));
      assert.equal(result.provider?.id, 'vonage');
    });

    it('a messenger message_tag without its tag', () => {
      assert.deepEqual(check({ ...messenger, messenger: { category: 'message_tag' } }).found, ['schema /messenger']);
      assert.deepEqual(check({ ...messenger, messenger: { category: 'message_tag', tag: 'ACCOUNT_UPDATE' } }).found, []);
      assert.deepEqual(check({ ...messenger, messenger: { category: 'response' } }).found, []);
    });

    it('a recipient number with "+" or "00", with a quick fix to bare digits', () => {
      for (const bad of ['+447700900000', '00447700900000', '+44 7700 900000']) {
        const { found, errors, text } = check({ ...wa, to: bad });
        assert.deepEqual(found, ['phone-format /to'], bad);
        const fixed = applyEdits(text, errors[0].fixes![0].edits);
        assert.equal(JSON.parse(fixed).to, '447700900000');
        assert.deepEqual(
          validateText(fixed, { fileName: FILE }).problems.filter((p) => p.severity === 'error'),
          [],
        );
      }
    });

    it('client_ref over 100 characters', () => {
      assert.deepEqual(check({ ...sms, client_ref: 'r'.repeat(101) }).found, ['schema /client_ref']);
      assert.deepEqual(check({ ...sms, client_ref: 'r'.repeat(100) }).found, []);
    });

    it('webhook_version other than v0.1 or v1', () => {
      assert.deepEqual(check({ ...sms, webhook_version: 'v2' }).found, ['schema /webhook_version']);
    });

    it('an unknown (misspelt) property, on its key', () => {
      const { found, errors, text } = check({ ...sms, clientref: 'x' });
      assert.deepEqual(found, ['schema /clientref']);
      assert.equal(text.slice(errors[0].start, errors[0].end), '"clientref"');
    });

    it('SMS sender: too long an alphanumeric id, odd characters, or a number with "+"', () => {
      assert.deepEqual(check({ ...sms, from: 'AcmeCorporation' }).found, ['sms-sender-id /from']);
      const odd = check({ ...sms, from: 'Acme!' });
      assert.deepEqual(odd.found, []);
      assert.deepEqual(
        odd.result.problems.map((p) => `${p.severity} ${p.code} ${p.pointer}`),
        ['warning sms-sender-id /from'],
      );
      const plus = check({ ...sms, from: '+447700900001' });
      assert.deepEqual(plus.found, ['phone-format /from']);
      assert.equal(JSON.parse(applyEdits(plus.text, plus.errors[0].fixes![0].edits)).from, '447700900001');
    });

    it('WhatsApp and MMS senders must be numbers', () => {
      assert.deepEqual(check({ ...wa, from: 'Acme' }).found, ['phone-format /from']);
      assert.deepEqual(check({ ...mms, from: '+14155550101' }).found, ['phone-format /from']);
      // Viber and Messenger senders are ids, not numbers.
      assert.deepEqual(check({ ...viber, from: 'AcmeViber' }).found, []);
    });

    it('SMS encoding_type outside text|unicode|auto', () => {
      assert.deepEqual(check({ ...sms, sms: { encoding_type: 'gsm' } }).found, ['schema /sms/encoding_type']);
    });

    it('MMS and Viber ttl ranges', () => {
      assert.deepEqual(check({ ...mms, ttl: 299 }).found, ['schema /ttl']);
      assert.deepEqual(check({ ...mms, ttl: 259201 }).found, ['schema /ttl']);
      assert.deepEqual(check({ ...mms, ttl: 300 }).found, []);
      assert.deepEqual(check({ ...viber, viber_service: { ttl: 29 } }).found, ['schema /viber_service/ttl']);
    });

    it('a Viber action label over 30 characters, a missing action url', () => {
      assert.deepEqual(check({ ...viber, viber_service: { action: { url: 'https://example.com', text: 'x'.repeat(31) } } }).found, ['schema /viber_service/action/text']);
      assert.deepEqual(check({ ...viber, viber_service: { action: { text: 'Go' } } }).found, ['schema /viber_service/action']);
    });

    it('WhatsApp caption over 3000, MMS caption over 2000', () => {
      assert.deepEqual(check({ ...wa, message_type: 'image', text: undefined, image: { url: 'https://example.com/a.jpg', caption: 'c'.repeat(3001) } }).found, ['schema /image/caption']);
      assert.deepEqual(check({ ...mms, image: { url: 'https://example.com/a.jpg', caption: 'c'.repeat(2001) } }).found, ['schema /image/caption']);
    });

    it('a template policy other than deterministic, a missing template name', () => {
      const tpl = { ...wa, message_type: 'template', text: undefined, template: { name: 'order_update', parameters: ['1234'] }, whatsapp: { policy: 'deterministic', locale: 'en_GB' } };
      assert.deepEqual(check(tpl).found, []);
      assert.deepEqual(check({ ...tpl, whatsapp: { policy: 'fallback' } }).found, ['schema /whatsapp/policy']);
      assert.deepEqual(check({ ...tpl, template: { parameters: [] } }).found, ['schema /template']);
    });

    it('a reaction without the message it reacts to, or without an emoji', () => {
      const reaction = { ...wa, message_type: 'reaction', text: undefined, reaction: { action: 'react', emoji: '👍' } };
      assert.deepEqual(check(reaction).found, ['reaction-context /reaction']);
      assert.deepEqual(check({ ...reaction, context: { message_uuid: 'aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab' }, reaction: { action: 'react' } }).found, ['schema /reaction']);
    });

    it('shared rules see interactive content inside custom (duplicate button titles)', () => {
      const custom = {
        ...wa,
        message_type: 'custom',
        text: undefined,
        custom: {
          type: 'interactive',
          interactive: {
            type: 'button',
            body: { text: 'Pick' },
            action: {
              buttons: [
                { type: 'reply', reply: { id: 'a', title: 'Yes' } },
                { type: 'reply', reply: { id: 'b', title: 'Yes' } },
              ],
            },
          },
        },
      };
      assert.deepEqual(check(custom).found, ['duplicate-button-title /custom/interactive/action/buttons/1/reply/title']);
    });

    it('restricted WhatsApp destinations still apply', () => {
      assert.ok(check({ ...wa, to: '5351234567' }).result.problems.some((p) => p.pointer === '/to' && p.code !== 'phone-format'));
    });
  });

  describe('model', () => {
    it('maps a template with its parameters and their pointers', () => {
      const m = provider.toModel({ ...wa, message_type: 'template', template: { name: 'ns:verify', parameters: ['a', 'b'] }, whatsapp: { locale: 'en_GB' } })!;
      assert.equal(m.kind, 'template');
      assert.equal(m.freeForm, false);
      assert.deepEqual(m.template, {
        name: 'ns:verify',
        namespace: 'ns',
        language: 'en_GB',
        parameters: [
          { text: 'a', pointer: '/template/parameters/0' },
          { text: 'b', pointer: '/template/parameters/1' },
        ],
        pointer: '/template',
      });
    });

    it('maps channels, media and phone styles', () => {
      const m = provider.toModel(mms)!;
      assert.equal(m.channel, 'mms');
      assert.equal(m.kind, 'image');
      assert.equal(m.media?.url, 'https://example.com/a.jpg');
      assert.deepEqual(m.to, { text: '14155550100', pointer: '/to', style: 'digits' });
      assert.equal(provider.toModel(viber)!.channel, 'viber');
      assert.equal(provider.toModel(messenger)!.to, undefined, 'a Messenger id is not a phone number');
      assert.equal(provider.toModel({ ...sms, sms: { encoding_type: 'unicode' } })!.smsEncoding, 'unicode');
      assert.equal(provider.toModel({ ...wa, context: { message_uuid: 'u-1' } })!.replyTo, 'u-1');
    });

    it('maps a Meta template and list inside custom', () => {
      const t = provider.toModel({
        ...wa,
        message_type: 'custom',
        custom: {
          type: 'template',
          template: {
            name: 'order',
            language: { code: 'en' },
            components: [
              { type: 'body', parameters: [{ type: 'text', text: 'Ann' }] },
              { type: 'button', sub_type: 'url', index: 0, parameters: [{ type: 'text', text: 'abc' }] },
            ],
          },
        },
      })!;
      assert.equal(t.kind, 'template');
      assert.equal(t.freeForm, false);
      assert.deepEqual(t.template?.parameters, [{ text: 'Ann', pointer: '/custom/template/components/0/parameters/0/text' }]);
      assert.equal(t.template?.buttonParameters?.[0].value.text, 'abc');
      const l = provider.toModel({
        ...wa,
        message_type: 'custom',
        custom: { type: 'interactive', interactive: { type: 'list', body: { text: 'Choose' }, action: { button: 'Menu', sections: [{ title: 'A', rows: [{ id: 'r1', title: 'One' }] }] } } },
      })!;
      assert.equal(l.kind, 'list');
      assert.equal(l.list?.sections[0].rows[0].title.pointer, '/custom/interactive/action/sections/0/rows/0/title');
    });

    it('never throws on half-written input', () => {
      const junk: unknown[] = [
        null,
        1,
        'x',
        [],
        {},
        { channel: 5 },
        { channel: 'whatsapp', message_type: 'template', template: 'x' },
        { channel: 'whatsapp', message_type: 'custom', custom: { type: 'interactive', interactive: { action: { buttons: [null, 1, { reply: 3 }] } } } },
        { channel: 'mms', message_type: 'content', content: 'x' },
        { channel: 'whatsapp', message_type: 'custom', custom: { type: 'template', template: { name: 'x', components: [null, { type: 'body', parameters: [null, {}] }] } } },
      ];
      for (const v of junk) assert.doesNotThrow(() => provider.toModel(v), JSON.stringify(v));
      for (const v of junk) assert.doesNotThrow(() => validateText(JSON.stringify(v), { fileName: FILE }));
    });
  });

  describe('detect', () => {
    it('recognises v1 payloads without a suffix, and not the others', () => {
      assert.equal(detectProvider(sms)?.id, 'vonage');
      assert.equal(detectProvider({ message_type: 'text', to: '447700900000', text: 'x' })?.id, 'vonage');
      assert.equal(provider.detect({ phone: '+447700900000', message: 'hi' }), 0);
      assert.equal(provider.detect({ messaging_product: 'whatsapp', to: '447700900000', type: 'text', text: { body: 'x' } }), 0);
      assert.ok(provider.detect({ from: { type: 'sms' }, to: { type: 'sms' }, message: { content: { type: 'text' } } }) < 0.5);
    });
  });
});
