/** The sandbox against hostile clients: slow sockets destroyed, a byte-bounded log, control endpoints only for loopback JSON. */
import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { createSandbox } from '../../../src/sandbox/server';
import { MessageLog } from '../../../src/sandbox/message-log';
import { GATEWAY_TOKEN, call } from './helpers';

describe('sandbox: hardening', function () {
  this.timeout(30000);

  it('destroys slow clients instead of half-closing them: 600 of them do not lock it out', async () => {
    const sandbox = await createSandbox({ requestTimeoutMs: 700 });
    const { port } = new URL(sandbox.url);
    try {
      const sockets = await Promise.all(
        Array.from(
          { length: 600 },
          () =>
            new Promise<net.Socket>((resolve) => {
              const s = net.connect(Number(port), '127.0.0.1', () => {
                s.write('POST /_sandbox/inbound HTTP/1.1\r\nHost: 127.0.0.1\r\n');
                resolve(s);
              });
              s.on('error', () => resolve(s));
              s.on('data', () => undefined);
            }),
        ),
      );
      // The clients never finish and never close: only the server can end these sockets.
      const closed = await Promise.race([
        Promise.all(sockets.map((s) => new Promise<void>((r) => (s.destroyed ? r() : s.on('close', () => r()))))).then(() => true),
        new Promise<false>((r) => setTimeout(() => r(false), 8000)),
      ]);
      assert.equal(closed, true, 'every slow socket was closed by the server');
      const health = await call(sandbox.url + '/_sandbox/health', 'GET');
      assert.equal(health.status, 200);
    } finally {
      await sandbox.close();
    }
  });

  it('bounds its message log by bytes as well as by count', () => {
    const log = new MessageLog(1000, 3 * 1024 * 1024);
    for (let i = 0; i < 10; i++) log.add({ id: String(i), provider: 'gateway', api: 'gateway', kind: 'message', freeForm: true, receivedAt: '', body: { message: 'x'.repeat(1024 * 1024) } });
    assert.ok(log.byteSize <= 3 * 1024 * 1024, `${log.byteSize} bytes kept`);
    assert.deepEqual(
      log.list().map((m) => m.id),
      ['8', '9'],
    );
  });

  it('keeps 1 MB bodies from growing it past its byte bound', async () => {
    const sandbox = await createSandbox({ gatewayTokens: [GATEWAY_TOKEN], maxLogBytes: 4 * 1024 * 1024, maxBodyBytes: 2 * 1024 * 1024 });
    try {
      for (let i = 0; i < 8; i++) {
        const r = await call(sandbox.url + '/gateway/send', 'POST', { token: GATEWAY_TOKEN, phone: '+447700900100', message: 'y'.repeat(1000) + i, header: 'h', footer: 'f' });
        assert.equal(r.status, 200, JSON.stringify(r.json));
      }
      const big = JSON.stringify(sandbox.messages()).length;
      assert.ok(big < 4 * 1024 * 1024);
    } finally {
      await sandbox.close();
    }
  });

  it('answers control requests only with a JSON content type and a loopback Host', async () => {
    const sandbox = await createSandbox();
    try {
      const form = await call(sandbox.url + '/_sandbox/inbound', 'POST', 'from=447700900123', { 'content-type': 'application/x-www-form-urlencoded' });
      assert.equal(form.status, 415);
      const text = await call(sandbox.url + '/_sandbox/inbound', 'POST', '{"from":"447700900123"}', { 'content-type': 'text/plain' });
      assert.equal(text.status, 415);
      for (const host of ['evil.example', 'evil.example:80', '127.0.0.1.evil.example']) {
        const rebound = await call(sandbox.url + '/_sandbox/messages', 'GET', undefined, { host });
        assert.equal(rebound.status, 403, host);
      }
      for (const host of [`localhost:${new URL(sandbox.url).port}`, `127.0.0.1:${new URL(sandbox.url).port}`])
        assert.equal((await call(sandbox.url + '/_sandbox/health', 'GET', undefined, { host })).status, 200, host);
      const ok = await call(sandbox.url + '/_sandbox/inbound', 'POST', { from: '447700900123' });
      assert.equal(ok.status, 200);
    } finally {
      await sandbox.close();
    }
  });

  it('refuses to listen beyond loopback unless allowed', async () => {
    await assert.rejects(createSandbox({ host: '0.0.0.0' }), /loopback only/);
    const open = await createSandbox({ host: '0.0.0.0', allowRemote: true });
    await open.close();
  });
});
