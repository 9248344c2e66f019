/**
 * The sandbox's webhooks as a handler sees them: raw requests captured by a plain server, the
 * signatures checked here with node's crypto and jose (not with the code under test), statuses in
 * order and shape for open and closed windows, customers' replies, and mark-as-read.
 */
import * as assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { jwtVerify } from 'jose';
import { createSandbox, type Sandbox } from '../../../src/sandbox/server';
import { APP_ID, BASIC, WHATSAPP_TOKEN, appKeys, call, vonageJwt } from './helpers';
import { recordingServer, type Recorded, type RecordingServer } from '../core/http/recording-server';

const APP_SECRET = 'sandbox-test-app-secret';
const SIG_SECRET = 'sandbox-test-signature-secret-0123456789';
const GRAPH = '/v21.0/106540352242922/messages';

function metaValid(r: Recorded): boolean {
  return r.headers['x-hub-signature-256'] === 'sha256=' + createHmac('sha256', APP_SECRET).update(r.body).digest('hex');
}
async function vonageValid(r: Recorded): Promise<boolean> {
  const token = String(r.headers.authorization ?? '').replace(/^Bearer /, '');
  const { payload } = await jwtVerify(token, new TextEncoder().encode(SIG_SECRET), { algorithms: ['HS256'] });
  return payload.payload_hash === createHash('sha256').update(r.body).digest('hex') && typeof payload.iat === 'number';
}
const statusOf = (r: Recorded) => JSON.parse(r.body).entry[0].changes[0].value.statuses[0];

describe('sandbox: webhooks as the real APIs post them', function () {
  this.timeout(15000);
  let sandbox: Sandbox;
  let handler: RecordingServer;
  let elsewhere: RecordingServer;
  const ok = (_req: Recorded, res: import('node:http').ServerResponse) => res.end('ok');
  before(async () => {
    handler = await recordingServer(ok);
    elsewhere = await recordingServer(ok);
    sandbox = await createSandbox({
      whatsappTokens: [WHATSAPP_TOKEN],
      vonage: { publicKeys: [appKeys.publicKey], basic: [BASIC], applicationIds: [APP_ID] },
      webhook: handler.url + '/hook',
      statusDelayMs: 10,
      webhookSecrets: { whatsappAppSecret: APP_SECRET, vonageSignatureSecret: SIG_SECRET, vonageApiKey: BASIC.key, vonageApplicationId: APP_ID },
    });
  });
  after(async () => {
    await sandbox.close();
    await handler.close();
    await elsewhere.close();
  });

  const meta = (body: unknown) => call(sandbox.url + GRAPH, 'POST', body, { authorization: `Bearer ${WHATSAPP_TOKEN}` });
  const vonage = async (body: unknown) => call(sandbox.url + '/v1/messages', 'POST', body, { authorization: `Bearer ${await vonageJwt()}` });
  /** Waits until `n` captured requests mention `id`. */
  async function about(server: RecordingServer, id: string, n: number): Promise<Recorded[]> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const got = server.requests.filter((r) => r.body.includes(id));
      if (got.length >= n) return got;
      if (Date.now() > deadline) throw new Error(`${got.length} of ${n} webhooks about ${id}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  it("Cloud API, open window: sent, delivered, read, in Meta's envelope, with per-message pricing, signed with the app secret", async () => {
    const r = await meta({ messaging_product: 'whatsapp', to: '447700900321', type: 'text', text: { body: 'Hi' } });
    assert.equal(r.status, 200);
    const id = r.json.messages[0].id;
    const hooks = await about(handler, id, 3);
    assert.deepEqual(
      hooks.map((h) => statusOf(h).status),
      ['sent', 'delivered', 'read'],
    );
    for (const h of hooks) {
      assert.ok(metaValid(h), 'X-Hub-Signature-256 over the exact bytes');
      assert.equal(h.headers['content-type'], 'application/json');
      assert.equal(h.headers['user-agent'], 'facebookexternalua');
      assert.equal(h.path, '/hook');
      const body = JSON.parse(h.body);
      assert.equal(body.object, 'whatsapp_business_account');
      assert.equal(body.entry[0].changes[0].field, 'messages');
      assert.equal(body.entry[0].changes[0].value.metadata.phone_number_id, '106540352242922');
      const st = statusOf(h);
      assert.deepEqual([st.id, st.recipient_id, typeof st.timestamp], [id, '447700900321', 'string']);
      assert.deepEqual(st.pricing, { billable: false, pricing_model: 'PMP', category: 'service', type: 'free_customer_service' });
    }
  });

  it('Cloud API, closed window: 200 with a wamid, then one failed status with 131047', async () => {
    const r = await meta({ messaging_product: 'whatsapp', to: '15551239876', type: 'text', text: { body: 'Hi' } });
    assert.equal(r.status, 200);
    const [h] = await about(handler, r.json.messages[0].id, 1);
    await new Promise((res) => setTimeout(res, 100));
    assert.equal((await about(handler, r.json.messages[0].id, 1)).length, 1, 'nothing after the failure');
    const st = statusOf(h);
    assert.equal(st.status, 'failed');
    assert.equal(st.errors[0].code, 131047);
    assert.equal(st.errors[0].title, 'Re-engagement message');
    assert.equal(typeof st.errors[0].error_data.details, 'string');
    assert.ok(metaValid(h));
  });

  it('a template outside the window is delivered and charged (PMP regular)', async () => {
    const r = await meta({ messaging_product: 'whatsapp', to: '15551239877', type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } });
    const hooks = await about(handler, r.json.messages[0].id, 3);
    assert.deepEqual(statusOf(hooks[1]).pricing, { billable: true, pricing_model: 'PMP', category: 'utility', type: 'regular' });
  });

  it('Vonage: submitted, delivered, read for WhatsApp; submitted, delivered for SMS; signed HS256 with payload_hash', async () => {
    const wa = await vonage({ message_type: 'text', channel: 'whatsapp', to: '447700900321', from: '447700900000', text: 'Hi', client_ref: 'ref-1' });
    assert.equal(wa.status, 202);
    const hooks = await about(handler, wa.json.message_uuid, 3);
    assert.deepEqual(
      hooks.map((h) => JSON.parse(h.body).status),
      ['submitted', 'delivered', 'read'],
    );
    for (const h of hooks) {
      assert.ok(await vonageValid(h));
      const b = JSON.parse(h.body);
      assert.deepEqual([b.message_uuid, b.to, b.from, b.channel, b.client_ref], [wa.json.message_uuid, '447700900321', '447700900000', 'whatsapp', 'ref-1']);
    }
    const sms = await vonage({ message_type: 'text', channel: 'sms', to: '447700900321', from: 'Acme', text: 'Hi' });
    await about(handler, sms.json.message_uuid, 2);
    await new Promise((res) => setTimeout(res, 80));
    assert.deepEqual(
      (await about(handler, sms.json.message_uuid, 2)).map((h) => JSON.parse(h.body).status),
      ['submitted', 'delivered'],
    );
  });

  it('Vonage, closed window: 202, then a rejected status with error 1340', async () => {
    const r = await vonage({ message_type: 'text', channel: 'whatsapp', to: '15551239878', from: '447700900000', text: 'Hi' });
    assert.equal(r.status, 202);
    const [h] = await about(handler, r.json.message_uuid, 1);
    const b = JSON.parse(h.body);
    assert.equal(b.status, 'rejected');
    assert.equal(b.error.title, 1340);
    assert.match(b.error.type, /#1340$/);
    assert.ok(await vonageValid(h));
  });

  it("honours a Vonage payload's webhook_url, and its webhook_version v0.1", async () => {
    const r = await vonage({ message_type: 'text', channel: 'whatsapp', to: '447700900322', from: '447700900000', text: 'Hi', webhook_url: elsewhere.url + '/status', webhook_version: 'v0.1' });
    const hooks = await about(elsewhere, r.json.message_uuid, 3);
    assert.equal(handler.requests.filter((h) => h.body.includes(r.json.message_uuid)).length, 0, 'not to --webhook');
    const b = JSON.parse(hooks[0].body);
    assert.deepEqual(b.to, { type: 'whatsapp', number: '447700900322' });
    assert.equal(hooks[0].path, '/status');
  });

  it('POST /_sandbox/inbound: text in Cloud shape, opening the window; its id is what mark as read takes; a made-up id is refused', async () => {
    const before = handler.requests.length;
    const r = await call(sandbox.url + '/_sandbox/inbound', 'POST', { from: '+1 555 123 4444', text: 'Hello there' });
    assert.equal(r.status, 200);
    assert.equal(r.json.provider, 'whatsapp');
    assert.deepEqual(r.json.webhook, { url: handler.url + '/hook', status: 200 });
    const h = handler.requests.slice(before).find((x) => x.body.includes(r.json.id))!;
    assert.ok(metaValid(h));
    const m = JSON.parse(h.body).entry[0].changes[0].value;
    assert.deepEqual([m.messages[0].from, m.messages[0].type, m.messages[0].text.body, m.contacts[0].wa_id], ['15551234444', 'text', 'Hello there', '15551234444']);
    const read = await meta({ messaging_product: 'whatsapp', status: 'read', message_id: r.json.id });
    assert.equal(read.status, 200);
    const madeUp = await meta({ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.HBgLMTU1NTEyMzQ0NDQVAgARGBJBQkNERUYA' });
    assert.equal(madeUp.status, 400);
    assert.equal(madeUp.json.error.code, 100);
    const free = await meta({ messaging_product: 'whatsapp', to: '15551234444', type: 'text', text: { body: 'Thanks!' } });
    const [first] = await about(handler, free.json.messages[0].id, 1);
    assert.equal(statusOf(first).status, 'sent', 'the window is open now');
  });

  it('a tapped reply button or list row comes back with its context, in the shape of the provider that sent the message', async () => {
    const buttons = await meta({
      messaging_product: 'whatsapp',
      to: '447700900400',
      type: 'interactive',
      interactive: { type: 'button', body: { text: 'Confirm?' }, action: { buttons: [{ type: 'reply', reply: { id: 'yes', title: 'Yes' } }] } },
    });
    const list = await meta({
      messaging_product: 'whatsapp',
      to: '447700900400',
      type: 'interactive',
      interactive: { type: 'list', body: { text: 'Pick' }, action: { button: 'Options', sections: [{ rows: [{ id: 'r1', title: 'One' }] }] } },
    });
    const tap = async (context: string, reply: Record<string, string>) => {
      const r = await call(sandbox.url + '/_sandbox/inbound', 'POST', { from: '447700900400', reply, context });
      assert.equal(r.status, 200, JSON.stringify(r.json));
      const [h] = (await about(handler, r.json.id, 1)).filter((x) => x.body.includes(r.json.id));
      return JSON.parse(h.body).entry[0].changes[0].value.messages[0];
    };
    const b = await tap(buttons.json.messages[0].id, { id: 'yes', title: 'Yes' });
    assert.deepEqual([b.type, b.interactive.type, b.interactive.button_reply, b.context.id], ['interactive', 'button_reply', { id: 'yes', title: 'Yes' }, buttons.json.messages[0].id]);
    const l = await tap(list.json.messages[0].id, { id: 'r1', title: 'One' });
    assert.deepEqual([l.interactive.type, l.interactive.list_reply.id, l.context.id], ['list_reply', 'r1', list.json.messages[0].id]);

    const v = await vonage({
      message_type: 'custom',
      channel: 'whatsapp',
      to: '447700900401',
      from: '447700900000',
      custom: { type: 'interactive', interactive: { type: 'button', body: { text: 'Ok?' }, action: { buttons: [{ type: 'reply', reply: { id: 'ok', title: 'OK' } }] } } },
    });
    assert.equal(v.status, 202, JSON.stringify(v.json));
    const r = await call(sandbox.url + '/_sandbox/inbound', 'POST', { from: '447700900401', reply: { id: 'ok', title: 'OK' }, context: v.json.message_uuid });
    assert.equal(r.json.provider, 'vonage');
    const [h] = (await about(handler, r.json.id, 1)).filter((x) => x.body.includes(r.json.id));
    const body = JSON.parse(h.body);
    assert.deepEqual([body.message_type, body.reply.id, body.context.message_uuid, body.from, body.to], ['reply', 'ok', v.json.message_uuid, '447700900401', '447700900000']);
    assert.ok(await vonageValid(h));
  });

  it('refuses a reply whose context is not a message sent to that number, and malformed bodies', async () => {
    const cases: [unknown, RegExp][] = [
      [{ from: '447700900400', reply: { id: 'x', title: 'X' }, context: 'wamid.madeup' }, /context/],
      [{ from: '447700900400', reply: { id: 'x', title: 'X' } }, /context.*required/],
      [{ from: '447700900400', text: 'a', reply: { id: 'x', title: 'X' } }, /not both/],
      [{ from: '447700900400', text: '' }, /text/],
      [{ from: '447700900400', text: 'hi', provider: 'gateway' }, /provider/],
      [{ from: 'abc', text: 'hi' }, /from|number/],
    ];
    for (const [body, reason] of cases) {
      const r = await call(sandbox.url + '/_sandbox/inbound', 'POST', body);
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.match(r.json.error.message, reason);
    }
  });
});
