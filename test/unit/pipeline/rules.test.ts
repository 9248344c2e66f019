import * as assert from 'node:assert/strict';
import { applyEdits } from '../../../src/core/edits';
import { validateText } from '../../../src/pipeline/validate';
import { createCatalog } from '../../../src/core/templates';
import { restrictedPlace } from '../../../src/core/lint/restricted';

function lint(payload: unknown, file = 'x.gateway.json', templates = createCatalog()) {
  const text = typeof payload === 'string' ? payload : JSON.stringify(payload, null, 2);
  const result = validateText(text, { fileName: file, templates });
  return { text, result, problems: result.problems };
}

function slice(text: string, p: { start: number; end: number }) {
  return text.slice(p.start, p.end);
}

describe('phone-format (gateway: "+" and digits)', () => {
  const cases: [string, string | undefined][] = [
    ['447700900000', '+447700900000'],
    ['+44 7700 900000', '+447700900000'],
    ['+44-7700-900-000', '+447700900000'],
    ['00447700900000', '+447700900000'],
    ['(+44) 7700.900000', '+447700900000'],
  ];
  for (const [raw, fixed] of cases) {
    it(`"${raw}" is reported on the value and fixed to ${fixed}`, () => {
      const { text, problems } = lint({ phone: raw, message: 'hi' });
      const p = problems.find((x) => x.code === 'phone-format');
      assert.ok(p, 'no phone-format problem');
      assert.equal(p.pointer, '/phone');
      assert.equal(slice(text, p), JSON.stringify(raw));
      assert.equal(p.fixes?.length, 1);
      const repaired = applyEdits(text, p.fixes[0].edits);
      assert.equal(JSON.parse(repaired).phone, fixed);
      assert.equal(lint(repaired).problems.filter((x) => x.code === 'phone-format').length, 0);
    });
  }

  it('accepts a well-formed number and placeholders', () => {
    assert.equal(lint({ phone: '+447700900000', message: 'hi' }).problems.length, 0);
    assert.equal(lint({ phone: '{{TO_NUMBER}}', message: 'hi' }).problems.length, 0);
  });

  it('rejects letters, too few and too many digits, with no fix', () => {
    for (const raw of ['+44abc', '+1234567', '+1234567890123456', '+0447700900000']) {
      const p = lint({ phone: raw, message: 'hi' }).problems.find((x) => x.code === 'phone-format');
      assert.ok(p, raw);
      assert.equal(p.fixes, undefined, raw);
    }
  });
});

describe('restricted-destination', () => {
  it('knows the countries of seed 001 by calling code', () => {
    assert.match(restrictedPlace('+5351234567')!, /Cuba/);
    assert.match(restrictedPlace('989121234567')!, /Iran/);
    assert.match(restrictedPlace('+850212345678')!, /North Korea/);
    assert.match(restrictedPlace('00963112345678')!, /Syria/);
    assert.match(restrictedPlace('+380652123456')!, /Crimea/);
    assert.equal(restrictedPlace('+447700900000'), undefined);
    assert.equal(restrictedPlace('+15551234567'), undefined);
  });

  it('reports a WhatsApp recipient in Cuba as an error on the number', () => {
    const { text, problems } = lint({ phone: '+5351234567', message: 'hi' });
    const p = problems.find((x) => x.code === 'restricted-destination');
    assert.ok(p);
    assert.equal(p.severity, 'error');
    assert.equal(slice(text, p), '"+5351234567"');
  });
});

describe('buttons and lists', () => {
  it('flags a repeated button title on the second button', () => {
    const { text, problems } = lint({
      phone: '+447700900000',
      message: 'Pick',
      buttons: [
        { id: 'a', title: 'Yes' },
        { id: 'b', title: 'No' },
        { id: 'c', title: 'Yes' },
      ],
    });
    const p = problems.find((x) => x.code === 'duplicate-button-title');
    assert.ok(p);
    assert.equal(p.pointer, '/buttons/2/title');
    assert.equal(slice(text, p), '"Yes"');
    assert.match(p.message, /button 1/);
  });
});

describe('credential-in-payload', () => {
  it('warns on a token property and its fix removes it, leaving valid JSON', () => {
    const { text, problems } = lint({ phone: '+447700900000', token: 'abcdef123456', message: 'hi' });
    const p = problems.find((x) => x.code === 'credential-in-payload');
    assert.ok(p);
    assert.equal(p.severity, 'warning');
    assert.equal(problems.filter((x) => x.pointer === '/token').length, 1);
    assert.equal(slice(text, p), '"token": "abcdef123456"');
    const fixed = JSON.parse(applyEdits(text, p.fixes![0].edits));
    assert.deepEqual(fixed, { phone: '+447700900000', message: 'hi' });
  });

  it('warns on a JWT or a private key in any string value', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJhcHBsaWNhdGlvbl9pZCI6IjEyMyJ9.c2lnbmF0dXJlc2lnbmF0dXJlc2ln';
    const a = lint({ phone: '+447700900000', message: jwt }).problems.find((x) => x.code === 'credential-in-payload');
    assert.match(a!.message, /JWT/);
    const b = lint({ phone: '+447700900000', message: '-----BEGIN PRIVATE KEY-----\nMIIE...' }).problems.find((x) => x.code === 'credential-in-payload');
    assert.match(b!.message, /private key/);
  });

  it('does not warn on a placeholder', () => {
    assert.equal(lint({ phone: '+447700900000', message: 'hi', token: '{{GATEWAY_TOKEN}}' }).problems.filter((x) => x.code === 'credential-in-payload').length, 0);
  });
});

describe('provider resolution', () => {
  it('names the suffixes when a file matches no provider', () => {
    const { problems } = lint({ hello: 'world' }, 'payload.json');
    assert.equal(problems[0].code, 'unknown-provider');
    assert.match(problems[0].message, /\.vonage\.json/);
    assert.match(problems[0].message, /\.gateway\.json/);
  });

  it('detects a gateway payload without a suffix', () => {
    assert.equal(lint({ phone: '+447700900000', message: 'hi' }, 'payload.json').result.provider?.id, 'gateway');
  });
});

describe('robustness', () => {
  it('never throws on half-written or wrong-shaped input (no rule or model mapping fails)', () => {
    const thrown: string[] = [];
    const inputs = ['{', '[]', '"x"', '42', 'null', '{"phone": 5, "message": [], "buttons": "x"}', '{"buttons": [null, 3, {"title": 7}]}', '{"phone": "+44', '\u0000\u0001'];
    for (const text of inputs) {
      for (const file of ['x.gateway.json', 'x.vonage.json', 'x.whatsapp.json', 'x.whatsapp-onprem.json', 'x.vonage-legacy.json', 'x.json']) {
        const r = validateText(text, { fileName: file, onRuleError: (e, where) => thrown.push(`${where} on ${file}: ${(e as Error).message}`) });
        assert.ok(Array.isArray(r.problems));
      }
    }
    assert.deepEqual(thrown, []);
  });
});
