import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { sendHttp, type HttpOptions } from '../../../../src/core/http/client';
import { parseRetryAfter, backoffMs } from '../../../../src/core/http/retry';
import { jsonRequest } from '../../../../src/core/http/types';
import { json, raw, recordingServer, silent, type RecordingServer } from './recording-server';

/** Records the waits instead of waiting. */
function fakeTime(): { waits: number[]; options: HttpOptions } {
  const waits: number[] = [];
  return { waits, options: { sleep: async (ms) => void waits.push(ms), random: () => 0.5, baseDelayMs: 100, maxDelayMs: 1000 } };
}

const SECRET = 'Bearer s3cr3t-token-value';

describe('send: HTTP client', () => {
  let server: RecordingServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  function post(path = '/v1/messages') {
    const req = jsonRequest('POST', server!.url + path, { hello: 'world' });
    req.headers.authorization = SECRET;
    return req;
  }

  it('retries a 429 after the Retry-After the server asked for', async () => {
    server = await recordingServer(json(429, { title: 'Too many' }, { 'retry-after': '2' }), json(202, { message_uuid: 'u-1' }));
    const t = fakeTime();
    const r = await sendHttp(post(), t.options);
    assert.equal(r.reply?.status, 202);
    assert.equal(r.attempts, 2);
    assert.deepEqual(t.waits, [2000]);
    assert.equal(server.requests.length, 2);
    assert.equal(server.requests[1].body, server.requests[0].body);
  });

  it('caps a long Retry-After and says so', async () => {
    server = await recordingServer(json(429, {}, { 'retry-after': '3600' }), json(202, {}));
    const t = fakeTime();
    const r = await sendHttp(post(), { ...t.options, maxRetryAfterMs: 5000 });
    assert.deepEqual(t.waits, [5000]);
    assert.ok(
      r.notes.some((n) => /asked to wait 60 min.*waited 5 s/.test(n)),
      r.notes.join('\n'),
    );
  });

  it('reads Retry-After as an HTTP date', () => {
    const now = Date.UTC(2026, 0, 1, 0, 0, 0);
    assert.equal(parseRetryAfter(new Date(now + 7000).toUTCString(), now), 7000);
    assert.equal(parseRetryAfter('soon', now), undefined);
  });

  it('retries a 503 with growing backoff, up to the attempt limit', async () => {
    server = await recordingServer(json(503, { title: 'busy' }));
    const t = fakeTime();
    const r = await sendHttp(post(), { ...t.options, maxAttempts: 3 });
    assert.equal(r.reply?.status, 503);
    assert.equal(r.attempts, 3);
    assert.equal(server.requests.length, 3);
    assert.deepEqual(t.waits, [75, 150]);
    assert.match(r.notes.at(-1)!, /Still HTTP 503 after 3 attempts; gave up/);
  });

  it('keeps jittered backoff within [half, full] of the ceiling', () => {
    assert.equal(
      backoffMs(1, 100, 1000, () => 0),
      50,
    );
    assert.equal(
      backoffMs(3, 100, 1000, () => 1),
      400,
    );
    assert.equal(
      backoffMs(10, 100, 1000, () => 1),
      1000,
    );
  });

  it('does not retry a 422', async () => {
    server = await recordingServer(json(422, { title: 'Invalid params' }), json(202, {}));
    const t = fakeTime();
    const r = await sendHttp(post(), t.options);
    assert.equal(r.reply?.status, 422);
    assert.equal(r.attempts, 1);
    assert.equal(server.requests.length, 1);
    assert.deepEqual(t.waits, []);
  });

  it('times out a server that never answers, and does not resend (it may have been accepted)', async () => {
    server = await recordingServer(silent);
    const t = fakeTime();
    const r = await sendHttp(post(), { ...t.options, timeoutMs: 200 });
    assert.equal(r.failure?.kind, 'deadline');
    assert.equal(r.outcome, 'unknown');
    assert.match(r.failure.message, /did not finish answering within 200 ms.*may have been sent: check its status before sending again/);
    assert.equal(server.requests.length, 1);
  });

  it('reports an unreachable host after retrying the connection', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const t = fakeTime();
    const r = await sendHttp({ ...jsonRequest('POST', `http://127.0.0.1:${port}/v1/messages`, {}) }, { ...t.options, maxAttempts: 2 });
    assert.equal(r.failure?.kind, 'connect');
    assert.match(r.failure.message, /refused the connection.*after 2 attempts/);
    assert.equal(t.waits.length, 1);
  });

  it('gives up on a connection that never completes (TLS handshake stalls) after the connect timeout, and retries it', async () => {
    const sockets: net.Socket[] = [];
    const stall = net.createServer((sock) => void sockets.push(sock));
    await new Promise<void>((resolve) => stall.listen(0, '127.0.0.1', resolve));
    try {
      const port = (stall.address() as net.AddressInfo).port;
      const t = fakeTime();
      const r = await sendHttp(jsonRequest('POST', `https://127.0.0.1:${port}/v1/messages`, {}), { ...t.options, connectTimeoutMs: 150, maxAttempts: 2 });
      assert.equal(r.failure?.kind, 'connect-timeout');
      assert.match(r.failure.message, /Could not connect to 127\.0\.0\.1:\d+ within 150 ms/);
      assert.equal(r.attempts, 2);
      assert.equal(sockets.length, 2);
    } finally {
      sockets.forEach((s) => s.destroy());
      stall.close();
    }
  });

  it('can be cancelled while waiting to retry', async () => {
    server = await recordingServer(json(503, {}));
    const controller = new AbortController();
    const r = await sendHttp(post(), {
      signal: controller.signal,
      sleep: async () => {
        controller.abort();
        throw new Error('aborted');
      },
    });
    assert.equal(r.failure?.kind, 'cancelled');
    assert.equal(server.requests.length, 1);
  });

  it('can be cancelled while the request is in flight', async () => {
    server = await recordingServer(silent);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const r = await sendHttp(post(), { signal: controller.signal, responseTimeoutMs: 10_000 });
    assert.equal(r.failure?.kind, 'cancelled');
    assert.ok(Date.now() - started < 5000);
    assert.equal(r.attempts, 1);
  });

  it('stops reading a 10 MB response at the cap', async () => {
    server = await recordingServer(raw(200, 'application/json', Buffer.alloc(10 * 1024 * 1024, 0x20)));
    const r = await sendHttp(post(), { maxBodyBytes: 1024 * 1024 });
    assert.equal(r.reply?.truncated, true);
    assert.equal(Buffer.byteLength(r.reply.text), 1024 * 1024);
    assert.ok(r.notes.some((n) => /larger than 1024 KB/.test(n)));
  });

  it('does not follow a redirect to another host, so the credentials stay home', async () => {
    const other = await recordingServer(json(202, { message_uuid: 'stolen' }));
    try {
      server = await recordingServer((_req, res) => {
        res.writeHead(307, { location: `${other.url}/v1/messages` });
        res.end();
      });
      const r = await sendHttp(post(), fakeTime().options);
      assert.equal(other.requests.length, 0);
      assert.equal(r.failure?.kind, 'redirect');
      assert.match(r.failure.message, /another host. Not followed/);
      assert.ok(!r.failure.message.includes('s3cr3t'));
    } finally {
      await other.close();
    }
  });

  it('follows a same-host 307 with method, body and credentials, a few times at most', async () => {
    server = await recordingServer(
      (_req, res) => {
        res.writeHead(307, { location: '/v1/moved' });
        res.end();
      },
      json(202, { ok: 1 }),
    );
    const r = await sendHttp(post(), fakeTime().options);
    assert.equal(r.reply?.status, 202);
    assert.equal(server.requests[1].path, '/v1/moved');
    assert.equal(server.requests[1].method, 'POST');
    assert.equal(server.requests[1].headers.authorization, SECRET);
    assert.equal(server.requests[1].body, '{"hello":"world"}');

    await server.close();
    server = await recordingServer((_req, res) => {
      res.writeHead(308, { location: '/again' });
      res.end();
    });
    const loop = await sendHttp(post(), { ...fakeTime().options, maxRedirects: 2 });
    assert.equal(loop.failure?.kind, 'redirect');
    assert.equal(server.requests.length, 3);
  });

  it('refuses to turn a POST into a GET on a 302', async () => {
    server = await recordingServer((_req, res) => {
      res.writeHead(302, { location: '/login' });
      res.end();
    });
    const r = await sendHttp(post(), fakeTime().options);
    assert.equal(r.failure?.kind, 'redirect');
    assert.equal(server.requests.length, 1);
  });
});
