import * as assert from 'node:assert/strict';
import { createSandbox, type Sandbox } from '../../../src/sandbox/server';
import { APP_ID, BASIC, appKeys, assertNoSecrets, call, otherKeys, vonageJwt } from './helpers';
import { SINK_SECRETS, sink, type Sink } from '../webhooks/sink';

const OPEN = '447700900123'; // in the range that has "written recently"
const CLOSED = '447911123456';

describe('sandbox: Vonage Messages API', () => {
  let sandbox: Sandbox;
  let hooks: Sink;
  let clock = Date.now();
  before(async () => {
    hooks = await sink({ now: () => clock });
    sandbox = await createSandbox({
      vonage: { publicKeys: [appKeys.publicKey], basic: [BASIC], applicationIds: [APP_ID] },
      now: () => clock,
      webhook: hooks.url,
      statusDelayMs: 0,
      webhookSecrets: SINK_SECRETS,
    });
  });
  after(async () => {
    await sandbox.close();
    await hooks.close();
  });
  /** The first status webhook about a message: its status word and error code, and whether it verified. */
  const firstStatus = async (id: string) => {
    const [r] = await hooks.about(id, 1);
    return { status: r.events[0].status, errorCode: r.events[0].errorCode, verified: r.verified, provider: r.provider };
  };
  beforeEach(() => {
    clock = Date.now();
  });

  const send = async (body: unknown, auth?: string, path = '/v1/messages') => call(sandbox.url + path, 'POST', body, auth === undefined ? {} : { authorization: auth });
  // The sandbox checks JWT times against its (injected) clock, so sign by that clock.
  const bearer = async () => `Bearer ${await vonageJwt({ iat: Math.floor(clock / 1000) })}`;
  const sms = (to = OPEN) => ({ message_type: 'text', channel: 'sms', to, from: 'Acme', text: 'Hello' });
  const waText = (to: string) => ({ message_type: 'text', channel: 'whatsapp', to, from: '447700900000', text: 'Hello' });

  it('accepts a message with a valid JWT: 202 {message_uuid}', async () => {
    const r = await send(sms(), await bearer());
    assert.equal(r.status, 202);
    assert.match(r.json.message_uuid, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const last = sandbox.messages().at(-1)!;
    assert.equal(last.id, r.json.message_uuid);
    assert.equal(last.provider, 'vonage');
    assert.equal(last.to, OPEN);
  });

  it('accepts Basic key:secret and refuses a wrong secret', async () => {
    const good = await send(sms(), 'Basic ' + Buffer.from(`${BASIC.key}:${BASIC.secret}`).toString('base64'));
    assert.equal(good.status, 202);
    const bad = await send(sms(), 'Basic ' + Buffer.from(`${BASIC.key}:nope`).toString('base64'));
    assert.equal(bad.status, 401);
    assertNoSecrets(bad.text);
  });

  it('answers missing auth with a 401 RFC 7807 problem', async () => {
    const r = await send(sms());
    assert.equal(r.status, 401);
    assert.match(r.contentType, /^application\/problem\+json/);
    assert.equal(r.json.title, 'Unauthorized');
    assert.match(r.json.type, /unauthorized/);
    assert.equal(typeof r.json.instance, 'string');
    assert.match(r.json.detail, /Authorization/);
  });

  it('refuses a JWT signed by another key', async () => {
    const r = await send(sms(), `Bearer ${await vonageJwt({ privateKey: otherKeys.privateKey })}`);
    assert.equal(r.status, 401);
    assert.match(r.json.detail, /signature/);
  });

  it('refuses an expired JWT, and accepts one within the clock skew', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = await send(sms(), `Bearer ${await vonageJwt({ iat: now - 1000, exp: now - 60 })}`);
    assert.equal(expired.status, 401);
    assert.match(expired.json.detail, /expired/);
    const skewed = await send(sms(), `Bearer ${await vonageJwt({ iat: now - 900, exp: now - 2 })}`);
    assert.equal(skewed.status, 202);
  });

  it('refuses a JWT that lives more than 24 h after iat', async () => {
    const now = Math.floor(Date.now() / 1000);
    const r = await send(sms(), `Bearer ${await vonageJwt({ iat: now, exp: now + 24 * 3600 + 60 })}`);
    assert.equal(r.status, 401);
    assert.match(r.json.detail, /24 h/);
    const exactly = await send(sms(), `Bearer ${await vonageJwt({ iat: now, exp: now + 24 * 3600 })}`);
    assert.equal(exactly.status, 202);
  });

  it('refuses a JWT without a required claim or not yet valid', async () => {
    for (const claim of ['jti', 'application_id', 'exp', 'iat']) {
      const r = await send(sms(), `Bearer ${await vonageJwt({ omit: [claim] })}`);
      assert.equal(r.status, 401, claim);
      assert.match(r.json.detail, new RegExp(claim), claim);
    }
    const now = Math.floor(Date.now() / 1000);
    const early = await send(sms(), `Bearer ${await vonageJwt({ nbf: now + 600 })}`);
    assert.equal(early.status, 401);
    assert.match(early.json.detail, /nbf/);
  });

  it('refuses a JWT issued in the future beyond the clock skew', async () => {
    const now = Math.floor(clock / 1000);
    const future = await send(sms(), `Bearer ${await vonageJwt({ iat: now + 120, exp: now + 900 })}`);
    assert.equal(future.status, 401);
    assert.match(future.json.detail, /iat|future/);
    const slightly = await send(sms(), `Bearer ${await vonageJwt({ iat: now + 2, exp: now + 900 })}`);
    assert.equal(slightly.status, 202);
  });

  it('refuses a JWT for another application', async () => {
    const r = await send(sms(), `Bearer ${await vonageJwt({ claims: { application_id: 'not-ours' } })}`);
    assert.equal(r.status, 401);
    assert.match(r.json.detail, /application_id/);
  });

  it('answers a body without a recipient with 422 invalid_parameters naming it', async () => {
    const { to: _to, ...noTo } = sms();
    const r = await send(noTo, await bearer());
    assert.equal(r.status, 422);
    assert.match(r.contentType, /^application\/problem\+json/);
    assert.equal(r.json.title, 'Invalid params');
    assert.ok(Array.isArray(r.json.invalid_parameters));
    assert.ok(
      r.json.invalid_parameters.some((p: { name: string }) => p.name === 'to'),
      JSON.stringify(r.json),
    );
    assert.match(r.json.detail, /\bto\b/);
  });

  it('answers a body that is not an object with 422', async () => {
    const r = await send([1, 2], await bearer());
    assert.equal(r.status, 422);
    assert.ok(r.json.invalid_parameters.length >= 1);
  });

  it('answers malformed JSON with 400 and no body echo', async () => {
    const r = await send('{"message_type": "text", ', await bearer());
    assert.equal(r.status, 400);
    assert.match(r.contentType, /^application\/problem\+json/);
    assert.match(r.json.detail, /not contain valid JSON/);
  });

  it('answers a body over 1 MB with 413', async () => {
    const r = await send({ ...sms(), text: 'a'.repeat(1024 * 1024 + 10) }, await bearer());
    assert.equal(r.status, 413);
  });

  it('accepts free-form WhatsApp to a recipient who has not written (202), then reports it rejected with 1340, as Vonage does', async () => {
    const r = await send(waText(CLOSED), await bearer());
    assert.equal(r.status, 202);
    assert.deepEqual(await firstStatus(r.json.message_uuid), { status: 'rejected', errorCode: 1340, verified: true, provider: 'vonage' });
  });

  it('lets templates and SMS through a closed window', async () => {
    const template = {
      message_type: 'template',
      channel: 'whatsapp',
      to: '447911000111',
      from: '447700900000',
      template: { name: 'verify', parameters: ['1234'] },
      whatsapp: { policy: 'deterministic', locale: 'en_US' },
    };
    assert.equal((await send(template, await bearer())).status, 202);
    assert.equal((await send(sms('447911000111'), await bearer())).status, 202);
  });

  it('opens the window on an inbound message, for 24 h by the injected clock', async () => {
    const to = '447911222333';
    const outcome = async () => {
      const r = await send(waText(to), await bearer());
      assert.equal(r.status, 202, 'accepted whatever the window');
      return (await firstStatus(r.json.message_uuid)).status;
    };
    assert.equal(await outcome(), 'rejected');
    const inbound = await call(sandbox.url + '/_sandbox/inbound', 'POST', { from: '+44 7911 222333' });
    assert.equal(inbound.status, 200);
    assert.equal(inbound.json.from, to);
    assert.equal(await outcome(), 'submitted');
    clock += 23 * 3600 * 1000;
    assert.equal(await outcome(), 'submitted');
    clock += 2 * 3600 * 1000;
    assert.equal(await outcome(), 'rejected');
  });

  it('marks a message as read with PATCH /v1/messages/{uuid}', async () => {
    const id = sandbox.inbound('447911555666').messageIds.vonage;
    const ok = await call(`${sandbox.url}/v1/messages/${id}`, 'PATCH', { status: 'read' }, { authorization: await bearer() });
    assert.equal(ok.status, 200);
    assert.equal(sandbox.messages().at(-1)!.kind, 'mark-read');
    const bad = await call(`${sandbox.url}/v1/messages/${id}`, 'PATCH', { status: 'delivered' }, { authorization: await bearer() });
    assert.equal(bad.status, 422);
    assert.equal(bad.json.invalid_parameters[0].name, 'status');
    const unauth = await call(`${sandbox.url}/v1/messages/${id}`, 'PATCH', { status: 'read' });
    assert.equal(unauth.status, 401);
  });

  it('serves the legacy v0.1 and beta paths with the same auth and window', async () => {
    const legacy = (to: string) => ({ from: { type: 'whatsapp', number: '447700900000' }, to: { type: 'whatsapp', number: to }, message: { content: { type: 'text', text: 'Hi' } } });
    for (const path of ['/v0.1/messages', '/beta/messages']) {
      const ok = await send(legacy(OPEN), await bearer(), path);
      assert.equal(ok.status, 202, path);
      assert.equal(typeof ok.json.message_uuid, 'string');
      assert.equal(sandbox.messages().at(-1)!.provider, 'vonage-legacy');
      const closed = await send(legacy(CLOSED), await bearer(), path);
      assert.equal(closed.status, 202, path);
      assert.deepEqual(await firstStatus(closed.json.message_uuid), { status: 'rejected', errorCode: 1340, verified: true, provider: 'vonage-legacy' });
      assert.equal((await send(legacy(OPEN), undefined, path)).status, 401);
    }
  });
});
