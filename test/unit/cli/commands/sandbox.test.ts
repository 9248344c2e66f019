import * as assert from 'node:assert/strict';
import { serve } from '../../../../src/cli/commands/sandbox';
import { sink } from '../../../../src/cli/output';
import { credentialsFromEnv } from '../../../../src/sandbox/env-credentials';
import { createSandbox } from '../../../../src/sandbox/server';
import { generateSandboxKeyPair, publicKeyOf } from '../../../../src/sandbox/keys';
import { APP_ID, appKeys, call, vonageJwt } from '../../sandbox/helpers';

/** Captures what a CLI run prints, without letting it reach the test output. */
function capture(): { out: string[]; err: string[]; restore(): void } {
  const out: string[] = [];
  const err: string[] = [];
  const write = sink.write;
  sink.write = (fd, s) => (fd === 1 ? out : err).push(s.endsWith('\n') ? s : `${s}\n`);
  return {
    out,
    err,
    restore() {
      sink.write = write;
    },
  };
}

describe('mwb sandbox', () => {
  it('derives the Vonage public key from VONAGE_PRIVATE_KEY (also with literal \\n) and accepts its JWTs', async () => {
    for (const pem of [appKeys.privateKey, appKeys.privateKey.replace(/\n/g, '\\n')]) {
      const fromEnv = credentialsFromEnv({ VONAGE_PRIVATE_KEY: pem, VONAGE_APPLICATION_ID: APP_ID });
      assert.match(fromEnv.credentials.vonage!.publicKeys![0], /^-----BEGIN PUBLIC KEY-----/);
      assert.ok(!JSON.stringify(fromEnv).includes('PRIVATE KEY'), 'the private key is not kept');
      const sandbox = await createSandbox(fromEnv.credentials);
      try {
        const body = { message_type: 'text', channel: 'sms', to: '447700900000', from: 'Acme', text: 'Hi' };
        const ok = await call(sandbox.url + '/v1/messages', 'POST', body, { authorization: `Bearer ${await vonageJwt()}` });
        assert.equal(ok.status, 202);
        const otherApp = await call(sandbox.url + '/v1/messages', 'POST', body, { authorization: `Bearer ${await vonageJwt({ claims: { application_id: 'other' } })}` });
        assert.equal(otherApp.status, 401);
      } finally {
        await sandbox.close();
      }
    }
  });

  it("generates a key pair whose JWTs the sandbox accepts, and refuses another pair's", async () => {
    const pair = await generateSandboxKeyPair();
    assert.equal(publicKeyOf(pair.privateKey), pair.publicKey);
    const sandbox = await createSandbox({ vonage: { publicKeys: [pair.publicKey] } });
    try {
      const body = { message_type: 'text', channel: 'sms', to: '447700900000', from: 'Acme', text: 'Hi' };
      const ok = await call(sandbox.url + '/v1/messages', 'POST', body, { authorization: `Bearer ${await vonageJwt({ privateKey: pair.privateKey })}` });
      assert.equal(ok.status, 202);
      const other = await call(sandbox.url + '/v1/messages', 'POST', body, { authorization: `Bearer ${await vonageJwt()}` });
      assert.equal(other.status, 401);
    } finally {
      await sandbox.close();
    }
  });

  it('names every variable that is not set', () => {
    const none = credentialsFromEnv({});
    assert.deepEqual(none.credentials, {});
    assert.equal(none.configured.length, 0);
    const text = none.missing.join(' ');
    for (const v of ['VONAGE_PRIVATE_KEY', 'VONAGE_API_KEY', 'VONAGE_API_SECRET', 'WHATSAPP_TOKEN', 'D360_API_KEY', 'GATEWAY_TOKEN']) assert.match(text, new RegExp(v));
    const some = credentialsFromEnv({ WHATSAPP_TOKEN: 'tok-123456', VONAGE_API_KEY: 'k', VONAGE_API_SECRET: 's-secret' });
    assert.deepEqual(some.credentials.whatsappTokens, ['tok-123456']);
    assert.deepEqual(some.credentials.vonage?.basic, [{ key: 'k', secret: 's-secret' }]);
    assert.ok(!some.configured.join(' ').includes('tok-123456'));
    assert.ok(!some.configured.join(' ').includes('s-secret'));
  });

  it('refuses a private key that is not a PEM, naming the variable but not the value', () => {
    assert.throws(
      () => credentialsFromEnv({ VONAGE_PRIVATE_KEY: 'garbage-value-xyz' }),
      (e: Error) => /VONAGE_PRIVATE_KEY/.test(e.message) && !e.message.includes('garbage-value-xyz'),
    );
  });

  it('prints its URL and every provider base, serves until stopped, then exits 0', async () => {
    let stop!: () => void;
    const stopped = new Promise<void>((r) => (stop = r));
    const io = capture();
    try {
      const exit = serve(['--port', '0'], { GATEWAY_TOKEN: 'gw-secret-1' }, stopped);
      let url = '';
      for (let i = 0; i < 100 && !url; i++) {
        await new Promise((r) => setTimeout(r, 20));
        url = /Sandbox running at (http:\/\/127\.0\.0\.1:\d+)/.exec(io.out.join(''))?.[1] ?? '';
      }
      assert.ok(url, 'printed its URL');
      const printed = io.out.join('');
      for (const base of ['/360', '/onprem/v1', '/gateway/send', '/_sandbox/inbound']) assert.ok(printed.includes(url + base), base);
      assert.match(io.err.join(''), /WHATSAPP_TOKEN/);
      const health = await call(url + '/_sandbox/health', 'GET');
      assert.equal(health.status, 200);
      assert.match(io.err.join(''), /GET \/_sandbox\/health -> 200/);
      stop();
      assert.equal(await exit, 0);
      await assert.rejects(call(url + '/_sandbox/health', 'GET'));
      assert.ok(!io.out.join('').includes('gw-secret-1') && !io.err.join('').includes('gw-secret-1'));
    } finally {
      io.restore();
    }
  });

  it('says when the port is taken, and exits 2', async () => {
    const first = await createSandbox();
    const io = capture();
    try {
      const port = new URL(first.url).port;
      const code = await serve(['--port', port], {}, new Promise(() => undefined));
      assert.equal(code, 2);
      assert.match(io.err.join(''), new RegExp(`port ${port} on 127\\.0\\.0\\.1 is in use`));
    } finally {
      io.restore();
      await first.close();
    }
  });

  it('rejects a bad port as a usage error', async () => {
    await assert.rejects(serve(['--port', 'abc'], {}, new Promise(() => undefined)), /--port must be a number/);
    await assert.rejects(serve(['--port', '70000'], {}, new Promise(() => undefined)), /--port/);
  });
});
