/** Meta's X-Hub-Signature-256, checked against node's own crypto both ways, and the events of Cloud webhooks. */
import * as assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { metaHeaders, verifyMetaSignature, webhooks } from '../../../../src/providers/whatsapp/webhooks';
import { projectRoot } from '../../helpers';

const SECRET = 'meta-app-secret-for-tests';
const sign = (body: Buffer | string, secret = SECRET) => 'sha256=' + createHmac('sha256', secret).update(body).digest('hex');
const example = (name: string) => fs.readFileSync(path.join(projectRoot(), 'examples', 'webhooks', 'whatsapp', name));

describe('providers/whatsapp/webhooks: X-Hub-Signature-256', () => {
  // Meta's bytes escape non-ASCII, so the raw body and its re-serialisation differ.
  const raw = Buffer.from(
    '{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"1"},"messages":[{"from":"447700900123","id":"wamid.x","timestamp":"1749416383","type":"text","text":{"body":"Caf\\u00e9 \\/ ok"}}]}}]}]}',
  );

  it('accepts a signature node computes over the raw bytes, and signs what node verifies', async () => {
    assert.deepEqual(verifyMetaSignature({ body: raw, headers: { 'x-hub-signature-256': sign(raw) } }, SECRET), { verified: true });
    const headers = await metaHeaders(raw, { whatsappAppSecret: SECRET });
    assert.equal(headers['x-hub-signature-256'], sign(raw));
    assert.equal(headers['x-hub-signature'], 'sha1=' + createHmac('sha1', SECRET).update(raw).digest('hex'));
    assert.equal(headers['content-type'], 'application/json');
    assert.equal(headers['user-agent'], 'facebookexternalua');
  });

  it('names the classic mistake: a signature over the re-serialised body', () => {
    const reserialised = JSON.stringify(JSON.parse(raw.toString()));
    assert.notEqual(reserialised, raw.toString(), 'the fixture must differ from its re-serialisation');
    const r = verifyMetaSignature({ body: raw, headers: { 'x-hub-signature-256': sign(reserialised) } }, SECRET);
    assert.equal(r.verified, false);
    assert.match((r as { reason: string }).reason, /re-serialised.*JSON\.stringify.*parsed JSON/s);
  });

  it('refuses a wrong secret, a missing header and malformed headers, each with its reason', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ 'x-hub-signature-256': sign(raw, 'another-secret') }, /does not match/],
      [{}, /No X-Hub-Signature-256/],
      [{ 'x-hub-signature-256': 'sha1=' + 'a'.repeat(40) }, /Malformed/],
      [{ 'x-hub-signature-256': 'sha256=xyz' }, /Malformed/],
      [{ 'x-hub-signature-256': 'sha256=' + 'a'.repeat(63) }, /Malformed/],
      [{ 'x-hub-signature-256': '\u001b[31mred' }, /Malformed/],
    ];
    for (const [headers, reason] of cases) {
      const r = verifyMetaSignature({ body: raw, headers }, SECRET);
      assert.equal(r.verified, false, JSON.stringify(headers));
      assert.match((r as { reason: string }).reason, reason);
      assert.ok(!(r as { reason: string }).reason.includes('\u001b'), 'no raw control character in a reason');
    }
  });

  it('checks nothing without a secret, and says so', () => {
    const r = verifyMetaSignature({ body: raw, headers: { 'x-hub-signature-256': sign(raw) } }, undefined);
    assert.equal(r.verified, null);
    assert.match((r as { reason: string }).reason, /WHATSAPP_APP_SECRET is not set/);
  });

  it('reads messages, replies, statuses with pricing and errors from the examples', () => {
    const text = webhooks.events(JSON.parse(example('inbound-text.whatsapp-webhook.json').toString()));
    assert.deepEqual(
      text.map((e) => [e.kind, e.from, e.to, e.type]),
      [['message', '447700900123', '15550783881', 'text']],
    );
    const list = webhooks.events(JSON.parse(example('list-reply.whatsapp-webhook.json').toString()))[0];
    assert.deepEqual(list.reply, { id: 'priority_express', title: 'Priority Mail Express' });
    assert.match(list.context ?? '', /^wamid\./);
    const failed = webhooks.events(JSON.parse(example('status-failed-window-closed.whatsapp-webhook.json').toString()))[0];
    assert.deepEqual([failed.kind, failed.status, failed.errorCode, failed.to], ['status', 'failed', 131047, '15551230000']);
    const charged = webhooks.events(JSON.parse(example('status-template-marketing.whatsapp-webhook.json').toString()))[0];
    assert.deepEqual(charged.pricing, { billable: true, model: 'PMP', category: 'marketing', type: 'regular' });
    assert.equal(charged.pointer, '/entry/0/changes/0/value/statuses/0');
  });

  it('never throws on bodies that are not webhooks', () => {
    for (const v of [null, 1, 'x', [], {}, { entry: 'x' }, { entry: [{ changes: [null, { value: { statuses: [1, null, {}] } }] }] }]) assert.ok(Array.isArray(webhooks.events(v)));
  });

  it('builds bodies its own schema accepts', () => {
    const status = webhooks.build.status({
      messageId: 'wamid.a',
      status: 'delivered',
      to: '447700900123',
      from: '15550000000',
      at: 1_750_000_000_000,
      pricing: { billable: false, category: 'service', type: 'free_customer_service' },
    });
    const inbound = webhooks.build.inbound({
      messageId: 'wamid.b',
      from: '447700900123',
      to: '15550000000',
      at: 1_750_000_000_000,
      reply: { id: 'r1', title: 'Row', kind: 'list' },
      context: 'wamid.a',
    });
    for (const body of [status, inbound]) assert.equal(webhooks.schema.safeParse(body).success, true, JSON.stringify(body));
    assert.equal((status as { entry: { changes: { value: { statuses: { pricing: { pricing_model: string } }[] } }[] }[] }).entry[0].changes[0].value.statuses[0].pricing.pricing_model, 'PMP');
  });
});
