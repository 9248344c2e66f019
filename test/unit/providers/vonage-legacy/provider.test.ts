import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { validateText } from '../../../../src/pipeline/validate';
import { applyEdits } from '../../../../src/core/edits';
import { detectProvider, providerById, providerForFile } from '../../../../src/providers/registry';
import { listFiles, projectRoot } from '../../helpers';
import { provider } from '../../../../src/providers/vonage-legacy';

const FILE = 'msg.vonage-legacy.json';

function check(payload: unknown) {
  const text = JSON.stringify(payload, null, 2);
  const result = validateText(text, { fileName: FILE });
  const errors = result.problems.filter((p) => p.severity === 'error');
  return { text, result, errors, found: errors.map((p) => `${p.code} ${p.pointer}`) };
}

const addr = (type: string, from = '447700900001', to = '447700900000') => ({ from: { type, number: from }, to: { type, number: to } });
const waText = { ...addr('whatsapp'), message: { content: { type: 'text', text: 'Hello' } } };
const smsText = { ...addr('sms', 'Acme'), message: { content: { type: 'text', text: 'Hello' } } };
const verify = (parameters: unknown[]) => ({
  ...addr('whatsapp'),
  message: { content: { type: 'template', template: { name: 'whatsapp:hsm:technology:nexmo:verify', parameters } }, whatsapp: { policy: 'deterministic', locale: 'en-GB' } },
});

describe('vonage-legacy (beta / v0.1)', () => {
  it('accepts the seed 001 template call exactly as documented ({"default": ...} parameters)', () => {
    const seed = {
      from: { type: 'whatsapp', number: '447700900001' },
      to: { type: 'whatsapp', number: '447700900000' },
      message: { content: { type: 'template', template: { name: 'whatsapp:hsm:technology:nexmo:verify', parameters: [{ default: 'Nexmo Verification' }, { default: '64873' }, { default: '10' }] } } },
    };
    assert.deepEqual(check(seed).found, []);
  });

  it('accepts template parameters as plain strings too', () => {
    assert.deepEqual(check(verify(['Acme', '64873', '10'])).found, []);
  });

  it('maps both parameter forms to the model with their own pointers', () => {
    const a = provider.toModel(verify([{ default: 'A' }, 'B']))!;
    assert.deepEqual(a.template?.parameters, [
      { text: 'A', pointer: '/message/content/template/parameters/0/default' },
      { text: 'B', pointer: '/message/content/template/parameters/1' },
    ]);
    assert.equal(a.template?.namespace, 'whatsapp:hsm:technology:nexmo');
    assert.equal(a.template?.language, 'en-GB');
    assert.equal(a.freeForm, false);
    assert.equal(a.kind, 'template');
  });

  it('checks the parameter count of a known template, pointing at the first extra one', () => {
    assert.deepEqual(check(verify([{ default: 'A' }, { default: 'B' }])).found, ['template-parameters /message/content/template/parameters']);
    assert.deepEqual(check(verify(['A', 'B', 'C', 'D'])).found, ['template-parameters /message/content/template/parameters/3']);
  });

  it('rejects a parameter that is neither a string nor {"default": string}', () => {
    const { found } = check(verify([{ value: 'A' }, 'B', 'C']));
    assert.deepEqual(
      found.filter((f) => f.startsWith('schema')),
      ['schema /message/content/template/parameters/0', 'schema /message/content/template/parameters/0/value'],
    );
    assert.deepEqual(
      check(verify([{ default: 'x'.repeat(1025) }, 'B', 'C'])).found.filter((f) => f.startsWith('schema')),
      ['schema /message/content/template/parameters/0/default'],
    );
    assert.deepEqual(
      check(verify(['A', 7, 'C'])).found.filter((f) => f.startsWith('schema')),
      ['schema /message/content/template/parameters/1'],
    );
  });

  it('client_ref over 40 characters', () => {
    assert.deepEqual(check({ ...waText, client_ref: 'r'.repeat(41) }).found, ['schema /client_ref']);
    assert.deepEqual(check({ ...waText, client_ref: 'r'.repeat(40) }).found, []);
  });

  it('a recipient number with "+", with a quick fix', () => {
    const { found, errors, text } = check({ ...waText, to: { type: 'whatsapp', number: '+447700900000' } });
    assert.deepEqual(found, ['phone-format /to/number']);
    const fixed = applyEdits(text, errors[0].fixes![0].edits);
    assert.equal(JSON.parse(fixed).to.number, '447700900000');
  });

  it('text limits: WhatsApp 4096, SMS and Viber 1000', () => {
    const long = (n: number, base: typeof waText) => ({ ...base, message: { content: { type: 'text', text: 'a'.repeat(n) } } });
    assert.deepEqual(check(long(4096, waText)).found, []);
    assert.deepEqual(check(long(4097, waText)).found, ['schema /message/content/text']);
    assert.deepEqual(check(long(1001, smsText)).found, ['text-length /message/content/text']);
    assert.deepEqual(check(long(1000, smsText)).found, []);
    const viber = { from: { type: 'viber_service', id: '16273' }, to: { type: 'viber_service', number: '447700900000' }, message: { content: { type: 'text', text: 'a'.repeat(1001) } } };
    assert.deepEqual(check(viber).found, ['text-length /message/content/text']);
  });

  it('sender and recipient must name the same channel', () => {
    assert.deepEqual(check({ ...waText, from: { type: 'sms', number: '447700900001' } }).found, ['legacy-channel-mismatch /to/type']);
  });

  it('a template over SMS', () => {
    assert.deepEqual(check({ ...smsText, message: verify(['a', 'b', 'c']).message }).found, ['legacy-content-type /message/content/type']);
  });

  it('an unknown content type', () => {
    assert.deepEqual(check({ ...waText, message: { content: { type: 'carousel' } } }).found, ['schema /message/content/type']);
  });

  it('a missing number or id', () => {
    assert.deepEqual(check({ ...waText, to: { type: 'whatsapp' } }).found, ['legacy-address /to']);
    assert.deepEqual(check({ ...waText, from: { type: 'messenger' }, to: { type: 'messenger', id: '123' } }).found, ['legacy-address /from']);
  });

  it('SMS sender: alphanumeric id up to 11 characters', () => {
    assert.deepEqual(check(smsText).found, []);
    assert.deepEqual(check({ ...smsText, from: { type: 'sms', number: 'AcmeCorporation' } }).found, ['sms-sender-id /from/number']);
  });

  it('a missing messenger tag for message_tag', () => {
    const m = { from: { type: 'messenger', id: '1' }, to: { type: 'messenger', id: '2' }, message: { content: { type: 'text', text: 'hi' }, messenger: { category: 'message_tag' } } };
    assert.deepEqual(check(m).found, ['messenger-tag /message/messenger']);
  });

  it('detects the shape without a suffix, and v1 payloads are not it', () => {
    assert.equal(detectProvider(waText)?.id, 'vonage-legacy');
    assert.equal(validateText(JSON.stringify(waText), { fileName: 'payload.json' }).provider?.id, 'vonage-legacy');
    assert.ok(provider.detect({ message_type: 'text', channel: 'sms', to: '447700900000', from: 'Acme', text: 'x' }) < 0.5);
  });

  it('maps channel, phone style and media to the model; never throws on junk', () => {
    const m = provider.toModel({ ...waText, message: { content: { type: 'image', image: { url: 'https://example.com/a.jpg', caption: 'Hi' } } } })!;
    assert.equal(m.channel, 'whatsapp');
    assert.equal(m.kind, 'image');
    assert.deepEqual(m.media?.caption, { text: 'Hi', pointer: '/message/content/image/caption' });
    assert.deepEqual(m.to, { text: '447700900000', pointer: '/to/number', style: 'digits' });
    assert.equal(provider.toModel({ from: { type: 'viber_service', id: 'x' }, to: { type: 'viber_service', number: '447700900000' }, message: {} })!.channel, 'viber');
    for (const v of [null, 3, [], {}, { to: 'x' }, { message: { content: { type: 'template', template: { parameters: [null, { default: 3 }] } } } }]) {
      assert.doesNotThrow(() => provider.toModel(v));
      assert.doesNotThrow(() => validateText(JSON.stringify(v), { fileName: FILE }));
    }
  });
});

describe('vonage and vonage-legacy shape detection over every example', () => {
  const files = listFiles(path.join(projectRoot(), 'examples'), (f) => f.endsWith('.json') && !f.endsWith('.templates.json') && !f.endsWith('-webhook.json'));

  it('finds examples to check', () => assert.ok(files.length > 20));
  for (const file of files) {
    const owner = providerForFile(file)?.id;
    it(`${path.basename(file)}`, () => {
      const value = JSON.parse(fs.readFileSync(file, 'utf8'));
      const v1 = providerById('vonage')!.detect(value);
      const legacy = providerById('vonage-legacy')!.detect(value);
      if (owner === 'vonage') assert.equal(detectProvider(value)?.id, 'vonage');
      else if (owner === 'vonage-legacy') assert.equal(detectProvider(value)?.id, 'vonage-legacy');
      else assert.ok(v1 < 0.5 && legacy < 0.5, `a ${owner} payload scored vonage ${v1}, vonage-legacy ${legacy}`);
    });
  }
});
