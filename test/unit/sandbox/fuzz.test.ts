import * as assert from 'node:assert/strict';
import { createSandbox, type Sandbox } from '../../../src/sandbox/server';
import { BASIC, D360_KEY, GATEWAY_TOKEN, WHATSAPP_TOKEN, appKeys, call } from './helpers';

/** A small deterministic PRNG so a failure can be replayed. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

const KEYS = [
  'to',
  'from',
  'type',
  'text',
  'body',
  'message_type',
  'channel',
  'template',
  'messaging_product',
  'phone',
  'message',
  'buttons',
  'status',
  'message_id',
  'content',
  'number',
  'interactive',
  'custom',
  'whatsapp',
  '__proto__',
  'constructor',
];

function randomValue(r: () => number, depth: number): unknown {
  const pick = Math.floor(r() * (depth > 3 ? 5 : 7));
  switch (pick) {
    case 0:
      return null;
    case 1:
      return r() < 0.5;
    case 2:
      return Math.floor(r() * 1e6) - 5e5;
    case 3:
      return ['', 'whatsapp', 'text', 'template', 'read', '447700900000', '+15551234567', 'x'.repeat(Math.floor(r() * 5000)), '{{NAME}}', '\u0000\ud83d'][Math.floor(r() * 10)];
    case 4:
      return 'sms';
    case 5:
      return Array.from({ length: Math.floor(r() * 4) }, () => randomValue(r, depth + 1));
    default: {
      const o: Record<string, unknown> = {};
      for (let i = Math.floor(r() * 6); i > 0; i--) o[KEYS[Math.floor(r() * KEYS.length)]] = randomValue(r, depth + 1);
      return o;
    }
  }
}

describe('sandbox: random bodies never make it fail', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await createSandbox({ vonage: { publicKeys: [appKeys.publicKey], basic: [BASIC] }, whatsappTokens: [WHATSAPP_TOKEN], d360Keys: [D360_KEY], gatewayTokens: [GATEWAY_TOKEN] });
  });
  after(() => sandbox.close());

  const basic = 'Basic ' + Buffer.from(`${BASIC.key}:${BASIC.secret}`).toString('base64');
  const targets: [string, string, Record<string, string>][] = [
    ['POST', '/v1/messages', { authorization: basic }],
    ['PATCH', '/v1/messages/abc', { authorization: basic }],
    ['POST', '/v0.1/messages', { authorization: basic }],
    ['POST', '/v21.0/123/messages', { authorization: `Bearer ${WHATSAPP_TOKEN}` }],
    ['POST', '/360/messages', { 'd360-api-key': D360_KEY }],
    ['POST', '/onprem/v1/messages', { 'd360-api-key': D360_KEY }],
    ['PUT', '/onprem/v1/messages/abc', { 'd360-api-key': D360_KEY }],
    ['POST', '/gateway/send', {}],
    ['POST', '/_sandbox/inbound', {}],
  ];

  it('answers 300 random bodies across every endpoint with a 2xx or 4xx JSON reply', async () => {
    const r = rng(42);
    for (let i = 0; i < 300; i++) {
      const [method, path, headers] = targets[i % targets.length];
      let body = randomValue(r, 0);
      if (path === '/gateway/send' && body && typeof body === 'object' && !Array.isArray(body) && r() < 0.7) body = { ...body, token: GATEWAY_TOKEN };
      const res = await call(sandbox.url + path, method, body, headers);
      assert.ok(res.status < 500, `#${i} ${method} ${path} ${JSON.stringify(body).slice(0, 200)} -> ${res.status} ${res.text.slice(0, 200)}`);
      if (res.text) assert.notEqual(res.json, undefined, `#${i}: the reply is JSON`);
    }
    const health = await call(sandbox.url + '/_sandbox/health', 'GET');
    assert.equal(health.status, 200);
  });
});
