import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { sendHttp, type HttpOptions } from '../../../../src/core/http/client';
import { jsonRequest } from '../../../../src/core/http/types';
import { drip, hostileServer, type Hostile } from './hostile-server';

const fast: HttpOptions = { sleep: async () => undefined, random: () => 0.5, baseDelayMs: 10 };

describe('core/http: outcomes (never a message twice)', function () {
  this.timeout(15000);
  let server: Hostile | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const post = () => jsonRequest('POST', `${server!.url}/v1/messages`, { to: '447700900000', text: 'hi' });

  for (const status of [500, 502, 504, 408]) {
    it(`HTTP ${status}: one POST, outcome unknown, no retry`, async () => {
      server = await hostileServer((_n, _req, res) => res.writeHead(status, { 'content-type': 'application/json' }).end('{"title":"oops"}'));
      const r = await sendHttp(post(), fast);
      assert.equal(server.posts, 1);
      assert.equal(r.attempts, 1);
      assert.equal(r.outcome, 'unknown');
      assert.equal(r.retryable, false);
    });
  }

  it('a reset after the body arrived: one POST, unknown', async () => {
    server = await hostileServer((_n, req) => req.socket.destroy());
    const r = await sendHttp(post(), fast);
    assert.equal(server.posts, 1);
    assert.equal(r.outcome, 'unknown');
    assert.equal(r.failure?.kind, 'reset');
    assert.match(r.failure.message, /may have been sent: check its status before sending again/);
  });

  it('a 200 cut off mid-body: one POST, unknown (the answer never completed)', async () => {
    server = await hostileServer((_n, req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '200' });
      res.write('{"messages":[{"id":"wamid.');
      setTimeout(() => req.socket.destroy(), 20);
    });
    const r = await sendHttp(post(), fast);
    assert.equal(server.posts, 1);
    assert.equal(r.outcome, 'unknown');
    assert.equal(r.reply?.status, 200);
    assert.equal(r.reply?.cut, true);
  });

  it('a server that drips one byte at a time ends at the deadline, once, unknown', async () => {
    server = await hostileServer((_n, _req, res) => drip(res, 50));
    const t0 = Date.now();
    const r = await sendHttp(post(), { ...fast, timeoutMs: 600 });
    const took = Date.now() - t0;
    assert.ok(took >= 550 && took < 1500, `took ${took} ms`);
    assert.equal(server.posts, 1);
    assert.equal(r.outcome, 'unknown');
    assert.equal(r.failure?.kind, 'deadline');
  });

  it('a server that never answers ends at the deadline, once, unknown', async () => {
    server = await hostileServer(() => undefined);
    const t0 = Date.now();
    const r = await sendHttp(post(), { timeoutMs: 400 });
    assert.ok(Date.now() - t0 < 1400);
    assert.equal(server.posts, 1);
    assert.equal(r.outcome, 'unknown');
  });

  it('429 and 503 are retried (the provider did not take it), honouring Retry-After', async () => {
    const waits: number[] = [];
    server = await hostileServer((n, _req, res) => {
      if (n === 0) res.writeHead(429, { 'retry-after': '1' }).end();
      else if (n === 1) res.writeHead(503, { 'retry-after': '2' }).end();
      else res.writeHead(202, { 'content-type': 'application/json' }).end('{"message_uuid":"u-1"}');
    });
    const r = await sendHttp(post(), { ...fast, sleep: async (ms) => void waits.push(ms) });
    assert.equal(server.posts, 3);
    assert.deepEqual(waits, [1000, 2000]);
    assert.equal(r.outcome, 'sent');
  });

  it('never waits past the deadline: a Retry-After of an hour ends the send as not sent, with a note', async () => {
    server = await hostileServer((_n, _req, res) => res.writeHead(429, { 'retry-after': '3600' }).end());
    const t0 = Date.now();
    const r = await sendHttp(post(), { timeoutMs: 2000 });
    assert.ok(Date.now() - t0 < 1500);
    assert.equal(server.posts, 1);
    assert.equal(r.outcome, 'not-sent');
    assert.equal(r.retryable, true);
    assert.equal(r.retryAfterMs, 3_600_000);
    assert.ok(
      r.notes.some((n) => /would pass the 2 s deadline/.test(n)),
      r.notes.join('\n'),
    );
  });

  it('with retryStatuses off, a 429 comes back at once for the caller to reschedule', async () => {
    server = await hostileServer((_n, _req, res) => res.writeHead(429, { 'retry-after': '7' }).end());
    const r = await sendHttp(post(), { ...fast, retryStatuses: false });
    assert.equal(server.posts, 1);
    assert.equal(r.outcome, 'not-sent');
    assert.equal(r.retryable, true);
    assert.equal(r.retryAfterMs, 7000);
  });

  it('a refused connection is retried (nothing was written) and ends not sent within the deadline', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const t0 = Date.now();
    const r = await sendHttp(jsonRequest('POST', `http://127.0.0.1:${port}/x`, {}), { timeoutMs: 1500, baseDelayMs: 50 });
    assert.ok(Date.now() - t0 < 2500);
    assert.ok(r.attempts >= 2);
    assert.equal(r.outcome, 'not-sent');
  });

  it('a 200 with a body that is not JSON is still sent (the provider took it)', async () => {
    server = await hostileServer((_n, _req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>ok</html>'));
    const r = await sendHttp(post(), fast);
    assert.equal(server.posts, 1);
    assert.equal(r.outcome, 'sent');
  });

  it('a cancelled send before anything is written is not sent', async () => {
    server = await hostileServer((_n, _req, res) => res.end('{}'));
    const c = new AbortController();
    c.abort();
    const r = await sendHttp(post(), { signal: c.signal });
    assert.equal(r.outcome, 'not-sent');
    assert.equal(server.posts, 0);
  });

  it('keeps one connection alive across sends (the shared agent)', async () => {
    server = await hostileServer((_n, _req, res) => res.writeHead(202, { 'content-type': 'application/json' }).end('{"message_uuid":"u"}'));
    for (let i = 0; i < 10; i++) assert.equal((await sendHttp(post())).outcome, 'sent');
    assert.equal(server.posts, 10);
    // undici may open a second socket while the first is being handed back to the pool.
    assert.ok(server.connections <= 2, `${server.connections} connections for 10 sends`);
  });
});
