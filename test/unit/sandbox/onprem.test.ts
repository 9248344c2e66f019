import * as assert from 'node:assert/strict';
import { createSandbox, type Sandbox } from '../../../src/sandbox/server';
import { sandboxEndpoint } from '../../../src/sandbox/endpoints';
import { D360_KEY, assertNoSecrets, call } from './helpers';
import { SINK_SECRETS, sink, type Sink } from '../webhooks/sink';

const OPEN = '447700900777';
const CLOSED = '4915112345678';
const text = (to: string) => ({ recipient_type: 'individual', to, type: 'text', text: { body: 'Hello, dear customer!' } });

describe('sandbox: WhatsApp On-Premises (360dialog)', () => {
  let sandbox: Sandbox;
  let hooks: Sink;
  let base: string;
  before(async () => {
    hooks = await sink();
    sandbox = await createSandbox({ d360Keys: [D360_KEY], webhook: hooks.url, statusDelayMs: 0, webhookSecrets: SINK_SECRETS });
    base = sandboxEndpoint(sandbox.url, 'whatsapp-onprem');
  });
  after(async () => {
    await sandbox.close();
    await hooks.close();
  });
  const auth = { 'd360-api-key': D360_KEY };

  it('lives under /onprem/v1 and answers a send with 201 {messages:[{id}], meta}', async () => {
    assert.equal(base, sandbox.url + '/onprem/v1');
    const r = await call(`${base}/messages`, 'POST', text(OPEN), auth);
    assert.equal(r.status, 201);
    assert.equal(typeof r.json.messages[0].id, 'string');
    assert.ok(r.json.messages[0].id.length >= 20);
    assert.equal(r.json.meta.api_status, 'stable');
    assert.equal(typeof r.json.meta.version, 'string');
    assert.equal(sandbox.messages().at(-1)!.provider, 'whatsapp-onprem');
  });

  it('answers a missing or wrong D360-API-KEY with 401', async () => {
    for (const headers of [{}, { 'd360-api-key': 'wrong-key' }] as Record<string, string>[]) {
      const r = await call(`${base}/messages`, 'POST', text(OPEN), headers);
      assert.equal(r.status, 401);
      assert.equal(r.json.meta.success, false);
      assertNoSecrets(r.text);
    }
  });

  it('answers a missing recipient with errors[] code 1008 and meta', async () => {
    const { to: _to, ...noTo } = text(OPEN);
    const r = await call(`${base}/messages`, 'POST', noTo, auth);
    assert.equal(r.status, 400);
    assert.equal(r.json.errors[0].code, 1008);
    assert.match(r.json.errors[0].details, /\bto\b/);
    assert.equal(r.json.meta.api_status, 'stable');
  });

  it('answers malformed JSON with errors[] code 400, and a huge body with 413', async () => {
    const bad = await call(`${base}/messages`, 'POST', '{"to": "1", }', auth);
    assert.equal(bad.status, 400);
    assert.equal(bad.json.errors[0].code, 400);
    assert.match(bad.json.errors[0].details, /line 1, column \d+/);
    const huge = await call(`${base}/messages`, 'POST', 'x'.repeat(1024 * 1024 + 1), auth);
    assert.equal(huge.status, 413);
  });

  it('accepts free-form text outside the window (201), then posts a failed status with 470; templates and inbound-opened windows go through', async () => {
    const statuses = async (r: { status: number; json: { messages: { id: string }[] } }, n: number) => {
      assert.equal(r.status, 201);
      return (await hooks.about(r.json.messages[0].id, n)).map((g) => `${g.events[0].status}${g.events[0].errorCode ? ` ${g.events[0].errorCode}` : ''}`);
    };
    assert.deepEqual(await statuses(await call(`${base}/messages`, 'POST', text(CLOSED), auth), 1), ['failed 470']);
    const template = {
      to: CLOSED,
      type: 'template',
      template: { namespace: 'c8ae5f90_307a_ca4c_b8f6_d1e2a2573574', language: { policy: 'deterministic', code: 'en' }, name: 'welcome', components: [] },
    };
    assert.deepEqual(await statuses(await call(`${base}/messages`, 'POST', template, auth), 3), ['sent', 'delivered', 'read']);
    sandbox.inbound('+' + CLOSED);
    assert.deepEqual(await statuses(await call(`${base}/messages`, 'POST', text(CLOSED), auth), 3), ['sent', 'delivered', 'read']);
    assert.ok(
      hooks.got.every((g) => g.provider === 'whatsapp-onprem' && g.verified === null),
      'On-Premises signs nothing: unverified, said so',
    );
  });

  it('marks an incoming message as read with PUT /messages/{id}', async () => {
    const id = sandbox.inbound('447700900778').messageIds.onprem;
    const r = await call(`${base}/messages/${id}`, 'PUT', { status: 'read' }, auth);
    assert.equal(r.status, 200);
    assert.equal(sandbox.messages().at(-1)!.kind, 'mark-read');
    assert.equal((await call(`${base}/messages/${id}`, 'PUT', { status: 'read' })).status, 401);
    const oddId = await call(`${base}/messages/gBEG%E0%A4%A`, 'PUT', { status: 'read' }, auth);
    assert.equal(oddId.status, 404, 'a made-up id is refused, as the API refuses it');
    assert.equal(oddId.json.errors[0].code, 1006);
    assert.match(oddId.json.errors[0].details, /gBEG%E0%A4%A/, 'a malformed escape in the id is taken as written');
    const wrong = await call(`${base}/messages/${id}`, 'PUT', { status: 'seen' }, auth);
    assert.equal(wrong.status, 400);
    assert.match(wrong.json.errors[0].details, /status/);
  });
});
