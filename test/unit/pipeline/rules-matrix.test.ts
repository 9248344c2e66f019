/**
 * The documented rules (../shared/reference/PROVIDERS.md and the seeds), one payload per rule that
 * breaks only that rule, each expected to give exactly one problem with the right code, severity
 * and pointer, located on the offending text. Valid variations must give no error or warning.
 * Payloads start from a valid file in examples/ so each case differs from a good one by one fault.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { validateText } from '../../../src/pipeline/validate';
import { fromPointer } from '../../../src/core/pointer';
import type { Severity } from '../../../src/core/problem';
import { BREAKERS, brokenVariants } from './broken-variants';

declare const __PROJECT_ROOT__: string;
const ROOT = typeof __PROJECT_ROOT__ === 'string' ? __PROJECT_ROOT__ : process.cwd();

type Json = any;

interface Case {
  name: string;
  /** File name: its suffix picks the provider. */
  file: string;
  /** The payload (serialized with 2-space indentation) or raw file text. */
  payload: Json;
  code: string;
  pointer: string;
  severity?: Severity;
  /** Other codes this payload rightly gives too (a fault that breaks two rules at once). */
  also?: string[];
  /** Where the underline must start: the value (default), its property name, or the object lacking a field. */
  at?: 'value' | 'key' | 'object';
  /** What the message must say, beyond the general checks. */
  says?: RegExp;
  /** The exact underlined text, for payloads that are not valid JSON. */
  underline?: string;
}

function example(rel: string): Json {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', rel), 'utf8'));
}
/** A copy of an example with one change. */
function from(rel: string, change: (p: Json) => void): Json {
  const p = example(rel);
  change(p);
  return p;
}
const long = (n: number, c = 'x') => c.repeat(n);

// ---------- the cases ----------
const V = 'x.vonage.json';
const L = 'x.vonage-legacy.json';
const W = 'x.whatsapp.json';
const O = 'x.whatsapp-onprem.json';
const G = 'x.gateway.json';

const vonage: Case[] = [
  { name: 'SMS sender id with punctuation', file: V, payload: from('vonage/sms-text.vonage.json', (p) => (p.from = 'Acme&Co')), code: 'sms-sender-id', pointer: '/from', severity: 'warning' },
  {
    name: 'SMS encoding text with characters GSM-7 lacks',
    file: V,
    payload: from('vonage/sms-text.vonage.json', (p) => (p.text = 'Your code is 64873 中')),
    code: 'sms-not-gsm',
    pointer: '/text',
    severity: 'warning',
    underline: '中',
  },
  { name: 'MMS ttl over 259200', file: V, payload: from('vonage/mms-image.vonage.json', (p) => (p.ttl = 259201)), code: 'schema', pointer: '/ttl' },
  {
    name: 'WhatsApp template body over 1024 once filled',
    file: V,
    payload: from('vonage/whatsapp-template.vonage.json', (p) => (p.template.parameters = [long(400), long(400), long(400)])),
    code: 'template-body-length',
    pointer: '/template',
  },
  { name: 'SMS to with a leading +', file: V, payload: from('vonage/sms-text.vonage.json', (p) => (p.to = '+447700900000')), code: 'phone-format', pointer: '/to' },
  { name: 'SMS to with a leading 00', file: V, payload: from('vonage/sms-text.vonage.json', (p) => (p.to = '00447700900000')), code: 'phone-format', pointer: '/to' },
  { name: 'SMS to with spaces', file: V, payload: from('vonage/sms-text.vonage.json', (p) => (p.to = '44 7700 900000')), code: 'phone-format', pointer: '/to' },
  { name: 'SMS to too short', file: V, payload: from('vonage/sms-text.vonage.json', (p) => (p.to = '447700')), code: 'phone-format', pointer: '/to' },
  { name: 'SMS to too long (16 digits)', file: V, payload: from('vonage/sms-text.vonage.json', (p) => (p.to = '4477009000001234')), code: 'phone-format', pointer: '/to' },
  { name: 'SMS to not a number', file: V, payload: from('vonage/sms-text.vonage.json', (p) => (p.to = 'bob')), code: 'phone-format', pointer: '/to' },
  { name: 'SMS text over 1000', file: V, payload: from('vonage/sms-text.vonage.json', (p) => (p.text = long(1001))), code: 'schema', pointer: '/text' },
  { name: 'SMS text empty', file: V, payload: from('vonage/sms-text.vonage.json', (p) => (p.text = '')), code: 'schema', pointer: '/text' },
  { name: 'SMS text a number', file: V, payload: from('vonage/sms-text.vonage.json', (p) => (p.text = 42)), code: 'schema', pointer: '/text' },
  { name: 'SMS text missing', file: V, payload: from('vonage/sms-text.vonage.json', (p) => delete p.text), code: 'schema', pointer: '', at: 'object' },
  { name: 'to missing', file: V, payload: from('vonage/sms-text.vonage.json', (p) => delete p.to), code: 'schema', pointer: '', at: 'object' },
  { name: 'client_ref over 100', file: V, payload: from('vonage/sms-text.vonage.json', (p) => (p.client_ref = long(101))), code: 'schema', pointer: '/client_ref' },
  { name: 'webhook_version v2', file: V, payload: from('vonage/sms-text.vonage.json', (p) => (p.webhook_version = 'v2')), code: 'schema', pointer: '/webhook_version' },
  { name: 'sms.encoding_type binary', file: V, payload: from('vonage/sms-text.vonage.json', (p) => (p.sms.encoding_type = 'binary')), code: 'schema', pointer: '/sms/encoding_type' },
  {
    name: 'camelCase key (clientRef)',
    file: V,
    payload: from('vonage/sms-text.vonage.json', (p) => {
      p.clientRef = p.client_ref;
      delete p.client_ref;
    }),
    code: 'schema',
    pointer: '/clientRef',
    at: 'key',
  },
  {
    name: 'camelCase nested key (sms.encodingType)',
    file: V,
    payload: from('vonage/sms-text.vonage.json', (p) => (p.sms = { encodingType: 'text' })),
    code: 'schema',
    pointer: '/sms/encodingType',
    at: 'key',
  },
  { name: 'unknown channel', file: V, payload: from('vonage/sms-text.vonage.json', (p) => (p.channel = 'telegram')), code: 'schema', pointer: '/channel' },
  { name: 'message_type the channel lacks', file: V, payload: from('vonage/sms-text.vonage.json', (p) => (p.message_type = 'image')), code: 'schema', pointer: '/message_type' },
  {
    name: 'SMS sender id over 11',
    file: V,
    payload: from('vonage/sms-text.vonage.json', (p) => (p.from = 'AcmeCorporation')),
    code: 'sms-sender-id',
    pointer: '/from',
    says: /15 characters.*at most 11/,
  },
  { name: 'SMS ttl not whole', file: V, payload: from('vonage/sms-text.vonage.json', (p) => (p.ttl = 1.5)), code: 'schema', pointer: '/ttl', says: /whole number/ },
  { name: 'SMS ttl zero', file: V, payload: from('vonage/sms-text.vonage.json', (p) => (p.ttl = 0)), code: 'schema', pointer: '/ttl', says: /greater than 0/ },
  { name: 'a 5000-character recipient is quoted short', file: V, payload: from('vonage/sms-text.vonage.json', (p) => (p.to = long(5000))), code: 'phone-format', pointer: '/to', says: /^[^]{0,400}$/ },
  { name: 'SMS ttl negative', file: V, payload: from('vonage/sms-text.vonage.json', (p) => (p.ttl = -5)), code: 'schema', pointer: '/ttl' },
  { name: 'WhatsApp text over 4096', file: V, payload: from('vonage/whatsapp-text.vonage.json', (p) => (p.text = long(4097))), code: 'schema', pointer: '/text' },
  { name: 'WhatsApp from with +', file: V, payload: from('vonage/whatsapp-text.vonage.json', (p) => (p.from = '+447700900001')), code: 'phone-format', pointer: '/from' },
  { name: 'WhatsApp to Cuba', file: V, payload: from('vonage/whatsapp-text.vonage.json', (p) => (p.to = '5355512345')), code: 'restricted-destination', pointer: '/to' },
  { name: 'WhatsApp to Iran', file: V, payload: from('vonage/whatsapp-text.vonage.json', (p) => (p.to = '989121234567')), code: 'restricted-destination', pointer: '/to' },
  { name: 'WhatsApp to North Korea', file: V, payload: from('vonage/whatsapp-text.vonage.json', (p) => (p.to = '85021234567')), code: 'restricted-destination', pointer: '/to' },
  { name: 'WhatsApp to Syria', file: V, payload: from('vonage/whatsapp-text.vonage.json', (p) => (p.to = '963912345678')), code: 'restricted-destination', pointer: '/to' },
  { name: 'WhatsApp to Crimea', file: V, payload: from('vonage/whatsapp-text.vonage.json', (p) => (p.to = '380652123456')), code: 'restricted-destination', pointer: '/to' },
  { name: 'WhatsApp to Crimea (Russian mobile range)', file: V, payload: from('vonage/whatsapp-text.vonage.json', (p) => (p.to = '79781234567')), code: 'restricted-destination', pointer: '/to' },
  { name: 'WhatsApp from Syria', file: V, payload: from('vonage/whatsapp-text.vonage.json', (p) => (p.from = '963912345678')), code: 'restricted-destination', pointer: '/from' },
  { name: 'WhatsApp image caption over 3000', file: V, payload: from('vonage/whatsapp-image.vonage.json', (p) => (p.image.caption = long(3001))), code: 'schema', pointer: '/image/caption' },
  { name: 'WhatsApp image url under 10', file: V, payload: from('vonage/whatsapp-image.vonage.json', (p) => (p.image.url = 'http://a')), code: 'schema', pointer: '/image/url' },
  {
    name: 'WhatsApp video url over 2000',
    file: V,
    payload: from('vonage/whatsapp-video.vonage.json', (p) => (p.video.url = 'https://example.com/' + long(1990))),
    code: 'schema',
    pointer: '/video/url',
  },
  { name: 'WhatsApp image url missing', file: V, payload: from('vonage/whatsapp-image.vonage.json', (p) => delete p.image.url), code: 'schema', pointer: '/image', at: 'object' },
  { name: 'WhatsApp sticker with neither url nor id', file: V, payload: from('vonage/whatsapp-sticker.vonage.json', (p) => (p.sticker = {})), code: 'schema', pointer: '/sticker', at: 'object' },
  {
    name: 'WhatsApp template parameter a number',
    file: V,
    payload: from('vonage/whatsapp-template.vonage.json', (p) => (p.template.parameters[1] = 64873)),
    code: 'schema',
    pointer: '/template/parameters/1',
  },
  { name: 'WhatsApp template policy fallback', file: V, payload: from('vonage/whatsapp-template.vonage.json', (p) => (p.whatsapp.policy = 'fallback')), code: 'schema', pointer: '/whatsapp/policy' },
  { name: 'WhatsApp template name missing', file: V, payload: from('vonage/whatsapp-template.vonage.json', (p) => delete p.template.name), code: 'schema', pointer: '/template', at: 'object' },
  {
    name: 'WhatsApp template too few parameters',
    file: V,
    payload: from('vonage/whatsapp-template.vonage.json', (p) => p.template.parameters.pop()),
    code: 'template-parameters',
    pointer: '/template/parameters',
    says: /takes 3 .*gives 2\. Add 1\./,
  },
  {
    name: 'WhatsApp template too many parameters',
    file: V,
    payload: from('vonage/whatsapp-template.vonage.json', (p) => p.template.parameters.push('extra')),
    code: 'template-parameters',
    pointer: '/template/parameters/3',
  },
  {
    name: 'WhatsApp template parameter over 1024 (not also the filled body)',
    file: V,
    payload: from('vonage/whatsapp-template.vonage.json', (p) => (p.template.parameters[0] = long(1100))),
    code: 'schema',
    pointer: '/template/parameters/0',
  },
  {
    name: 'WhatsApp template name over 512',
    file: V,
    payload: from('vonage/whatsapp-template.vonage.json', (p) => (p.template.name = long(513))),
    code: 'template-name-length',
    pointer: '/template/name',
  },
  { name: 'WhatsApp reaction without context', file: V, payload: from('vonage/whatsapp-reaction.vonage.json', (p) => delete p.context), code: 'reaction-context', pointer: '/reaction', at: 'key' },
  { name: 'WhatsApp reaction action love', file: V, payload: from('vonage/whatsapp-reaction.vonage.json', (p) => (p.reaction.action = 'love')), code: 'schema', pointer: '/reaction/action' },
  { name: 'WhatsApp context without message_uuid', file: V, payload: from('vonage/whatsapp-text.vonage.json', (p) => (p.context = {})), code: 'schema', pointer: '/context', at: 'object' },
  {
    name: 'WhatsApp custom: 4 reply buttons',
    file: V,
    payload: from('vonage/whatsapp-custom.vonage.json', (p) => {
      const b = p.custom.interactive.action.buttons;
      while (b.length < 4) b.push({ type: 'reply', reply: { id: `id${b.length}`, title: `T${b.length}` } });
    }),
    code: 'custom-content',
    pointer: '/custom/interactive/action/buttons/3',
    says: /^At most 3 reply buttons: this 4th one is rejected by WhatsApp\. Remove it\.$/,
  },
  {
    name: 'WhatsApp custom: duplicate button titles',
    file: V,
    payload: from('vonage/whatsapp-custom.vonage.json', (p) => (p.custom.interactive.action.buttons[1].reply.title = p.custom.interactive.action.buttons[0].reply.title)),
    code: 'duplicate-button-title',
    pointer: '/custom/interactive/action/buttons/1/reply/title',
  },
  {
    name: 'WhatsApp custom: button title over 20',
    file: V,
    payload: from('vonage/whatsapp-custom.vonage.json', (p) => (p.custom.interactive.action.buttons[0].reply.title = long(21))),
    code: 'custom-content',
    pointer: '/custom/interactive/action/buttons/0/reply/title',
  },
  { name: 'MMS ttl under 300', file: V, payload: from('vonage/mms-image.vonage.json', (p) => (p.ttl = 100)), code: 'schema', pointer: '/ttl' },
  { name: 'MMS caption over 2000', file: V, payload: from('vonage/mms-image.vonage.json', (p) => (p.image.caption = long(2001))), code: 'schema', pointer: '/image/caption' },
  { name: 'MMS to with +', file: V, payload: from('vonage/mms-image.vonage.json', (p) => (p.to = '+14155550100')), code: 'phone-format', pointer: '/to' },
  { name: 'Viber text over 1000', file: V, payload: from('vonage/viber_service-text.vonage.json', (p) => (p.text = long(1001))), code: 'schema', pointer: '/text' },
  {
    name: 'Viber category marketing',
    file: V,
    payload: from('vonage/viber_service-text.vonage.json', (p) => (p.viber_service.category = 'marketing')),
    code: 'schema',
    pointer: '/viber_service/category',
  },
  { name: 'Viber ttl under 30', file: V, payload: from('vonage/viber_service-text.vonage.json', (p) => (p.viber_service.ttl = 10)), code: 'schema', pointer: '/viber_service/ttl' },
  { name: 'Viber ttl over 259200', file: V, payload: from('vonage/viber_service-text.vonage.json', (p) => (p.viber_service.ttl = 259201)), code: 'schema', pointer: '/viber_service/ttl' },
  {
    name: 'Viber action text over 30',
    file: V,
    payload: from('vonage/viber_service-text.vonage.json', (p) => (p.viber_service.action = { url: 'https://example.com/x', text: long(31) })),
    code: 'schema',
    pointer: '/viber_service/action/text',
  },
  { name: 'MMS from with +', file: V, payload: from('vonage/mms-image.vonage.json', (p) => (p.from = '+14155550101')), code: 'phone-format', pointer: '/from' },
  { name: 'Viber to with +', file: V, payload: from('vonage/viber_service-text.vonage.json', (p) => (p.to = '+447700900000')), code: 'phone-format', pointer: '/to' },
  { name: 'Messenger text over 640', file: V, payload: from('vonage/messenger-text.vonage.json', (p) => (p.text = long(641))), code: 'schema', pointer: '/text' },
  { name: 'Messenger message_tag without tag', file: V, payload: from('vonage/messenger-text.vonage.json', (p) => delete p.messenger.tag), code: 'schema', pointer: '/messenger', at: 'object' },
  { name: 'Messenger category promo', file: V, payload: from('vonage/messenger-text.vonage.json', (p) => (p.messenger.category = 'promo')), code: 'schema', pointer: '/messenger/category' },
  { name: 'RCS to with + (reported once)', file: V, payload: from('vonage/rcs-text.vonage.json', (p) => (p.to = '+447700900000')), code: 'phone-format', pointer: '/to' },
  { name: 'to empty (the schema says so, not also the phone rule)', file: V, payload: from('vonage/whatsapp-text.vonage.json', (p) => (p.to = '')), code: 'schema', pointer: '/to' },
  {
    name: 'JWT in client_ref',
    file: V,
    payload: from('vonage/sms-text.vonage.json', (p) => (p.client_ref = 'eyJhbGciOiJSUzI1NiJ9.eyJhcHBsaWNhdGlvbl9pZCI6ImFiYyJ9.c2lnbmF0dXJlc2lnbmF0dXJlc2ln')),
    code: 'credential-in-payload',
    pointer: '/client_ref',
    severity: 'warning',
  },
  {
    name: 'private key in custom',
    file: V,
    payload: from('vonage/whatsapp-custom.vonage.json', (p) => (p.custom.note = '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----')),
    code: 'credential-in-payload',
    pointer: '/custom/note',
    severity: 'warning',
  },
];

const legacy: Case[] = [
  {
    name: 'WhatsApp recipient without a number',
    file: L,
    payload: from('vonage-legacy/text.vonage-legacy.json', (p) => (p.to = { type: 'whatsapp', id: 'abc' })),
    code: 'legacy-address',
    pointer: '/to',
    at: 'object',
  },
  {
    name: 'Viber sender without an id',
    file: L,
    payload: from('vonage-legacy/viber-text.vonage-legacy.json', (p) => (p.from = { type: 'viber_service', number: '447700900001' })),
    code: 'legacy-address',
    pointer: '/from',
    at: 'object',
  },
  {
    name: 'unknown recipient type (not also a channel mismatch)',
    file: L,
    payload: from('vonage-legacy/text.vonage-legacy.json', (p) => (p.to.type = 'telegram')),
    code: 'schema',
    pointer: '/to/type',
  },
  {
    name: 'SMS carrying an image',
    file: L,
    payload: from('vonage-legacy/sms-text.vonage-legacy.json', (p) => (p.message.content = { type: 'image', image: { url: 'https://example.com/a.jpg' } })),
    code: 'legacy-content-type',
    pointer: '/message/content/type',
  },
  { name: 'WhatsApp sender with +', file: L, payload: from('vonage-legacy/text.vonage-legacy.json', (p) => (p.from.number = '+447700900001')), code: 'phone-format', pointer: '/from/number' },
  { name: 'to.number with +', file: L, payload: from('vonage-legacy/text.vonage-legacy.json', (p) => (p.to.number = '+447700900000')), code: 'phone-format', pointer: '/to/number' },
  { name: 'to.number with 00', file: L, payload: from('vonage-legacy/text.vonage-legacy.json', (p) => (p.to.number = '00447700900000')), code: 'phone-format', pointer: '/to/number' },
  { name: 'WhatsApp text over 4096', file: L, payload: from('vonage-legacy/text.vonage-legacy.json', (p) => (p.message.content.text = long(4097))), code: 'schema', pointer: '/message/content/text' },
  { name: 'WhatsApp text empty', file: L, payload: from('vonage-legacy/text.vonage-legacy.json', (p) => (p.message.content.text = '')), code: 'schema', pointer: '/message/content/text' },
  {
    name: 'SMS text over 1000',
    file: L,
    payload: from('vonage-legacy/sms-text.vonage-legacy.json', (p) => (p.message.content.text = long(1001))),
    code: 'text-length',
    pointer: '/message/content/text',
  },
  {
    name: 'Viber text over 1000',
    file: L,
    payload: from('vonage-legacy/viber-text.vonage-legacy.json', (p) => (p.message.content.text = long(1001))),
    code: 'text-length',
    pointer: '/message/content/text',
  },
  {
    name: 'SMS text over 4096 (the SMS limit is said, once)',
    file: L,
    payload: from('vonage-legacy/sms-text.vonage-legacy.json', (p) => (p.message.content.text = long(5000))),
    code: 'text-length',
    pointer: '/message/content/text',
  },
  { name: 'client_ref over 40', file: L, payload: from('vonage-legacy/sms-text.vonage-legacy.json', (p) => (p.client_ref = long(41))), code: 'schema', pointer: '/client_ref' },
  {
    name: 'template parameter default a number',
    file: L,
    payload: from('vonage-legacy/template-default-params.vonage-legacy.json', (p) => (p.message.content.template.parameters[1].default = 64873)),
    code: 'schema',
    pointer: '/message/content/template/parameters/1/default',
  },
  {
    name: 'template parameter object without default',
    file: L,
    payload: from('vonage-legacy/template-default-params.vonage-legacy.json', (p) => (p.message.content.template.parameters[1] = {})),
    code: 'schema',
    pointer: '/message/content/template/parameters/1',
    at: 'object',
  },
  {
    name: 'template parameter a number (neither form)',
    file: L,
    payload: from('vonage-legacy/template-default-params.vonage-legacy.json', (p) => (p.message.content.template.parameters[0] = 5)),
    code: 'schema',
    pointer: '/message/content/template/parameters/0',
    says: /an object or string, not a number/,
  },
  {
    name: 'template too few parameters',
    file: L,
    payload: from('vonage-legacy/template-string-params.vonage-legacy.json', (p) => p.message.content.template.parameters.pop()),
    code: 'template-parameters',
    pointer: '/message/content/template/parameters',
  },
  {
    name: 'template policy fallback',
    file: L,
    payload: from('vonage-legacy/template-string-params.vonage-legacy.json', (p) => (p.message.whatsapp.policy = 'strict')),
    code: 'schema',
    pointer: '/message/whatsapp/policy',
  },
  {
    name: 'custom WhatsApp: 4 reply buttons',
    file: L,
    payload: from(
      'vonage-legacy/text.vonage-legacy.json',
      (p) =>
        (p.message.content = {
          type: 'custom',
          custom: {
            type: 'interactive',
            interactive: { type: 'button', body: { text: 'Pick' }, action: { buttons: ['A', 'B', 'C', 'D'].map((t) => ({ type: 'reply', reply: { id: t, title: t } })) } },
          },
        }),
    ),
    code: 'custom-content',
    pointer: '/message/content/custom/interactive/action/buttons/3',
  },
  { name: 'to.type differs from from.type', file: L, payload: from('vonage-legacy/text.vonage-legacy.json', (p) => (p.to.type = 'sms')), code: 'legacy-channel-mismatch', pointer: '/to/type' },
  {
    name: 'content type image without image',
    file: L,
    payload: from('vonage-legacy/image.vonage-legacy.json', (p) => delete p.message.content.image),
    code: 'schema',
    pointer: '/message/content',
    at: 'object',
  },
  { name: 'WhatsApp to Syria', file: L, payload: from('vonage-legacy/text.vonage-legacy.json', (p) => (p.to.number = '963912345678')), code: 'restricted-destination', pointer: '/to/number' },
  { name: 'WhatsApp from Cuba', file: L, payload: from('vonage-legacy/text.vonage-legacy.json', (p) => (p.from.number = '5355512345')), code: 'restricted-destination', pointer: '/from/number' },
  { name: 'unknown key in content', file: L, payload: from('vonage-legacy/text.vonage-legacy.json', (p) => (p.message.content.txt = 'x')), code: 'schema', pointer: '/message/content/txt', at: 'key' },
  { name: 'message missing', file: L, payload: from('vonage-legacy/text.vonage-legacy.json', (p) => delete p.message), code: 'schema', pointer: '', at: 'object' },
];

const wa = 'whatsapp/interactive-buttons.whatsapp.json';
const list = 'whatsapp/interactive-list.whatsapp.json';
const tpl = 'whatsapp/template.whatsapp.json';
const whatsapp: Case[] = [
  {
    name: 'template parameter with a line break',
    file: W,
    payload: from(tpl, (p) => (p.template.components[1].parameters[0].text = 'Alex\nSmith')),
    code: 'template-parameter-text',
    pointer: '/template/components/1/parameters/0/text',
  },
  {
    name: 'template parameter with 5 spaces in a row',
    file: W,
    payload: from(tpl, (p) => (p.template.components[1].parameters[0].text = 'Alex     Smith')),
    code: 'template-parameter-text',
    pointer: '/template/components/1/parameters/0/text',
  },
  { name: 'messaging_product misspelt', file: W, payload: from('whatsapp/text.whatsapp.json', (p) => (p.messaging_product = 'whatsap')), code: 'schema', pointer: '/messaging_product' },
  { name: 'messaging_product missing', file: W, payload: from('whatsapp/text.whatsapp.json', (p) => delete p.messaging_product), code: 'schema', pointer: '', at: 'object' },
  { name: 'recipient_type misspelt', file: W, payload: from('whatsapp/text.whatsapp.json', (p) => (p.recipient_type = 'groups')), code: 'schema', pointer: '/recipient_type' },
  { name: 'text body over 4096', file: W, payload: from('whatsapp/text.whatsapp.json', (p) => (p.text.body = long(4097))), code: 'schema', pointer: '/text/body' },
  { name: 'unknown type', file: W, payload: from('whatsapp/text.whatsapp.json', (p) => (p.type = 'txt')), code: 'schema', pointer: '/type' },
  { name: 'to Cuba', file: W, payload: from('whatsapp/text.whatsapp.json', (p) => (p.to = '+5355512345')), code: 'restricted-destination', pointer: '/to' },
  { name: 'to not a number', file: W, payload: from('whatsapp/text.whatsapp.json', (p) => (p.to = 'alice')), code: 'phone-format', pointer: '/to' },
  {
    name: '4 reply buttons',
    file: W,
    payload: from(wa, (p) => p.interactive.action.buttons.push({ type: 'reply', reply: { id: 'x4', title: 'Fourth' } })),
    code: 'schema',
    pointer: '/interactive/action/buttons/3',
    says: /^At most 3 reply buttons: this 4th one is rejected by the WhatsApp Cloud API\. Remove it\.$/,
  },
  { name: 'no reply buttons', file: W, payload: from(wa, (p) => (p.interactive.action.buttons = [])), code: 'schema', pointer: '/interactive/action/buttons' },
  { name: 'button title over 20', file: W, payload: from(wa, (p) => (p.interactive.action.buttons[2].reply.title = long(21))), code: 'schema', pointer: '/interactive/action/buttons/2/reply/title' },
  { name: 'button title empty', file: W, payload: from(wa, (p) => (p.interactive.action.buttons[2].reply.title = '')), code: 'schema', pointer: '/interactive/action/buttons/2/reply/title' },
  { name: 'button id over 256', file: W, payload: from(wa, (p) => (p.interactive.action.buttons[0].reply.id = long(257))), code: 'schema', pointer: '/interactive/action/buttons/0/reply/id' },
  {
    name: 'duplicate button titles',
    file: W,
    payload: from(wa, (p) => (p.interactive.action.buttons[2].reply.title = 'Later slot')),
    code: 'duplicate-button-title',
    pointer: '/interactive/action/buttons/2/reply/title',
  },
  { name: 'button body over 1024', file: W, payload: from(wa, (p) => (p.interactive.body.text = long(1025))), code: 'schema', pointer: '/interactive/body/text' },
  { name: 'button footer over 60', file: W, payload: from(wa, (p) => (p.interactive.footer.text = long(61))), code: 'schema', pointer: '/interactive/footer/text' },
  { name: 'button text header over 60', file: W, payload: from(wa, (p) => (p.interactive.header.text = long(61))), code: 'schema', pointer: '/interactive/header/text' },
  { name: 'button body missing', file: W, payload: from(wa, (p) => delete p.interactive.body), code: 'schema', pointer: '/interactive', at: 'object' },
  { name: 'button type call', file: W, payload: from(wa, (p) => (p.interactive.action.buttons[0].type = 'call')), code: 'schema', pointer: '/interactive/action/buttons/0/type' },
  { name: 'list button label over 20', file: W, payload: from(list, (p) => (p.interactive.action.button = long(21))), code: 'schema', pointer: '/interactive/action/button' },
  {
    name: 'list 11 sections',
    file: W,
    payload: from(list, (p) => {
      p.interactive.action.sections = Array.from({ length: 11 }, (_, i) => ({ title: `S${i}`, rows: [{ id: `r${i}`, title: `R${i}` }] }));
    }),
    code: 'schema',
    pointer: '/interactive/action/sections/10',
    also: ['list-too-many-rows'],
    says: /^At most 10 sections: this 11th one is rejected/,
  },
  {
    name: 'list 11 rows across sections',
    file: W,
    payload: from(list, (p) => {
      p.interactive.action.sections[1].rows = Array.from({ length: 9 }, (_, i) => ({ id: `t${i}`, title: `T${i}` }));
    }),
    code: 'list-too-many-rows',
    pointer: '/interactive/action/sections/1/rows/8',
  },
  { name: 'list row id over 200', file: W, payload: from(list, (p) => (p.interactive.action.sections[0].rows[0].id = long(201))), code: 'schema', pointer: '/interactive/action/sections/0/rows/0/id' },
  {
    name: 'list row title over 24',
    file: W,
    payload: from(list, (p) => (p.interactive.action.sections[0].rows[1].title = long(25))),
    code: 'schema',
    pointer: '/interactive/action/sections/0/rows/1/title',
  },
  {
    name: 'list row description over 72',
    file: W,
    payload: from(list, (p) => (p.interactive.action.sections[0].rows[0].description = long(73))),
    code: 'schema',
    pointer: '/interactive/action/sections/0/rows/0/description',
  },
  { name: 'list section title over 24', file: W, payload: from(list, (p) => (p.interactive.action.sections[1].title = long(25))), code: 'schema', pointer: '/interactive/action/sections/1/title' },
  {
    name: 'list of 2 sections, one untitled',
    file: W,
    payload: from(list, (p) => delete p.interactive.action.sections[1].title),
    code: 'list-section-title',
    pointer: '/interactive/action/sections/1',
    at: 'object',
  },
  { name: 'list section title empty (once)', file: W, payload: from(list, (p) => (p.interactive.action.sections[1].title = '')), code: 'schema', pointer: '/interactive/action/sections/1/title' },
  {
    name: 'list of 2 sections, one title blank',
    file: W,
    payload: from(list, (p) => (p.interactive.action.sections[1].title = '  ')),
    code: 'list-section-title',
    pointer: '/interactive/action/sections/1/title',
  },
  {
    name: 'template button parameter of no known type (once)',
    file: W,
    payload: from(tpl, (p) => (p.template.components[3].parameters[0].type = 'pay_load')),
    code: 'schema',
    pointer: '/template/components/3/parameters/0/type',
  },
  {
    name: 'list duplicate row ids',
    file: W,
    payload: from(list, (p) => (p.interactive.action.sections[1].rows[0].id = 'mon-09')),
    code: 'duplicate-row-id',
    pointer: '/interactive/action/sections/1/rows/0/id',
  },
  { name: 'list body over 4096', file: W, payload: from(list, (p) => (p.interactive.body.text = long(4097))), code: 'schema', pointer: '/interactive/body/text' },
  { name: 'template component type footer', file: W, payload: from(tpl, (p) => (p.template.components[1].type = 'footer')), code: 'schema', pointer: '/template/components/1/type' },
  {
    name: 'template parameter type audio',
    file: W,
    payload: from(tpl, (p) => (p.template.components[1].parameters[0] = { type: 'audio', audio: { link: 'https://example.com/a.mp3' } })),
    code: 'schema',
    pointer: '/template/components/1/parameters/0/type',
  },
  { name: 'template button sub_type call', file: W, payload: from(tpl, (p) => (p.template.components[3].sub_type = 'call')), code: 'schema', pointer: '/template/components/3/sub_type' },
  {
    name: 'template quick_reply with a text parameter',
    file: W,
    payload: from(tpl, (p) => (p.template.components[3].parameters[0] = { type: 'text', text: 'STOP' })),
    code: 'template-button-parameter',
    pointer: '/template/components/3/parameters/0/type',
  },
  { name: 'template button index not a digit', file: W, payload: from(tpl, (p) => (p.template.components[2].index = 'first')), code: 'schema', pointer: '/template/components/2/index' },
  {
    name: 'list header of type image (lists take text headers)',
    file: W,
    payload: from(list, (p) => (p.interactive.header = { type: 'image', image: { link: 'https://example.com/a.png' } })),
    code: 'schema',
    pointer: '/interactive/header/type',
  },
  {
    name: 'template header image with neither link nor id',
    file: W,
    payload: from(tpl, (p) => (p.template.components[0].parameters[0].image = {})),
    code: 'media-source',
    pointer: '/template/components/0/parameters/0/image',
    at: 'object',
  },
  {
    name: 'template currency without code',
    file: W,
    payload: from(tpl, (p) => delete p.template.components[1].parameters[2].currency.code),
    code: 'schema',
    pointer: '/template/components/1/parameters/2/currency',
    at: 'object',
  },
  { name: 'template language missing', file: W, payload: from(tpl, (p) => delete p.template.language), code: 'schema', pointer: '/template', at: 'object' },
  { name: 'template name over 512', file: W, payload: from(tpl, (p) => (p.template.name = long(513))), code: 'template-name-length', pointer: '/template/name' },
  {
    name: 'template text parameter empty',
    file: W,
    payload: from(tpl, (p) => (p.template.components[1].parameters[0].text = '')),
    code: 'schema',
    pointer: '/template/components/1/parameters/0/text',
  },
  {
    name: 'template header image with link and id',
    file: W,
    payload: from(tpl, (p) => (p.template.components[0].parameters[0].image.id = '1234567890')),
    code: 'media-source',
    pointer: '/template/components/0/parameters/0/image/link',
    at: 'key',
  },
  { name: 'image with neither link nor id', file: W, payload: from('whatsapp/image.whatsapp.json', (p) => (p.image = { caption: 'x' })), code: 'media-source', pointer: '/image', at: 'object' },
  { name: 'location latitude 91', file: W, payload: from('whatsapp/location.whatsapp.json', (p) => (p.location.latitude = 91)), code: 'schema', pointer: '/location/latitude' },
  { name: 'location longitude -181', file: W, payload: from('whatsapp/location.whatsapp.json', (p) => (p.location.longitude = -181)), code: 'schema', pointer: '/location/longitude' },
  { name: 'location latitude "91" as a string', file: W, payload: from('whatsapp/location.whatsapp.json', (p) => (p.location.latitude = '91')), code: 'location-range', pointer: '/location/latitude' },
  { name: 'mark-read status delivered', file: W, payload: from('whatsapp/mark-read.whatsapp.json', (p) => (p.status = 'delivered')), code: 'schema', pointer: '/status' },
  { name: 'mark-read without message_id', file: W, payload: from('whatsapp/mark-read.whatsapp.json', (p) => delete p.message_id), code: 'schema', pointer: '', at: 'object' },
  { name: 'reaction without message_id', file: W, payload: from('whatsapp/reaction.whatsapp.json', (p) => delete p.reaction.message_id), code: 'schema', pointer: '/reaction', at: 'object' },
  {
    name: 'access token in the payload',
    file: W,
    payload: from('whatsapp/text.whatsapp.json', (p) => (p.text.body = 'EAA' + 'B'.repeat(60))),
    code: 'credential-in-payload',
    pointer: '/text/body',
    severity: 'warning',
  },
];

const onprem: Case[] = [
  { name: 'text body over 4096', file: O, payload: from('whatsapp-onprem/text.whatsapp-onprem.json', (p) => (p.text.body = long(4097))), code: 'schema', pointer: '/text/body' },
  { name: 'text body missing', file: O, payload: from('whatsapp-onprem/text.whatsapp-onprem.json', (p) => delete p.text.body), code: 'schema', pointer: '/text', at: 'object' },
  {
    name: 'template without namespace',
    file: O,
    payload: from('whatsapp-onprem/template.whatsapp-onprem.json', (p) => delete p.template.namespace),
    code: 'schema',
    pointer: '/template',
    at: 'object',
  },
  {
    name: 'template language policy wrong',
    file: O,
    payload: from('whatsapp-onprem/template.whatsapp-onprem.json', (p) => (p.template.language.policy = 'strict')),
    code: 'schema',
    pointer: '/template/language/policy',
  },
  {
    name: 'template language code missing',
    file: O,
    payload: from('whatsapp-onprem/template.whatsapp-onprem.json', (p) => delete p.template.language.code),
    code: 'schema',
    pointer: '/template/language',
    at: 'object',
  },
  {
    name: 'template name over 512',
    file: O,
    payload: from('whatsapp-onprem/template.whatsapp-onprem.json', (p) => (p.template.name = long(513))),
    code: 'template-name-length',
    pointer: '/template/name',
  },
  { name: 'location latitude -91', file: O, payload: from('whatsapp-onprem/location.whatsapp-onprem.json', (p) => (p.location.latitude = -91)), code: 'schema', pointer: '/location/latitude' },
  {
    name: 'location latitude "95" as a string',
    file: O,
    payload: from('whatsapp-onprem/location.whatsapp-onprem.json', (p) => (p.location.latitude = '95')),
    code: 'location-range',
    pointer: '/location/latitude',
  },
  {
    name: 'media with link and id',
    file: O,
    payload: from('whatsapp-onprem/media.whatsapp-onprem.json', (p) => (p.image.id = 'f043afd0-f0ae-4b9c-ab3d-696fb4c8cd68')),
    code: 'media-source',
    pointer: '/image/link',
    at: 'key',
  },
  { name: 'to Crimea', file: O, payload: from('whatsapp-onprem/text.whatsapp-onprem.json', (p) => (p.to = '79781234567'.replace('7978', '7365'))), code: 'restricted-destination', pointer: '/to' },
  { name: 'to North Korea', file: O, payload: from('whatsapp-onprem/text.whatsapp-onprem.json', (p) => (p.to = '85021234567')), code: 'restricted-destination', pointer: '/to' },
  {
    name: 'a Cloud-only key',
    file: O,
    payload: from('whatsapp-onprem/text.whatsapp-onprem.json', (p) => (p.biz_opaque_callback_data = 'order-1')),
    code: 'schema',
    pointer: '/biz_opaque_callback_data',
    at: 'key',
  },
  { name: 'mark-read status delivered', file: O, payload: from('whatsapp-onprem/mark-read.whatsapp-onprem.json', (p) => (p.status = 'delivered')), code: 'schema', pointer: '/status' },
];

const gi = 'gateway/interactive.gateway.json';
const gt = 'gateway/text.gateway.json';
const gateway: Case[] = [
  { name: 'phone without +', file: G, payload: from(gt, (p) => (p.phone = '447700900000')), code: 'phone-format', pointer: '/phone' },
  { name: 'phone with spaces', file: G, payload: from(gt, (p) => (p.phone = '+44 7700 900000')), code: 'phone-format', pointer: '/phone' },
  { name: 'phone with dashes', file: G, payload: from(gt, (p) => (p.phone = '+44-7700-900000')), code: 'phone-format', pointer: '/phone' },
  { name: 'phone with parentheses', file: G, payload: from(gt, (p) => (p.phone = '+44(0)7700900000')), code: 'phone-format', pointer: '/phone' },
  { name: 'phone with 00', file: G, payload: from(gt, (p) => (p.phone = '00447700900000')), code: 'phone-format', pointer: '/phone' },
  { name: 'phone too short', file: G, payload: from(gt, (p) => (p.phone = '+4477')), code: 'phone-format', pointer: '/phone' },
  { name: 'phone and message missing (one problem naming both)', file: G, payload: {}, code: 'schema', pointer: '', at: 'object', says: /`phone`, `message`/ },
  { name: 'phone missing', file: G, payload: from(gt, (p) => delete p.phone), code: 'schema', pointer: '', at: 'object' },
  { name: 'message missing', file: G, payload: from(gt, (p) => delete p.message), code: 'schema', pointer: '', at: 'object' },
  { name: 'message empty', file: G, payload: from(gt, (p) => (p.message = '')), code: 'schema', pointer: '/message' },
  { name: 'message over 4096', file: G, payload: from(gt, (p) => (p.message = long(4097))), code: 'schema', pointer: '/message' },
  { name: 'interactive message over 1024', file: G, payload: from(gi, (p) => (p.message = long(1025))), code: 'interactive-body-length', pointer: '/message' },
  { name: 'interactive message over 4096 (the interactive limit is said, once)', file: G, payload: from(gi, (p) => (p.message = long(5000))), code: 'interactive-body-length', pointer: '/message' },
  {
    name: '4 buttons',
    file: G,
    payload: from(gi, (p) => p.buttons.push({ id: 'four', title: 'Four' })),
    code: 'schema',
    pointer: '/buttons/3',
    says: /^At most 3 buttons: this 4th one is rejected by the WhatsApp token gateway\./,
  },
  { name: 'button title over 20', file: G, payload: from(gi, (p) => (p.buttons[1].title = long(21))), code: 'schema', pointer: '/buttons/1/title' },
  { name: 'button without id', file: G, payload: from(gi, (p) => delete p.buttons[1].id), code: 'schema', pointer: '/buttons/1', at: 'object' },
  { name: 'button without title', file: G, payload: from(gi, (p) => delete p.buttons[0].title), code: 'schema', pointer: '/buttons/0', at: 'object' },
  { name: 'duplicate button titles', file: G, payload: from(gi, (p) => (p.buttons[2].title = p.buttons[0].title)), code: 'duplicate-button-title', pointer: '/buttons/2/title' },
  { name: 'duplicate button ids', file: G, payload: from(gi, (p) => (p.buttons[2].id = p.buttons[0].id)), code: 'duplicate-button-id', pointer: '/buttons/2/id' },
  { name: 'buttons not an array', file: G, payload: from(gi, (p) => (p.buttons = { id: 'a', title: 'A' })), code: 'schema', pointer: '/buttons' },
  { name: 'header a number', file: G, payload: from(gi, (p) => (p.header = 5)), code: 'schema', pointer: '/header' },
  { name: 'to Iran', file: G, payload: from(gt, (p) => (p.phone = '+989121234567')), code: 'restricted-destination', pointer: '/phone' },
  { name: 'token in the file', file: G, payload: from(gt, (p) => (p.token = 'abcdef1234567890abcdef')), code: 'credential-in-payload', pointer: '/token', severity: 'warning', at: 'key' },
  {
    name: 'an API key in the file (no such field either: the schema error too)',
    file: G,
    payload: from(gt, (p) => (p.api_key = 'abcdef1234567890abcdef')),
    code: 'credential-in-payload',
    pointer: '/api_key',
    severity: 'warning',
    also: ['schema'],
    at: 'key',
    says: /not a field/,
  },
];

/** Files that are not a payload of the right shape at all. */
const shape: Case[] = [
  { name: 'trailing comma in an object', file: G, payload: '{\n  "phone": "+447700900000",\n  "message": "hi",\n}\n', code: 'json-syntax', pointer: '', underline: ',' },
  {
    name: 'trailing comma in an array',
    file: G,
    payload: '{\n  "phone": "+447700900000",\n  "message": "hi",\n  "buttons": [{ "id": "a", "title": "A" },]\n}\n',
    code: 'json-syntax',
    pointer: '',
    underline: ',',
  },
  { name: 'a comment', file: G, payload: '{\n  "phone": "+447700900000", // mine\n  "message": "hi"\n}\n', code: 'json-syntax', pointer: '', underline: '// mine' },
  { name: 'an array, not an object', file: V, payload: [], code: 'schema', pointer: '', underline: '[]' },
  { name: 'an empty WhatsApp object', file: W, payload: {}, code: 'schema', pointer: '', underline: '{' },
  { name: 'a Vonage v1 payload in a .whatsapp.json file', file: W, payload: example('vonage/whatsapp-text.vonage.json'), code: 'wrong-provider', pointer: '', underline: '{' },
  { name: 'a Cloud API template in a .whatsapp-onprem.json file', file: O, payload: example('whatsapp/template.whatsapp.json'), code: 'wrong-provider', pointer: '', underline: '{' },
  {
    name: 'a Cloud text without messaging_product is a slip, not an On-Premises body',
    file: W,
    payload: from('whatsapp/text.whatsapp.json', (p) => delete p.messaging_product),
    code: 'schema',
    pointer: '',
    at: 'object',
    says: /messaging_product/,
  },
  { name: 'a legacy payload in a .vonage.json file', file: V, payload: example('vonage-legacy/template-default-params.vonage-legacy.json'), code: 'wrong-provider', pointer: '', underline: '{' },
  { name: 'a WhatsApp message of an unknown type', file: W, payload: { messaging_product: 'whatsapp', to: '447700900000', type: 'poll', poll: {} }, code: 'schema', pointer: '/type' },
];

const CASES: Record<string, Case[]> = { vonage, 'vonage-legacy': legacy, whatsapp, 'whatsapp-onprem': onprem, gateway, 'wrong shape': shape };

/** Payloads that follow the rules, in forms a careless check would reject. */
const VALID: { name: string; file: string; payload: Json }[] = [
  {
    name: 'placeholders in phone numbers and text',
    file: V,
    payload: from('vonage/whatsapp-text.vonage.json', (p) => {
      p.to = '{{TO_NUMBER}}';
      p.from = '{{WHATSAPP_NUMBER}}';
      p.text = 'Hi {{NAME}}';
    }),
  },
  { name: 'placeholder in an SMS sender', file: V, payload: from('vonage/sms-text.vonage.json', (p) => (p.from = '{{FROM_NUMBER}}')) },
  { name: 'SMS from a short code', file: V, payload: from('vonage/sms-text.vonage.json', (p) => (p.from = '12345')) },
  { name: 'SMS with only the required fields', file: V, payload: { message_type: 'text', channel: 'sms', to: '447700900000', from: '447700900001', text: 'Hi' } },
  { name: 'SMS text of exactly 1000', file: V, payload: from('vonage/sms-text.vonage.json', (p) => (p.text = long(1000))) },
  { name: 'client_ref of exactly 100', file: V, payload: from('vonage/sms-text.vonage.json', (p) => (p.client_ref = long(100))) },
  {
    name: 'WhatsApp template without parameters or whatsapp settings',
    file: V,
    payload: { message_type: 'template', channel: 'whatsapp', to: '447700900000', from: '447700900001', template: { name: 'hello_world' } },
  },
  { name: 'Viber ttl at 30 and 259200', file: V, payload: from('vonage/viber_service-text.vonage.json', (p) => (p.viber_service.ttl = 30)) },
  { name: 'Messenger response without tag', file: V, payload: from('vonage/messenger-text.vonage.json', (p) => (p.messenger = { category: 'response' })) },
  { name: 'legacy template with {default} parameters', file: L, payload: example('vonage-legacy/template-default-params.vonage-legacy.json') },
  { name: 'legacy template with string parameters', file: L, payload: example('vonage-legacy/template-string-params.vonage-legacy.json') },
  { name: 'legacy client_ref of exactly 40', file: L, payload: from('vonage-legacy/sms-text.vonage-legacy.json', (p) => (p.client_ref = long(40))) },
  { name: 'WhatsApp to with a leading +', file: W, payload: from('whatsapp/text.whatsapp.json', (p) => (p.to = '+447700900000')) },
  { name: 'WhatsApp without recipient_type', file: W, payload: from('whatsapp/text.whatsapp.json', (p) => delete p.recipient_type) },
  { name: 'WhatsApp template button index as a string and a number', file: W, payload: example(tpl) },
  {
    name: 'WhatsApp location with coordinates as strings',
    file: W,
    payload: from('whatsapp/location.whatsapp.json', (p) => {
      p.location.latitude = '51.5074';
      p.location.longitude = '-0.1278';
    }),
  },
  { name: 'WhatsApp template with placeholders in parameters', file: W, payload: from(tpl, (p) => (p.template.components[1].parameters[0].text = '{{CUSTOMER_NAME}}')) },
  { name: 'WhatsApp exactly 3 buttons of 20 characters', file: W, payload: from(wa, (p) => p.interactive.action.buttons.forEach((b: Json, i: number) => (b.reply.title = long(19) + i))) },
  {
    name: 'WhatsApp list of exactly 10 rows',
    file: W,
    payload: from(list, (p) => {
      p.interactive.action.sections[1].rows = Array.from({ length: 8 }, (_, i) => ({ id: `t${i}`, title: `T${i}` }));
    }),
  },
  {
    name: 'WhatsApp list of one untitled section',
    file: W,
    payload: from(list, (p) => {
      p.interactive.action.sections = [{ rows: p.interactive.action.sections[0].rows }];
    }),
  },
  { name: 'on-prem template without components', file: O, payload: from('whatsapp-onprem/template.whatsapp-onprem.json', (p) => delete p.template.components) },
  {
    name: 'on-prem media by id',
    file: O,
    payload: from('whatsapp-onprem/media.whatsapp-onprem.json', (p) => {
      delete p.image.link;
      p.image.id = 'f043afd0-f0ae-4b9c-ab3d-696fb4c8cd68';
    }),
  },
  { name: 'WhatsApp to formatted with spaces, dashes and parentheses (Meta normalizes it)', file: W, payload: from('whatsapp/text.whatsapp.json', (p) => (p.to = '+1 (415) 555-0100')) },
  {
    name: 'WhatsApp contact card phones in local formats',
    file: W,
    payload: from(
      'whatsapp/contacts.whatsapp.json',
      (p) =>
        (p.contacts[0].phones = [
          { phone: '+1 (940) 555-1234', type: 'HOME' },
          { phone: '07700 900000', type: 'CELL' },
        ]),
    ),
  },
  { name: 'WhatsApp text with preview_url and a link', file: W, payload: from('whatsapp/text.whatsapp.json', (p) => (p.text = { body: 'See https://example.com/x', preview_url: true })) },
  {
    name: 'Messenger recipient and sender are page-scoped ids',
    file: V,
    payload: from('vonage/messenger-text.vonage.json', (p) => {
      p.to = '1234567890123456';
      p.from = '9876543210987654';
    }),
  },
  { name: 'SMS to Cuba (only WhatsApp excludes it)', file: V, payload: from('vonage/sms-text.vonage.json', (p) => (p.to = '5355512345')) },
  { name: 'SMS sender id with a space', file: V, payload: from('vonage/sms-text.vonage.json', (p) => (p.from = 'Acme Co')) },
  { name: 'SMS sender id of exactly 11', file: V, payload: from('vonage/sms-text.vonage.json', (p) => (p.from = 'AcmeCorpLtd')) },
  { name: 'Viber sender is a service id', file: V, payload: from('vonage/viber_service-text.vonage.json', (p) => (p.from = '16273')) },
  {
    name: 'WhatsApp custom template with camelCase keys the SDK keeps',
    file: V,
    payload: from(
      'vonage/whatsapp-custom.vonage.json',
      (p) => (p.custom = { type: 'template', template: { name: 'order_update', language: { code: 'en_GB', policy: 'deterministic' }, components: [] }, someCamelKey: true }),
    ),
  },
  { name: 'MMS from a short code', file: V, payload: from('vonage/mms-image.vonage.json', (p) => (p.from = '12345')) },
  { name: 'MMS ttl at 300', file: V, payload: from('vonage/mms-image.vonage.json', (p) => (p.ttl = 300)) },
  { name: 'on-prem to as a wa_id', file: O, payload: from('whatsapp-onprem/text.whatsapp-onprem.json', (p) => (p.to = '447700900000')) },
  { name: 'gateway with only phone and message', file: G, payload: example(gt) },
  { name: 'gateway with a header only', file: G, payload: from(gt, (p) => (p.header = 'Hello')) },
  { name: 'gateway placeholder phone', file: G, payload: from(gt, (p) => (p.phone = '{{PHONE}}')) },
  { name: 'gateway plain message of 4096', file: G, payload: from(gt, (p) => (p.message = long(4096))) },
];

// ---------- the checks ----------
function textOf(payload: Json): string {
  return typeof payload === 'string' ? payload : JSON.stringify(payload, null, 2);
}

function valueAt(root: Json, pointer: string): { found: boolean; value?: Json } {
  let v = root;
  for (const seg of fromPointer(pointer)) {
    if (v === null || typeof v !== 'object' || !(String(seg) in v)) return { found: false };
    v = v[seg];
  }
  return { found: true, value: v };
}

function run(c: { file: string; payload: Json }) {
  const text = textOf(c.payload);
  const result = validateText(text, { fileName: c.file });
  // Info notes (an unknown template, SMS segment counts) are not faults.
  const faults = result.problems.filter((p) => p.severity !== 'info');
  return { text, faults };
}

function describeAll(problems: { severity: string; code: string; pointer: string; message: string }[]): string {
  return problems.map((p) => `${p.severity} ${p.code} ${p.pointer}: ${p.message}`).join('\n  ');
}

describe('rules matrix: one broken rule, one problem at the right pointer', () => {
  for (const [provider, cases] of Object.entries(CASES)) {
    describe(provider, () => {
      for (const c of cases) {
        it(c.name, () => {
          const { text, faults: all } = run(c);
          const faults = all.filter((p) => !c.also?.includes(p.code));
          assert.deepEqual(
            all.filter((p) => c.also?.includes(p.code)).map((p) => p.code),
            c.also ?? [],
          );
          assert.equal(faults.length, 1, `expected exactly one problem (${c.code} at ${c.pointer}), got:\n  ${describeAll(faults)}`);
          const p = faults[0];
          assert.equal(p.code, c.code, describeAll(faults));
          assert.equal(p.pointer, c.pointer, describeAll(faults));
          assert.equal(p.severity, c.severity ?? 'error');
          // A sentence that says what is wrong, never zod's generic wording.
          assert.match(p.message, /^[A-Z`"].*[.)]$/s);
          assert.doesNotMatch(p.message, /Invalid input|undefined|\[object/);
          if (c.says) assert.match(p.message, c.says);

          const underlined = text.slice(p.start, p.end);
          if (c.underline !== undefined) {
            assert.equal(underlined, c.underline);
            return;
          }
          const at = c.at ?? 'value';
          const target = valueAt(JSON.parse(text), c.pointer);
          if (at === 'value') {
            assert.ok(target.found, `the case's pointer ${c.pointer} must name a value`);
            const v = target.value;
            if (v !== null && typeof v === 'object') assert.equal(underlined[0], Array.isArray(v) ? '[' : '{', `underline "${underlined.slice(0, 40)}"`);
            else assert.equal(underlined, JSON.stringify(v));
          } else if (at === 'key') {
            const key = fromPointer(c.pointer).at(-1);
            // The name, or the whole property when the fix removes it.
            assert.ok(underlined === JSON.stringify(key) || underlined.startsWith(`${JSON.stringify(key)}: `), `underline "${underlined.slice(0, 40)}"`);
          } else {
            // The object lacking a field: its property name, or its opening brace when it has none.
            assert.ok(target.found && target.value !== null && typeof target.value === 'object', `${c.pointer} must name an object`);
            const key = fromPointer(c.pointer).at(-1);
            const named = key !== undefined && !/^\d+$/.test(key) && underlined === JSON.stringify(key);
            assert.ok(named || underlined.startsWith('{'), `underline "${underlined.slice(0, 40)}" should be the object's name or its brace`);
          }
        });
      }
    });
  }
});

describe('rules matrix: valid variations give no error or warning', () => {
  for (const c of VALID) {
    it(`${c.file.replace(/^x\./, '').replace(/\.json$/, '')}: ${c.name}`, () => {
      const { faults } = run(c);
      assert.deepEqual(
        faults.map((p) => `${p.code} ${p.pointer}: ${p.message}`),
        [],
      );
    });
  }
});

/** Every example, each field broken one way at a time (11 ways): one fault must never be reported twice at one place. */
describe('rules matrix: one fault in any field of any example is reported at most once per pointer', () => {
  const walk = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  // examples/bulk/ holds a payload with placeholders and its recipient list, for `mwb bulk`.
  for (const file of walk(path.join(ROOT, 'examples')).filter((f) => !f.endsWith('.templates.json') && path.basename(path.dirname(f)) !== 'bulk')) {
    it(path.relative(path.join(ROOT, 'examples'), file), () => {
      const base = JSON.parse(fs.readFileSync(file, 'utf8'));
      const doubles: string[] = [];
      for (const { at, how, payload } of brokenVariants(base, BREAKERS)) {
        const { faults } = run({ file: path.basename(file), payload });
        const seen = new Map<string, string[]>();
        for (const p of faults) seen.set(p.pointer, [...(seen.get(p.pointer) ?? []), p.code]);
        for (const [pointer, codes] of seen) if (codes.length > 1) doubles.push(`/${at.join('/')} ${how}: ${pointer} got ${codes.join(', ')}`);
      }
      assert.deepEqual(doubles, []);
    });
  }
});

/** For checking the generated JSON Schemas with VS Code's JSON language service (outside this suite). */
export { CASES, VALID, textOf };
