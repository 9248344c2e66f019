/** Vonage signed webhooks, checked with jose both ways: HS256, payload_hash, iat, alg none, wrong secret. */
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { SignJWT, jwtVerify, UnsecuredJWT } from 'jose';
import { MAX_AGE_SECONDS, verifyVonageSignature, vonageHeaders } from '../../../../src/providers/vonage/webhook-signature';
import { webhooks } from '../../../../src/providers/vonage/webhooks';
import { webhooks as legacy } from '../../../../src/providers/vonage-legacy/webhooks';

const SECRET = 'vonage-signature-secret-for-tests-0123';
const key = new TextEncoder().encode(SECRET);
const body = Buffer.from(
  '{"message_uuid":"aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab","to":"447700900001","from":"447700900000","timestamp":"2025-02-03T12:14:25Z","status":"delivered","channel":"whatsapp"}',
);
const hash = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const NOW = 1_760_000_000_000;
const secrets = { vonageSignatureSecret: SECRET };

async function token(claims: Record<string, unknown>, secret = key): Promise<string> {
  return new SignJWT({ iat: Math.floor(NOW / 1000), payload_hash: hash(body), api_key: 'abcd1234', application_id: 'app', ...claims }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(secret);
}
const check = async (authorization: string | undefined, b: Buffer = body) => verifyVonageSignature({ body: b, headers: authorization === undefined ? {} : { authorization } }, secrets, NOW);

describe('providers/vonage/webhook-signature', () => {
  it('accepts what jose signs with the secret over the body, and signs what jose verifies', async () => {
    assert.deepEqual(await check(`Bearer ${await token({})}`), { verified: true });
    const headers = await vonageHeaders(body, { ...secrets, vonageApiKey: 'abcd1234', vonageApplicationId: 'app-id' }, NOW);
    const { payload, protectedHeader } = await jwtVerify(headers.authorization.replace(/^Bearer /, ''), key, { algorithms: ['HS256'], currentDate: new Date(NOW) });
    assert.equal(protectedHeader.alg, 'HS256');
    assert.equal(payload.payload_hash, hash(body));
    assert.equal(payload.iat, Math.floor(NOW / 1000));
    assert.deepEqual([payload.api_key, payload.application_id, payload.iss, typeof payload.jti], ['abcd1234', 'app-id', 'Vonage', 'string']);
    assert.equal(headers['content-type'], 'application/json');
  });

  it('refuses alg none, a wrong secret, a changed body, a stale or future iat, and missing claims, each with its reason', async () => {
    const none = new UnsecuredJWT({ iat: Math.floor(NOW / 1000), payload_hash: hash(body) }).encode();
    const cases: [string | undefined, RegExp, Buffer?][] = [
      [`Bearer ${none}`, /alg "none"/],
      [`Bearer ${await token({}, new TextEncoder().encode('another-secret-entirely'))}`, /another secret/],
      [`Bearer ${await token({})}`, /payload_hash does not match/, Buffer.from(body.toString().replace('delivered', 'read'))],
      [`Bearer ${await token({ iat: Math.floor(NOW / 1000) - MAX_AGE_SECONDS - 1 })}`, /Stale.*replayed/],
      [`Bearer ${await token({ iat: Math.floor(NOW / 1000) + 3600 })}`, /future/],
      [`Bearer ${await token({ payload_hash: undefined })}`, /no payload_hash/],
      [`Bearer ${await token({ iat: undefined })}`, /no iat/],
      [undefined, /No Authorization header/],
      ['Basic abc', /Malformed Authorization/],
      ['Bearer not-a-jwt', /Malformed Authorization/],
      ['Bearer e30.e30.', /alg "none"|Malformed/],
    ];
    for (const [authorization, reason, b] of cases) {
      const r = await check(authorization, b);
      assert.equal(r.verified, false, `${authorization?.slice(0, 30)}`);
      assert.match((r as { reason: string }).reason, reason);
    }
  });

  it('accepts an iat within the window', async () => {
    assert.deepEqual(await check(`Bearer ${await token({ iat: Math.floor(NOW / 1000) - MAX_AGE_SECONDS + 5 })}`), { verified: true });
  });

  it('checks nothing without the secret, and says so', async () => {
    const r = await verifyVonageSignature({ body, headers: { authorization: `Bearer ${await token({})}` } }, {}, NOW);
    assert.equal(r.verified, null);
    assert.match((r as { reason: string }).reason, /VONAGE_SIGNATURE_SECRET is not set/);
  });
});

describe('providers/vonage webhooks: events and bodies', () => {
  it("reads a rejected status's code from title, the type link or code", () => {
    const base = { message_uuid: 'm', to: '1', from: '2', timestamp: '2025-02-03T12:14:25Z', status: 'rejected' };
    for (const error of [{ title: 1340, detail: 'x' }, { title: '1340' }, { type: 'https://developer.vonage.com/api-errors/messages#1340' }, { code: 1340, reason: 'x' }]) {
      assert.equal(webhooks.events({ ...base, error })[0].errorCode, 1340, JSON.stringify(error));
    }
  });

  it("maps neutral statuses to Vonage's words and builds bodies both schemas accept", () => {
    const spec = {
      messageId: 'm',
      status: 'failed' as const,
      to: '15551230000',
      from: '447700900000',
      at: 1_750_000_000_000,
      error: { code: 1340, title: 'Outside of the allowed window', detail: 'Outside of the allowed window' },
    };
    const v1 = webhooks.build.status(spec) as Record<string, unknown>;
    assert.equal(v1.status, 'rejected');
    assert.equal(webhooks.schema.safeParse(v1).success, true);
    assert.equal(webhooks.events(v1)[0].errorCode, 1340);
    const v01 = legacy.build.status(spec) as Record<string, unknown>;
    assert.deepEqual(v01.error, { code: 1340, reason: 'Outside of the allowed window' });
    assert.equal(legacy.schema.safeParse(v01).success, true);
    const reply = webhooks.build.inbound({
      messageId: 'i',
      from: '447700900001',
      to: '447700900000',
      at: 1_750_000_000_000,
      reply: { id: 'slot-2', title: 'Tuesday', kind: 'button' },
      context: 'm',
    }) as Record<string, unknown>;
    assert.deepEqual([reply.message_type, reply.context_status, (reply.context as Record<string, unknown>).message_uuid], ['reply', 'available', 'm']);
    assert.equal(webhooks.schema.safeParse(reply).success, true);
  });
});
