import * as assert from 'node:assert/strict';
import { createSandbox, type Sandbox } from '../../../src/sandbox/server';
import { sandboxEndpoint } from '../../../src/sandbox/endpoints';
import { GATEWAY_TOKEN, assertNoSecrets, call } from './helpers';

const OPEN = '+447700900321';
const CLOSED = '+919876543210';

describe('sandbox: token gateway', () => {
  let sandbox: Sandbox;
  let url: string;
  before(async () => {
    sandbox = await createSandbox({ gatewayTokens: [GATEWAY_TOKEN] });
    url = sandboxEndpoint(sandbox.url, 'gateway');
  });
  after(() => sandbox.close());
  const msg = (phone: string, extra: Record<string, unknown> = {}) => ({ token: GATEWAY_TOKEN, phone, message: 'Hello *there*', ...extra });

  it('accepts a message at the full URL with the token in the body, and never keeps the token', async () => {
    assert.equal(url, sandbox.url + '/gateway/send');
    const r = await call(url, 'POST', msg(OPEN, { header: 'Hi', footer: 'Bye', buttons: [{ id: 'y', title: 'Yes' }] }));
    assert.equal(r.status, 200);
    assert.equal(r.json.success, true);
    assert.match(r.json.message_id, /^gw_[0-9a-f]{24}$/);
    const last = sandbox.messages().at(-1)!;
    assert.equal(last.id, r.json.message_id);
    assert.equal((last.body as Record<string, unknown>).token, undefined);
    assertNoSecrets(JSON.stringify(sandbox.messages()));
    const listed = await call(sandbox.url + '/_sandbox/messages', 'GET');
    assertNoSecrets(listed.text);
    assert.ok(listed.json.messages.some((m: { id: string }) => m.id === r.json.message_id));
  });

  it('answers a missing or wrong token with 401 JSON', async () => {
    for (const body of [{ phone: OPEN, message: 'x' }, msg(OPEN, { token: 'wrong' })]) {
      const r = await call(url, 'POST', body);
      assert.equal(r.status, 401);
      assert.equal(r.json.success, false);
      assert.equal(r.json.error.code, 'invalid_token');
    }
  });

  it('answers a schema error with the field: a button title over 20 characters', async () => {
    const r = await call(url, 'POST', msg(OPEN, { buttons: [{ id: 'a', title: 'This title is far too long' }] }));
    assert.equal(r.status, 400);
    assert.equal(r.json.error.code, 'invalid_parameter');
    assert.equal(r.json.error.field, 'buttons[0].title');
    assert.match(r.json.error.message, /20/);
  });

  it('answers a missing phone and an unknown property', async () => {
    const { phone: _p, ...noPhone } = msg(OPEN);
    const r = await call(url, 'POST', noPhone);
    assert.equal(r.status, 400);
    assert.equal(r.json.error.field, 'phone');
    const typo = await call(url, 'POST', msg(OPEN, { mesage: 'typo' }));
    assert.equal(typo.status, 400);
    assert.match(typo.json.error.message, /mesage/);
  });

  it('answers malformed JSON and huge bodies without echoing the token', async () => {
    const bad = await call(url, 'POST', `{"token": "${GATEWAY_TOKEN}", "phone": }`);
    assert.equal(bad.status, 400);
    assert.equal(bad.json.error.code, 'invalid_json');
    assertNoSecrets(bad.text);
    const huge = await call(url, 'POST', msg(OPEN, { message: 'y'.repeat(1_100_000) }));
    assert.equal(huge.status, 413);
  });

  it('refuses text outside the window, pointing at the template endpoint; inbound opens it', async () => {
    const closed = await call(url, 'POST', msg(CLOSED));
    assert.equal(closed.status, 422);
    assert.equal(closed.json.error.code, 'window_closed');
    assert.match(closed.json.error.message, /24-hour/);
    assert.match(closed.json.error.message, /[Tt]emplate endpoint/);
    const inbound = await call(sandbox.url + '/_sandbox/inbound', 'POST', { from: '919876543210' });
    assert.equal(inbound.status, 200);
    assert.equal((await call(url, 'POST', msg(CLOSED))).status, 200);
  });
});
