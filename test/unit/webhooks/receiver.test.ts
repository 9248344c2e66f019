/** The receiver `mwb listen` runs: verification GET, signature checks, bad input, forwarding only what verified, the store. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { createHmac } from 'node:crypto';
import { request } from 'undici';
import { createReceiver, type Receiver } from '../../../src/webhooks/receiver';
import { diskStore } from '../../../src/webhooks/store';
import { vonageHeaders } from '../../../src/providers/vonage/webhook-signature';
import { recordingServer, type RecordingServer } from '../core/http/recording-server';
import { SINK_SECRETS } from './sink';

const cloud = Buffer.from(fs.readFileSync(path.join(__dirname, '../../../../examples/webhooks/whatsapp/status-read.whatsapp-webhook.json'), 'utf8').trim());
const vonage = Buffer.from(
  JSON.stringify({ message_uuid: 'aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab', to: '447700900001', from: '447700900000', timestamp: '2025-02-03T12:14:25Z', status: 'delivered', channel: 'whatsapp' }),
);
const metaSig = (b: Buffer, secret = SINK_SECRETS.whatsappAppSecret!) => 'sha256=' + createHmac('sha256', secret).update(b).digest('hex');

async function post(url: string, body: Buffer | string, headers: Record<string, string> = {}) {
  const res = await request(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
  return { status: res.statusCode, text: await res.body.text() };
}

describe('webhooks/receiver', () => {
  let receiver: Receiver;
  let handler: RecordingServer;
  const lines: string[] = [];
  before(async () => {
    handler = await recordingServer((_req, res) => {
      res.writeHead(202, { 'content-type': 'application/json' });
      res.end('{"handled":true}');
    });
    receiver = await createReceiver({ secrets: SINK_SECRETS, forwardTo: handler.url + '/hook', log: (l) => lines.push(l), requestTimeoutMs: 500, maxBodyBytes: 64 * 1024 });
  });
  after(async () => {
    await receiver.close();
    await handler.close();
  });
  const last = () => receiver.list().at(-1)!;

  it("answers Meta's verification GET with the challenge when the token matches, 403 otherwise", async () => {
    const ok = await request(`${receiver.url}/webhook?hub.mode=subscribe&hub.verify_token=${SINK_SECRETS.whatsappVerifyToken}&hub.challenge=1158201444`);
    assert.equal(ok.statusCode, 200);
    assert.equal(await ok.body.text(), '1158201444');
    for (const q of ['hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1', 'hub.mode=unsubscribe&hub.verify_token=test-verify-token&hub.challenge=1', 'hub.mode=subscribe&hub.challenge=1']) {
      const bad = await request(`${receiver.url}/?${q}`);
      assert.equal(bad.statusCode, 403, q);
      await bad.body.text();
    }
    assert.equal(last().verified, false);
  });

  it("forwards a verified Meta webhook with its original headers and bytes, and answers with the handler's answer", async () => {
    const before = handler.requests.length;
    const r = await post(receiver.url + '/any/path', cloud, { 'x-hub-signature-256': metaSig(cloud), 'user-agent': 'facebookexternalua' });
    assert.equal(r.status, 202);
    assert.equal(r.text, '{"handled":true}');
    const got = handler.requests.slice(before);
    assert.equal(got.length, 1);
    assert.equal(got[0].body, cloud.toString());
    assert.equal(got[0].headers['x-hub-signature-256'], metaSig(cloud));
    assert.equal(got[0].headers['user-agent'], 'facebookexternalua');
    assert.deepEqual([last().provider, last().verified, last().forwarded?.status, last().events[0].status], ['whatsapp', true, 202, 'read']);
  });

  it('forwards a verified Vonage webhook', async () => {
    const before = handler.requests.length;
    const r = await post(receiver.url, vonage, await vonageHeaders(vonage, SINK_SECRETS, Date.now()));
    assert.equal(r.status, 202);
    assert.equal(handler.requests.length, before + 1);
    assert.deepEqual([last().provider, last().verified], ['vonage', true]);
  });

  it('refuses bad input with the right status and reason, survives, and forwards none of it', async () => {
    const before = handler.requests.length;
    const cases: [Buffer | string, Record<string, string>, number, RegExp][] = [
      [cloud, { 'x-hub-signature-256': metaSig(cloud, 'wrong') }, 401, /does not match/],
      [cloud, { 'x-hub-signature-256': 'sha256=nothex' }, 401, /Malformed/],
      [cloud, {}, 401, /No X-Hub-Signature-256/],
      [cloud, { 'x-hub-signature-256': metaSig(Buffer.from(JSON.stringify(JSON.parse(cloud.toString()), null, 1))) }, 401, /does not match/],
      ['{"object": ', { 'x-hub-signature-256': metaSig(Buffer.from('{"object": ')) }, 400, /not JSON/],
      [cloud, { 'content-type': 'text/plain', 'x-hub-signature-256': metaSig(cloud) }, 415, /application\/json/],
      [cloud, { 'content-type': 'application/x-www-form-urlencoded', 'x-hub-signature-256': metaSig(cloud) }, 415, /application\/json/],
      ['{"hello":"world"}', {}, 400, /Not a webhook of a known provider/],
      [vonage, { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJpYXQiOjF9.' }, 401, /alg "none"/],
      [vonage, await vonageHeaders(vonage, { vonageSignatureSecret: 'not-the-secret' }, Date.now()), 401, /another secret/],
      [vonage, await vonageHeaders(vonage, SINK_SECRETS, Date.now() - 3600_000), 401, /Stale/],
      [Buffer.from('x'.repeat(70 * 1024)), {}, 413, /larger than/],
    ];
    for (const [body, headers, status, reason] of cases) {
      const r = await post(receiver.url, body, headers);
      assert.equal(r.status, status, `${status}: ${reason}`);
      assert.match(last().reason ?? '', reason);
      assert.equal(last().status, status);
    }
    assert.equal(handler.requests.length, before, 'nothing refused reached the handler');
    const ok = await post(receiver.url, cloud, { 'x-hub-signature-256': metaSig(cloud) });
    assert.equal(ok.status, 202, 'the receiver still works');
  });

  it('destroys a slow client after its deadline, logs why, and keeps answering', async () => {
    const { port } = new URL(receiver.url);
    const closed = await Promise.all(
      Array.from(
        { length: 20 },
        (_, i) =>
          new Promise<number>((resolve) => {
            const started = Date.now();
            const s = net.connect(Number(port), '127.0.0.1', () =>
              s.write(i % 2 ? 'POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a"' : 'POST / HTTP/1.1\r\nHost: x\r\n'),
            );
            s.on('data', () => undefined);
            s.on('error', () => undefined);
            s.on('close', () => resolve(Date.now() - started));
          }),
      ),
    );
    assert.ok(
      closed.every((ms) => ms < 5000),
      `closed after ${closed.join(', ')} ms`,
    );
    assert.ok(
      lines.some((l) => /Slow client/.test(l)),
      lines.join('\n'),
    );
    const ok = await post(receiver.url, cloud, { 'x-hub-signature-256': metaSig(cloud) });
    assert.equal(ok.status, 202);
  });
});

describe('webhooks/receiver: unverifiable requests and the store', () => {
  it('stores but does not forward a request it cannot verify (no secret set), unless told to', async () => {
    const handler = await recordingServer((_req, res) => res.end('ok'));
    const strict = await createReceiver({ forwardTo: handler.url });
    const lenient = await createReceiver({ forwardTo: handler.url, forwardUnverified: true });
    try {
      const a = await post(strict.url, cloud, { 'x-hub-signature-256': metaSig(cloud) });
      assert.equal(a.status, 200);
      assert.deepEqual([strict.list()[0].verified, handler.requests.length], [null, 0]);
      assert.match(strict.list()[0].reason ?? '', /WHATSAPP_APP_SECRET is not set/);
      await post(lenient.url, cloud);
      assert.equal(handler.requests.length, 1);
    } finally {
      await strict.close();
      await lenient.close();
      await handler.close();
    }
  });

  it('keeps the newest N on disk, across restarts', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mwb-store-'));
    try {
      const first = await createReceiver({ store: diskStore(dir, 3) });
      for (let i = 0; i < 5; i++) await post(first.url, vonage);
      const ids = first.list().map((r) => r.id);
      await first.close();
      assert.equal(ids.length, 3);
      const second = await createReceiver({ store: dir });
      try {
        assert.deepEqual(
          second.list().map((r) => r.id),
          ids,
        );
        assert.equal(Buffer.from(second.get(ids[0])!.bodyBase64, 'base64').toString(), vonage.toString(), 'the exact bytes');
        assert.equal(second.get(ids[2].slice(0, 6))?.id, ids[2], 'a unique prefix finds it');
      } finally {
        await second.close();
      }
      assert.equal(fs.readdirSync(dir).filter((f) => f.endsWith('.json')).length, 3);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
