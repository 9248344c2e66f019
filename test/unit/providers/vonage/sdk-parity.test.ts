/**
 * Every body the official Node SDK (@vonage/messages) sends for a v1 message type must validate.
 * The SDK sends each message to a local HTTP server, so the body is the one its own
 * serialization (snake_case keys, `custom` passed through, JSON.stringify) puts on the wire.
 */
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { validateText } from '../../../../src/pipeline/validate';

const M = require('@vonage/messages');

const base = { to: '447700900000', from: '447700900001', clientRef: 'order-1234', webhookUrl: 'https://example.com/status', webhookVersion: 'v1' };
const viberService = { category: 'transaction', ttl: 600, type: 'string', action: { url: 'https://example.com/offer', text: 'See offer' } };

/** One instance per SDK message class (and per variant the class allows), with every field the class sends. */
function sdkMessages(): Record<string, unknown> {
  return {
    SMS: new M.SMS({ ...base, from: 'Acme', text: 'Your code is 1234', ttl: 900, sms: { encodingType: 'text', contentId: 'c-1', entityId: 'e-1' }, trustedRecipient: true }),
    'SMS (legacy positional constructor)': new M.SMS('Hello', '447700900000', '447700900001', 'ref'),
    MMSText: new M.MMSText({ ...base, text: 'Hello by MMS', ttl: 600 }),
    MMSImage: new M.MMSImage({ ...base, image: { url: 'https://example.com/a.jpg', caption: 'A picture' }, ttl: 600 }),
    MMSVcard: new M.MMSVcard({ ...base, vcard: { url: 'https://example.com/a.vcf', caption: 'Our card' } }),
    MMSAudio: new M.MMSAudio({ ...base, audio: { url: 'https://example.com/a.mp3', caption: 'Listen' } }),
    MMSVideo: new M.MMSVideo({ ...base, video: { url: 'https://example.com/a.mp4', caption: 'Watch' } }),
    MMSFile: new M.MMSFile({ ...base, file: { url: 'https://example.com/a.pdf', caption: 'Read' } }),
    MMSContent: new M.MMSContent({
      ...base,
      content: [
        { type: 'image', url: 'https://example.com/a.jpg', caption: 'One' },
        { type: 'file', url: 'https://example.com/a.pdf' },
      ],
    }),
    WhatsAppText: new M.WhatsAppText({ ...base, text: 'Hello *there*', context: { messageUUID: 'aaaaaaaa-bbbb-cccc-dddd-0123456789ab' } }),
    WhatsAppImage: new M.WhatsAppImage({ ...base, image: { url: 'https://example.com/a.jpg', caption: 'A picture' } }),
    WhatsAppAudio: new M.WhatsAppAudio({ ...base, audio: { url: 'https://example.com/a.mp3' } }),
    WhatsAppVideo: new M.WhatsAppVideo({ ...base, video: { url: 'https://example.com/a.mp4', caption: 'Watch' } }),
    WhatsAppFile: new M.WhatsAppFile({ ...base, file: { url: 'https://example.com/a.pdf', caption: 'Invoice', name: 'invoice.pdf' } }),
    'WhatsAppSticker (url)': new M.WhatsAppSticker({ ...base, sticker: { url: 'https://example.com/a.webp' } }),
    'WhatsAppSticker (id)': new M.WhatsAppSticker({ ...base, sticker: { id: '0-0-0-0' } }),
    WhatsAppTemplate: new M.WhatsAppTemplate({
      ...base,
      template: { name: 'whatsapp:hsm:technology:nexmo:verify', parameters: ['Acme', '64873', '10'] },
      whatsapp: { policy: 'deterministic', locale: M.WhatsAppLanguageCode.ENGLISH_UK },
    }),
    'WhatsAppCustom (interactive buttons)': new M.WhatsAppCustom({
      ...base,
      custom: {
        type: 'interactive',
        interactive: {
          type: 'button',
          body: { text: 'Pick one' },
          action: {
            buttons: [
              { type: 'reply', reply: { id: 'yes', title: 'Yes' } },
              { type: 'reply', reply: { id: 'no', title: 'No' } },
            ],
          },
        },
      },
    }),
    'WhatsAppCustom (camelCase kept)': new M.WhatsAppCustom({
      ...base,
      custom: { type: 'template', template: { name: 'order_update', language: { code: 'en_GB', policy: 'deterministic' }, components: [] }, someCamelKey: true },
    }),
    WhatsAppReaction: new M.WhatsAppReaction({ ...base, reaction: { action: 'react', emoji: '👍' }, context: { messageUUID: 'aaaaaaaa-bbbb-cccc-dddd-0123456789ab' } }),
    'WhatsAppReaction (unreact)': new M.WhatsAppReaction({ ...base, reaction: { action: 'unreact' }, context: { messageUUID: 'aaaaaaaa-bbbb-cccc-dddd-0123456789ab' } }),
    ViberText: new M.ViberText({ ...base, from: 'AcmeViber', text: 'Hello on Viber', viberService }),
    ViberImage: new M.ViberImage({ ...base, from: 'AcmeViber', image: { url: 'https://example.com/a.jpg', caption: 'A picture' }, viberService }),
    ViberVideo: new M.ViberVideo({
      ...base,
      from: 'AcmeViber',
      video: { url: 'https://example.com/a.mp4', caption: 'Watch', thumbUrl: 'https://example.com/thumb.jpg' },
      viberService: { ...viberService, duration: '42', fileSize: '5' },
    }),
    ViberFile: new M.ViberFile({ ...base, from: 'AcmeViber', file: { url: 'https://example.com/a.pdf', name: 'a.pdf' }, viberService }),
    MessengerText: new M.MessengerText({
      ...base,
      to: '1234567890',
      from: '0987654321',
      text: 'Hello on Messenger',
      messenger: { category: M.MessengerCategory.MESSAGE_TAG, tag: M.MessengerTags.ACCOUNT_UPDATE },
    }),
    MessengerImage: new M.MessengerImage({ ...base, to: '1234567890', from: '0987654321', image: { url: 'https://example.com/a.jpg' }, messenger: { category: 'response' } }),
    MessengerAudio: new M.MessengerAudio({ ...base, to: '1234567890', from: '0987654321', audio: { url: 'https://example.com/a.mp3' }, messenger: { category: 'update' } }),
    MessengerVideo: new M.MessengerVideo({ ...base, to: '1234567890', from: '0987654321', video: { url: 'https://example.com/a.mp4' }, messenger: { category: 'response' } }),
    MessengerFile: new M.MessengerFile({ ...base, to: '1234567890', from: '0987654321', file: { url: 'https://example.com/a.pdf' }, messenger: { category: 'response' } }),
    RCSText: new M.RCSText({
      ...base,
      from: 'AcmeRCS',
      text: 'Hello on RCS',
      ttl: 600,
      rcs: { category: 'transaction' },
      suggestions: [
        new M.RCSReplySuggestion({ text: 'Yes', postbackData: 'yes' }),
        new M.RCSOpenURLSuggestion({ text: 'Open', postbackData: 'open', url: 'https://example.com', description: 'Our site' }),
        new M.RCSDialActionSuggestion({ text: 'Call', postbackData: 'call', phoneNumber: '+447700900000' }),
      ],
    }),
    RCSImage: new M.RCSImage({ ...base, from: 'AcmeRCS', image: { url: 'https://example.com/a.jpg' } }),
    RCSVideo: new M.RCSVideo({ ...base, from: 'AcmeRCS', video: { url: 'https://example.com/a.mp4' } }),
    RCSFile: new M.RCSFile({ ...base, from: 'AcmeRCS', file: { url: 'https://example.com/a.pdf' } }),
    RCSCustom: new M.RCSCustom({ ...base, from: 'AcmeRCS', custom: { contentMessage: { text: 'Hi' } } }),
  };
}

describe('vonage provider accepts what the official SDK sends', () => {
  const bodies: string[] = [];
  let server: http.Server;
  let client: { send(m: unknown): Promise<unknown> };

  before(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (d: string) => (body += d));
      req.on('end', () => {
        bodies.push(body);
        res.writeHead(202, { 'content-type': 'application/json' });
        res.end('{"message_uuid":"aaaaaaaa-bbbb-cccc-dddd-0123456789ab"}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    // Basic auth with dummy values: the local server never checks it and nothing leaves the machine.
    client = new M.Messages({ apiKey: 'test-key', apiSecret: 'test-secret' }, { apiHost: `http://127.0.0.1:${port}` });
  });
  after(() => server.close());

  async function bodyFor(message: unknown): Promise<string> {
    const before = bodies.length;
    await client.send(message);
    assert.equal(bodies.length, before + 1, 'the SDK sent one request');
    return bodies[bodies.length - 1];
  }

  for (const [name, message] of Object.entries(sdkMessages())) {
    it(`${name}`, async () => {
      const body = await bodyFor(message);
      const result = validateText(body, { fileName: 'x.vonage.json' });
      assert.equal(result.provider?.id, 'vonage');
      const errors = result.problems.filter((p) => p.severity === 'error');
      assert.deepEqual(
        errors.map((p) => `${p.pointer}: ${p.message}`),
        [],
        `SDK body: ${body}`,
      );
    });
  }

  it('covers every message class the SDK exports', () => {
    const exported = Object.keys(M).filter((k) => /^(SMS|MMS|WhatsApp|Viber|Messenger|RCS)/.test(k) && typeof M[k] === 'function' && !/Suggestion$|Category|Tags|LanguageCode/.test(k));
    const covered = new Set(Object.keys(sdkMessages()).map((n) => n.split(' ')[0]));
    assert.deepEqual(
      exported.filter((k) => !covered.has(k)),
      [],
    );
  });

  it('finds problems in an SDK body that breaks a documented limit (the check is live)', async () => {
    const body = await bodyFor(new M.MessengerText({ ...base, to: '1', from: '2', text: 'x'.repeat(641), messenger: { category: 'response' } }));
    const errors = validateText(body, { fileName: 'x.vonage.json' }).problems.filter((p) => p.severity === 'error');
    assert.deepEqual(
      errors.map((p) => p.pointer),
      ['/text'],
    );
  });
});
