import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { Readable } from 'node:stream';
import { request } from 'undici';
import { createSandbox, type Sandbox } from '../../../src/sandbox/server';
import { CustomerWindow, WINDOW_MS, normalizeNumber } from '../../../src/sandbox/customer-window';
import { sandboxEndpoint } from '../../../src/sandbox/endpoints';
import { parseJson } from '../../../src/sandbox/body';
import { fieldName } from '../../../src/sandbox/reply';
import { GATEWAY_TOKEN, call } from './helpers';

describe('sandbox: control endpoints and robustness', () => {
  let sandbox: Sandbox;
  const lines: string[] = [];
  before(async () => {
    sandbox = await createSandbox({ gatewayTokens: [GATEWAY_TOKEN], maxMessages: 3, log: (l) => lines.push(l) });
  });
  after(() => sandbox.close());

  it('listens on loopback at a random port', () => {
    assert.match(sandbox.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.notEqual(sandbox.url, 'http://127.0.0.1:0');
  });

  it('reports health with every provider endpoint and which credentials are configured, no values', async () => {
    const r = await call(sandbox.url + '/_sandbox/health', 'GET');
    assert.equal(r.status, 200);
    assert.equal(r.json.ok, true);
    assert.equal(r.json.url, sandbox.url);
    assert.ok(r.json.endpoints.some((e: { endpoint: string }) => e.endpoint === sandbox.url + '/onprem/v1'));
    assert.deepEqual(r.json.credentials, { vonage: false, whatsappTokens: 0, d360Keys: 0, gatewayTokens: 1 });
    assert.ok(!r.text.includes(GATEWAY_TOKEN));
  });

  it('keeps only the last maxMessages messages', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await call(sandboxEndpoint(sandbox.url, 'gateway'), 'POST', { token: GATEWAY_TOKEN, phone: '+447700900100', message: `m${i}` });
      assert.equal(r.status, 200);
      ids.push(r.json.message_id);
    }
    assert.deepEqual(
      sandbox.messages().map((m) => m.id),
      ids.slice(2),
    );
    const listed = await call(sandbox.url + '/_sandbox/messages', 'GET');
    assert.deepEqual(
      listed.json.messages.map((m: { id: string }) => m.id),
      ids.slice(2),
    );
  });

  it('validates the inbound control body', async () => {
    for (const body of [{}, { from: 12 }, { from: 'abc' }, '{bad']) {
      const r = await call(sandbox.url + '/_sandbox/inbound', 'POST', body);
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.match(r.json.error.message, /from|JSON/);
    }
  });

  it('refuses to open a window for something that is not a number', () => {
    assert.throws(() => sandbox.inbound('not-a-number'), /not a phone number/);
    assert.throws(() => sandbox.inbound('12'), /not a phone number/);
    assert.equal(sandbox.inbound('+44 7700 900123').from, '447700900123');
  });

  it('answers unknown paths with 404 listing the routes, and wrong methods with 405', async () => {
    const missing = await call(sandbox.url + '/nope', 'GET');
    assert.equal(missing.status, 404);
    assert.ok(missing.json.error.routes.length >= 8);
    assert.match(missing.json.error.message, /GET \/nope/);
    const wrong = await call(sandbox.url + '/v1/messages', 'GET');
    assert.equal(wrong.status, 405);
    assert.match(wrong.json.error.message, /POST/);
  });

  it('survives garbage on the socket and keeps answering', async () => {
    await new Promise<void>((resolve) => {
      const { port } = new URL(sandbox.url);
      const s = net.connect(Number(port), '127.0.0.1', () => s.write('NOT HTTP AT ALL\r\n\r\n'));
      s.on('data', () => undefined);
      s.on('close', () => resolve());
      s.on('error', () => resolve());
    });
    const results = await Promise.all(Array.from({ length: 20 }, () => call(sandbox.url + '/_sandbox/health', 'GET')));
    assert.ok(results.every((r) => r.status === 200));
  });

  it('logs method, path and status but never the body or headers', async () => {
    lines.length = 0;
    await call(sandboxEndpoint(sandbox.url, 'gateway'), 'POST', { token: GATEWAY_TOKEN, phone: '+447700900100', message: 'secret-ish text' });
    assert.equal(lines.length, 1);
    assert.match(lines[0], /^POST \/gateway\/send -> 200/);
    assert.ok(!lines.join('\n').includes(GATEWAY_TOKEN));
    assert.ok(!lines.join('\n').includes('secret-ish'));
  });

  it('caps a chunked body with no Content-Length at 413 too', async () => {
    const chunks = (function* () {
      for (let i = 0; i < 40; i++) yield Buffer.alloc(64 * 1024, 0x61);
    })();
    const res = await request(sandboxEndpoint(sandbox.url, 'gateway'), { method: 'POST', body: Readable.from(chunks), headers: { 'content-type': 'application/json' } }).catch((e: Error) => e);
    assert.ok(!(res instanceof Error), String(res));
    assert.equal(res.statusCode, 413);
    await res.body.text();
    const after = await call(sandbox.url + '/_sandbox/health', 'GET');
    assert.equal(after.status, 200);
  });

  it('refuses to start with a public key that is not PEM, saying so', async () => {
    await assert.rejects(createSandbox({ vonage: { publicKeys: ['not a key'] } }), /public key 1 is not a PEM/);
  });
});

describe('sandbox: customer window', () => {
  it('normalizes any written form of a number', () => {
    assert.equal(normalizeNumber('+44 (0) 7700-900123'), '4407700900123');
    assert.equal(normalizeNumber('0044 7700 900123'), '447700900123');
    assert.equal(normalizeNumber('+447700900123'), '447700900123');
  });

  it('treats the drama range as recently written and others as closed until inbound', () => {
    let t = 1_000_000;
    const w = new CustomerWindow(() => t);
    assert.equal(w.isOpen('+44 7700 900999'), true);
    assert.equal(w.isOpen('447700901000'), false);
    w.inbound('447700901000');
    assert.equal(w.isOpen('+447700901000'), true);
    t += WINDOW_MS - 1;
    assert.equal(w.isOpen('447700901000'), true);
    t += 1;
    assert.equal(w.isOpen('447700901000'), false);
  });
});

describe('sandbox: helpers', () => {
  it('names fields the way the providers do', () => {
    assert.equal(fieldName('/buttons/0/title'), 'buttons[0].title');
    assert.equal(fieldName('/whatsapp/locale'), 'whatsapp.locale');
    assert.equal(fieldName('/a~1b'), 'a/b');
    assert.equal(fieldName(''), '(body)');
  });

  it('locates JSON errors without quoting the text', () => {
    const r = parseJson('{\n  "token": "s3cret",\n  "x": }');
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.match(r.detail, /line 3, column 8/);
      assert.ok(!r.detail.includes('s3cret'));
    }
    assert.deepEqual(parseJson('{"a":1}'), { ok: true, value: { a: 1 } });
    assert.equal(parseJson('  ').ok, false);
  });

  it('maps every provider and auth to its sandbox base', () => {
    const b = 'http://127.0.0.1:9/';
    assert.equal(sandboxEndpoint(b, 'vonage'), 'http://127.0.0.1:9');
    assert.equal(sandboxEndpoint(b, 'vonage-legacy'), 'http://127.0.0.1:9');
    assert.equal(sandboxEndpoint(b, 'whatsapp', 'bearer'), 'http://127.0.0.1:9');
    assert.equal(sandboxEndpoint(b, 'whatsapp', 'd360'), 'http://127.0.0.1:9/360');
    assert.equal(sandboxEndpoint(b, 'whatsapp-onprem', 'd360'), 'http://127.0.0.1:9/onprem/v1');
    assert.equal(sandboxEndpoint(b, 'gateway', 'token'), 'http://127.0.0.1:9/gateway/send');
  });
});
