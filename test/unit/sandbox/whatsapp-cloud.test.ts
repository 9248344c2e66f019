import * as assert from 'node:assert/strict';
import { createSandbox, type Sandbox } from '../../../src/sandbox/server';
import { sandboxEndpoint } from '../../../src/sandbox/endpoints';
import { D360_KEY, WHATSAPP_TOKEN, assertNoSecrets, call } from './helpers';

const OPEN = '447700900555';
const CLOSED = '15551234567';
const text = (to: string) => ({ messaging_product: 'whatsapp', recipient_type: 'individual', to, type: 'text', text: { body: 'Hello' } });

describe('sandbox: WhatsApp Cloud API (Meta and 360dialog)', () => {
  let sandbox: Sandbox;
  let meta: string;
  let d360: string;
  before(async () => {
    sandbox = await createSandbox({ whatsappTokens: [WHATSAPP_TOKEN], d360Keys: [D360_KEY] });
    meta = `${sandboxEndpoint(sandbox.url, 'whatsapp', 'bearer')}/v21.0/106540352242922/messages`;
    d360 = `${sandboxEndpoint(sandbox.url, 'whatsapp', 'd360')}/messages`;
  });
  after(() => sandbox.close());
  const asMeta = { authorization: `Bearer ${WHATSAPP_TOKEN}` };
  const as360 = { 'd360-api-key': D360_KEY };

  it('accepts a text on the Graph path: contacts and a wamid', async () => {
    const r = await call(meta, 'POST', text('+447700900555'), asMeta);
    assert.equal(r.status, 200);
    assert.equal(r.json.messaging_product, 'whatsapp');
    assert.deepEqual(r.json.contacts, [{ input: '+447700900555', wa_id: OPEN }]);
    assert.match(r.json.messages[0].id, /^wamid\.[A-Za-z0-9+/=]+$/);
    const last = sandbox.messages().at(-1)!;
    assert.equal(last.api, 'whatsapp-meta');
    assert.equal(last.id, r.json.messages[0].id);
  });

  it('accepts the same on 360dialog Cloud with D360-API-KEY', async () => {
    const r = await call(d360, 'POST', text(OPEN), as360);
    assert.equal(r.status, 200);
    assert.match(r.json.messages[0].id, /^wamid\./);
    assert.equal(sandbox.messages().at(-1)!.api, 'whatsapp-360');
  });

  it('answers a bad token with 401 OAuthException code 190', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong' }, as360] as Record<string, string>[]) {
      const r = await call(meta, 'POST', text(OPEN), headers);
      assert.equal(r.status, 401);
      assert.equal(r.json.error.type, 'OAuthException');
      assert.equal(r.json.error.code, 190);
      assert.equal(typeof r.json.error.fbtrace_id, 'string');
      assertNoSecrets(r.text);
    }
  });

  it('answers a bad 360dialog key with 401 the way 360dialog does', async () => {
    const r = await call(d360, 'POST', text(OPEN), { 'd360-api-key': 'wrong' });
    assert.equal(r.status, 401);
    assert.equal(r.json.meta.success, false);
    assert.equal(r.json.meta.http_code, 401);
  });

  it('answers a missing recipient with 400 code 131008 naming the field', async () => {
    const { to: _to, ...noTo } = text(OPEN);
    const r = await call(meta, 'POST', noTo, asMeta);
    assert.equal(r.status, 400);
    assert.equal(r.json.error.code, 131008);
    assert.match(r.json.error.message, /^\(#131008\)/);
    assert.match(r.json.error.error_data.details, /\bto\b/);
  });

  it('answers a body that is not an object with a 400 Graph error', async () => {
    const r = await call(meta, 'POST', '"just a string"', asMeta);
    assert.equal(r.status, 400);
    assert.ok([100, 131008, 131009].includes(r.json.error.code), JSON.stringify(r.json));
    assert.equal(typeof r.json.error.error_data.details, 'string');
  });

  it('answers malformed JSON with 400 code 100 and a huge body with 413', async () => {
    const bad = await call(meta, 'POST', '{"to": ', asMeta);
    assert.equal(bad.status, 400);
    assert.equal(bad.json.error.code, 100);
    const huge = await call(meta, 'POST', { ...text(OPEN), text: { body: 'x'.repeat(2 * 1024 * 1024) } }, asMeta);
    assert.equal(huge.status, 413);
  });

  it('refuses free-form text outside the window with 131047, allows templates, and inbound opens it', async () => {
    for (const url of [meta, d360]) {
      const headers = url === meta ? asMeta : as360;
      const to = url === meta ? CLOSED : '15557654321';
      const closed = await call(url, 'POST', text(to), headers);
      assert.equal(closed.status, 400, url);
      assert.equal(closed.json.error.code, 131047);
      assert.match(closed.json.error.message, /Re-engagement message/);
      const template = { messaging_product: 'whatsapp', to, type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } };
      assert.equal((await call(url, 'POST', template, headers)).status, 200, url);
      const inbound = await call(sandbox.url + '/_sandbox/inbound', 'POST', { from: '+' + to });
      assert.equal(inbound.status, 200);
      assert.equal((await call(url, 'POST', text(to), headers)).status, 200, url);
    }
  });

  it('marks a message as read on the same path, whatever the window', async () => {
    const id = sandbox.inbound('15550001111').messageIds.whatsapp;
    for (const [url, headers] of [[meta, asMeta], [d360, as360]] as const) {
      const r = await call(url, 'POST', { messaging_product: 'whatsapp', status: 'read', message_id: id }, headers);
      assert.equal(r.status, 200);
      assert.deepEqual(r.json, { success: true });
      const last = sandbox.messages().at(-1)!;
      assert.equal(last.kind, 'mark-read');
      assert.equal(last.id, id);
      const missing = await call(url, 'POST', { messaging_product: 'whatsapp', status: 'read' }, headers);
      assert.equal(missing.status, 400);
      assert.match(missing.json.error.error_data.details, /message_id/);
    }
  });

  it('404s a Graph-like path that is not /{version}/{id}/messages, naming the sandbox paths', async () => {
    const r = await call(`${sandbox.url}/v21.0/messages`, 'POST', text(OPEN), asMeta);
    assert.equal(r.status, 404);
    assert.match(r.json.error.message, /\/v1\/messages/);
    assert.match(r.json.error.message, /_sandbox\/inbound/);
  });
});
