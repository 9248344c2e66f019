import * as assert from 'node:assert/strict';
import * as jsonwebtoken from 'jsonwebtoken';
import { signVonageJwt, JwtError, MAX_TTL_SECONDS } from '../../../../src/core/auth/jwt';
import { decodeToken, describeSeconds } from '../../../../src/core/auth/decode';
import { APP_ID, testKeys } from './test-keys';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('send: Vonage JWT', () => {
  it('is an RS256 token that an independent verifier accepts, with the Vonage claims', async () => {
    const { pkcs8, publicKey } = testKeys();
    const before = Math.floor(Date.now() / 1000);
    const token = await signVonageJwt({ applicationId: APP_ID, privateKey: pkcs8 });
    const verified = jsonwebtoken.verify(token, publicKey, { algorithms: ['RS256'], complete: true });
    assert.deepEqual(verified.header, { alg: 'RS256', typ: 'JWT' });
    const claims = verified.payload as jsonwebtoken.JwtPayload;
    assert.equal(claims.application_id, APP_ID);
    assert.ok(claims.iat! >= before && claims.iat! <= before + 2);
    assert.equal(claims.exp! - claims.iat!, 900);
    assert.match(String(claims.jti), UUID_V4);
    assert.equal(claims.sub, undefined);
    assert.equal(claims.nbf, undefined);
  });

  it('does not verify against another key (the signature is real)', async () => {
    const token = await signVonageJwt({ applicationId: APP_ID, privateKey: testKeys().pkcs8 });
    const other = require('node:crypto').generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' });
    assert.throws(() => jsonwebtoken.verify(token, other, { algorithms: ['RS256'] }), /invalid signature/);
  });

  it('gives each token its own jti', async () => {
    const a = decodeToken(await signVonageJwt({ applicationId: APP_ID, privateKey: testKeys().pkcs8 }));
    const b = decodeToken(await signVonageJwt({ applicationId: APP_ID, privateKey: testKeys().pkcs8 }));
    assert.notEqual(a.claims.jti, b.claims.jti);
  });

  it('carries ttl, sub, acl and nbf', async () => {
    const acl = { paths: { '/*/users/**': {}, '/*/conversations/**': {} } };
    const now = Date.UTC(2026, 0, 1, 12, 0, 0);
    const token = await signVonageJwt({ applicationId: APP_ID, privateKey: testKeys().pkcs8, ttlSeconds: 3600, sub: 'alice', acl, nbf: now / 1000 - 10, now });
    const claims = jsonwebtoken.verify(token, testKeys().publicKey, { algorithms: ['RS256'], clockTimestamp: now / 1000 + 5 }) as jsonwebtoken.JwtPayload;
    assert.equal(claims.iat, now / 1000);
    assert.equal(claims.exp, now / 1000 + 3600);
    assert.equal(claims.sub, 'alice');
    assert.equal(claims.nbf, now / 1000 - 10);
    assert.deepEqual(claims.acl, acl);
  });

  it('accepts a PKCS#1 "BEGIN RSA PRIVATE KEY" PEM', async () => {
    const { pkcs1, publicKey } = testKeys();
    assert.match(pkcs1, /BEGIN RSA PRIVATE KEY/);
    const token = await signVonageJwt({ applicationId: APP_ID, privateKey: pkcs1 });
    assert.doesNotThrow(() => jsonwebtoken.verify(token, publicKey, { algorithms: ['RS256'] }));
  });

  it('allows exactly 24 h and refuses anything longer', async () => {
    const token = await signVonageJwt({ applicationId: APP_ID, privateKey: testKeys().pkcs8, ttlSeconds: MAX_TTL_SECONDS });
    const c = decodeToken(token).claims as { iat: number; exp: number };
    assert.equal(c.exp - c.iat, 86400);
    await assert.rejects(
      signVonageJwt({ applicationId: APP_ID, privateKey: testKeys().pkcs8, ttlSeconds: MAX_TTL_SECONDS + 1 }),
      (e: Error) => e instanceof JwtError && /over 24 hours/.test(e.message),
    );
    await assert.rejects(signVonageJwt({ applicationId: APP_ID, privateKey: testKeys().pkcs8, ttlSeconds: 0 }), JwtError);
  });

  it('explains a passphrase-protected key and says what to do', async () => {
    await assert.rejects(
      signVonageJwt({ applicationId: APP_ID, privateKey: testKeys().encrypted }),
      (e: Error) => e instanceof JwtError && /passphrase/.test(e.message) && /openssl pkey/.test(e.message),
    );
  });

  it('explains an invalid PEM, a public key, and a non-RSA key', async () => {
    await assert.rejects(signVonageJwt({ applicationId: APP_ID, privateKey: 'not a key' }), /not a PEM/);
    await assert.rejects(signVonageJwt({ applicationId: APP_ID, privateKey: testKeys().publicKey }), /public key/);
    await assert.rejects(signVonageJwt({ applicationId: APP_ID, privateKey: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n' }), /could not be read/);
    await assert.rejects(signVonageJwt({ applicationId: APP_ID, privateKey: testKeys().ec }), /EC.*RS256/);
  });

  it('refuses an application id that is not a UUID, and never echoes the key', async () => {
    await assert.rejects(signVonageJwt({ applicationId: 'my-app', privateKey: testKeys().pkcs8 }), (e: Error) => /UUID/.test(e.message) && !e.message.includes('PRIVATE KEY'));
  });
});

describe('send: JWT decode', () => {
  it('reads header and claims and says when it expires, without verifying', async () => {
    const now = Date.UTC(2026, 5, 1, 10, 0, 0);
    const token = await signVonageJwt({ applicationId: APP_ID, privateKey: testKeys().pkcs8, now });
    const d = decodeToken(token, now + 60_000);
    assert.equal(d.header.alg, 'RS256');
    assert.equal(d.claims.application_id, APP_ID);
    assert.equal(d.state, 'valid');
    assert.match(d.validity, /^expires in 14 minutes \(2026-06-01T10:15:00Z\)$/);
    assert.equal(d.verified, false);
  });

  it('says how long ago a token expired, and when one becomes valid', async () => {
    const now = Date.UTC(2026, 5, 1, 10, 0, 0);
    const token = await signVonageJwt({ applicationId: APP_ID, privateKey: testKeys().pkcs8, now, nbf: now / 1000 + 600 });
    assert.match(decodeToken(token, now + 3 * 3600_000 + 15 * 60_000).validity, /^expired 3 hours ago/);
    const early = decodeToken(token, now);
    assert.equal(early.state, 'not-yet-valid');
    assert.match(early.validity, /^not valid before 2026-06-01T10:10:00Z \(in 10 minutes\)/);
  });

  it('refuses text that is not a JWT', () => {
    assert.throws(() => decodeToken('hello.world'), /not a JWT/);
  });

  it('words durations', () => {
    assert.equal(describeSeconds(1), '1 second');
    assert.equal(describeSeconds(840), '14 minutes');
    assert.equal(describeSeconds(3 * 86400), '3 days');
  });
});
