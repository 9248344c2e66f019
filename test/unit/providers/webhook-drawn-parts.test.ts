/** What a customer's message shows on the phone, read from each provider's webhook: media, location, reaction. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { webhookById } from '../../../src/webhooks/registry';
import { projectRoot } from '../helpers';

const example = (provider: string, name: string) => JSON.parse(fs.readFileSync(path.join(projectRoot(), 'examples', 'webhooks', provider, name), 'utf8'));

describe('providers: the parts of a customer message a conversation draws', () => {
  it('WhatsApp Cloud: an image (caption, type, no download), a location with its coordinates', () => {
    const [image] = webhookById('whatsapp')!.events(example('whatsapp', 'inbound-image.whatsapp-webhook.json'));
    assert.deepEqual(image.media, { kind: 'image', caption: 'The scratch on the lid', mime: 'image/jpeg' });
    const [place] = webhookById('whatsapp')!.events(example('whatsapp', 'inbound-location.whatsapp-webhook.json'));
    assert.deepEqual(place.location, { latitude: 51.5033, longitude: -0.1196, name: 'Delivery entrance', address: 'Westminster Bridge Rd, London SE1 7PB' });
  });

  it('WhatsApp Cloud: a reaction names its emoji and the message it is on; a removed one is empty', () => {
    const body = (emoji?: string) => ({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '1',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '1', phone_number_id: '1' },
                messages: [{ from: '447700900123', id: 'wamid.r', timestamp: '1749416400', type: 'reaction', reaction: { message_id: 'wamid.mine', ...(emoji !== undefined ? { emoji } : {}) } }],
              },
            },
          ],
        },
      ],
    });
    const [r] = webhookById('whatsapp')!.events(body('\u2764\uFE0F'));
    assert.deepEqual([r.reaction, r.context], [{ emoji: '\u2764\uFE0F' }, 'wamid.mine']);
    assert.deepEqual(webhookById('whatsapp')!.events(body())[0].reaction, { emoji: '' });
  });

  it('On-Premises reads messages as Cloud does', () => {
    const msg = { messages: [{ from: '447700900123', id: 'ABGGFlA5', timestamp: '1749416400', type: 'document', document: { id: 'x', mime_type: 'application/pdf', filename: 'invoice.pdf' } }] };
    assert.deepEqual(webhookById('whatsapp-onprem')!.events(msg)[0].media, { kind: 'file', filename: 'invoice.pdf', mime: 'application/pdf' });
  });

  it('Vonage v1: an image, a location, a reaction and its removal', () => {
    const [image] = webhookById('vonage')!.events(example('vonage', 'inbound-image.vonage-webhook.json'));
    assert.deepEqual(image.media, { kind: 'image', caption: 'The scratch on the lid' });
    const base = { channel: 'whatsapp', message_uuid: 'aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab', to: '447700900000', from: '447700900001', timestamp: '2025-02-03T12:14:25Z' };
    assert.deepEqual(webhookById('vonage')!.events({ ...base, message_type: 'location', location: { lat: 51.5, long: -0.12, name: 'Office' } })[0].location, {
      latitude: 51.5,
      longitude: -0.12,
      name: 'Office',
    });
    const react = webhookById('vonage')!.events({ ...base, message_type: 'reaction', reaction: { action: 'react', emoji: '\u{1F44D}' }, context: { message_uuid: 'mine' } })[0];
    assert.deepEqual([react.reaction, react.context], [{ emoji: '\u{1F44D}' }, 'mine']);
    assert.deepEqual(webhookById('vonage')!.events({ ...base, message_type: 'reaction', reaction: { action: 'unreact' } })[0].reaction, { emoji: '' });
  });
});
