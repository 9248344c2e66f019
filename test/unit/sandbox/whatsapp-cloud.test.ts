import * as assert from 'node:assert/strict';
import { createSandbox, type Sandbox } from '../../../src/sandbox/server';
import { sandboxEndpoint } from '../../../src/sandbox/endpoints';
import { D360_KEY, WHATSAPP_TOKEN, assertNoSecrets, call } from './helpers';
import { SINK_SECRETS, sink, type Sink } from '../webhooks/sink';

const OPEN = '447700900555';
const CLOSED = '15551234567';
const text = (to: string) => ({ messaging_product: 'whatsapp', recipient_type: 'individual', to, type: 'text', text: { body: 'Hello' } });

describe('sandbox: WhatsApp Cloud API (Meta and 360dialog)', () => {
  let sandbox: Sandbox;
  let meta: string;
  let d360: string;
  let hooks: Sink;
  before(async () => {
    hooks = await sink();
    sandbox = await createSandbox({ whatsappTokens: [WHATSAPP_TOKEN], d360Keys: [D360_KEY], webhook: hooks.url, statusDelayMs: 0, webhookSecrets: SINK_SECRETS });
    meta = `${sandboxEndpoint(sandbox.url, 'whatsapp', 'bearer')}/v21.0/106540352242922/messages`;
    d360 = `${sandboxEndpoint(sandbox.url, 'whatsapp', 'd360')}/messages`;
  });
  after(async () => {
    await sandbox.close();
    await hooks.close();
  });
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

  it('accepts free-form text outside the window (200, a wamid), then reports it failed with 131047; templates and inbound-opened windows go through', async () => {
    for (const url of [meta, d360]) {
      const headers = url === meta ? asMeta : as360;
      const to = url === meta ? CLOSED : '15557654321';
      const statuses = async (body: unknown, n: number) => {
        const r = await call(url, 'POST', body, headers);
        assert.equal(r.status, 200, url);
        assert.match(r.json.messages[0].id, /^wamid\./);
        return (await hooks.about(r.json.messages[0].id, n)).map((g) => `${g.events[0].status}${g.events[0].errorCode ? ` ${g.events[0].errorCode}` : ''}`);
      };
      assert.deepEqual(await statuses(text(to), 1), ['failed 131047'], url);
      const template = { messaging_product: 'whatsapp', to, type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } };
      assert.deepEqual(await statuses(template, 3), ['sent', 'delivered', 'read'], url);
      const inbound = await call(sandbox.url + '/_sandbox/inbound', 'POST', { from: '+' + to });
      assert.equal(inbound.status, 200);
      assert.deepEqual(await statuses(text(to), 3), ['sent', 'delivered', 'read'], url);
    }
  });

  it('marks a message as read on the same path, whatever the window', async () => {
    const id = sandbox.inbound('15550001111').messageIds.whatsapp;
    for (const [url, headers] of [
      [meta, asMeta],
      [d360, as360],
    ] as const) {
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
