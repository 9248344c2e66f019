/** `mwb trigger` into `mwb listen`, both as child processes: byte-exact signed bodies, verdicts, exit codes, replay. */
import * as assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { jwtVerify } from 'jose';
import { request } from 'undici';
import { projectRoot } from '../../helpers';
import { recordingServer, type RecordingServer } from '../../core/http/recording-server';
import { lines, mwb, start } from './webhook-cli';

const SECRETS = { WHATSAPP_APP_SECRET: 'cli-app-secret', WHATSAPP_VERIFY_TOKEN: 'cli-verify', VONAGE_SIGNATURE_SECRET: 'cli-signature-secret-0123456789' };
const EX = path.join(projectRoot(), 'examples', 'webhooks');

describe('mwb trigger', function () {
  this.timeout(30000);
  let handler: RecordingServer;
  before(async () => {
    handler = await recordingServer((req, res) => {
      res.writeHead(req.path === '/fail' ? 500 : 200, { 'content-type': 'application/json' });
      res.end('{"seen":true}');
    });
  });
  after(() => handler.close());

  it('posts the file as compact JSON, signed with X-Hub-Signature-256 over those exact bytes, and prints the answer', async () => {
    const file = path.join(EX, 'whatsapp', 'inbound-text.whatsapp-webhook.json');
    const r = await mwb(['trigger', file, '--to', handler.url + '/hook'], SECRETS);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^HTTP 200 from/);
    assert.match(r.stdout, /"seen":true/);
    const got = handler.requests.at(-1)!;
    assert.equal(got.body, JSON.stringify(JSON.parse(fs.readFileSync(file, 'utf8'))));
    assert.equal(got.headers['x-hub-signature-256'], 'sha256=' + createHmac('sha256', SECRETS.WHATSAPP_APP_SECRET).update(got.body).digest('hex'));
    assert.equal(got.headers['content-type'], 'application/json');
    assert.equal(got.headers['user-agent'], 'facebookexternalua');
  });

  it("signs a Vonage webhook with an HS256 JWT whose payload_hash is the body's SHA-256", async () => {
    const r = await mwb(['trigger', '--json', path.join(EX, 'vonage', 'status-delivered.vonage-webhook.json'), '--to', handler.url], SECRETS);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual([JSON.parse(r.stdout).status, JSON.parse(r.stdout).signed], [200, true]);
    const got = handler.requests.at(-1)!;
    const { payload } = await jwtVerify(String(got.headers.authorization).replace(/^Bearer /, ''), new TextEncoder().encode(SECRETS.VONAGE_SIGNATURE_SECRET), { algorithms: ['HS256'] });
    assert.equal(payload.payload_hash, createHash('sha256').update(got.body).digest('hex'));
  });

  it('exits 1 when the handler does not answer 2xx or cannot be reached, 2 for usage, and sends unsigned (saying so) without a secret', async () => {
    const file = path.join(EX, 'whatsapp', 'status-read.whatsapp-webhook.json');
    assert.equal((await mwb(['trigger', file, '--to', handler.url + '/fail'], SECRETS)).status, 1);
    assert.equal((await mwb(['trigger', file, '--to', 'http://127.0.0.1:1/'], SECRETS)).status, 1);
    assert.equal((await mwb(['trigger', file], SECRETS)).status, 2);
    assert.equal((await mwb(['trigger', file, '--to', 'ftp://x'], SECRETS)).status, 2);
    const unsigned = await mwb(['trigger', file, '--to', handler.url]);
    assert.equal(unsigned.status, 0);
    assert.match(unsigned.stderr, /WHATSAPP_APP_SECRET is not set/);
    assert.equal(handler.requests.at(-1)!.headers['x-hub-signature-256'], undefined);
  });

  it('refuses a file that is not JSON or of no known provider, sending nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mwb-trigger-'));
    try {
      fs.writeFileSync(path.join(dir, 'bad.whatsapp-webhook.json'), '{"object": ');
      fs.writeFileSync(path.join(dir, 'odd.json'), '{"hello": 1}');
      const before = handler.requests.length;
      const bad = await mwb(['trigger', path.join(dir, 'bad.whatsapp-webhook.json'), '--to', handler.url]);
      assert.equal(bad.status, 1);
      assert.match(bad.stderr, /not valid JSON.*Nothing was sent/);
      const odd = await mwb(['trigger', path.join(dir, 'odd.json'), '--to', handler.url]);
      assert.equal(odd.status, 1);
      assert.match(odd.stderr, /which provider/);
      assert.equal(handler.requests.length, before);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('mwb listen', function () {
  this.timeout(30000);
  let store: string;
  beforeEach(() => {
    store = fs.mkdtempSync(path.join(os.tmpdir(), 'mwb-listen-'));
  });
  afterEach(() => fs.rmSync(store, { recursive: true, force: true }));

  it('--json prints one object per request: verified, refused with a reason, or unverifiable; forwards only what verified', async () => {
    const handler = await recordingServer((_req, res) => res.end('fwd'));
    const listen = await start(['listen', '--json', '--port', '0', '--store', store, '--forward-to', handler.url + '/app'], SECRETS);
    try {
      const good = await mwb(['trigger', path.join(EX, 'whatsapp', 'status-failed-window-closed.whatsapp-webhook.json'), '--to', listen.url], SECRETS);
      assert.equal(good.status, 0, good.stderr);
      const forged = await mwb(['trigger', path.join(EX, 'vonage', 'status-delivered.vonage-webhook.json'), '--to', listen.url], { VONAGE_SIGNATURE_SECRET: 'forged-secret-0123456789abcdef' });
      assert.equal(forged.status, 1);
      const onprem = await mwb(['trigger', path.join(EX, 'whatsapp-onprem', 'inbound-text.whatsapp-onprem-webhook.json'), '--to', listen.url]);
      assert.equal(onprem.status, 0);
      const verify = await request(`${listen.url}/?hub.mode=subscribe&hub.verify_token=cli-verify&hub.challenge=42`);
      assert.equal(await verify.body.text(), '42');
      const out = (await lines(listen.stdout, 4)).map((l) => JSON.parse(l));
      assert.deepEqual(
        out.map((o) => [o.provider, o.verified, o.status]),
        [
          ['whatsapp', true, 200],
          ['vonage', false, 401],
          ['whatsapp-onprem', null, 200],
          ['whatsapp', true, 200],
        ],
      );
      assert.deepEqual(out[0].events, [
        {
          kind: 'status',
          messageId: 'wamid.HBgLMTU1NTEyMzAwMDAVAgARGBJDMDlCMTRFNDhGMTI1NzhDMUUA',
          status: 'failed',
          to: '15551230000',
          from: '15550783881',
          timestamp: '2025-06-08T20:59:52.000Z',
          errorCode: 131047,
          errorTitle: 'Re-engagement message',
        },
      ]);
      assert.match(out[1].reason, /another secret/);
      assert.match(out[2].reason, /does not sign/);
      assert.equal(handler.requests.length, 1, 'only the verified POST was forwarded');
      assert.equal(out[0].forwarded.status, 200);
    } finally {
      assert.equal(await listen.stop(), 0);
      await handler.close();
    }
  });

  it('prints a line per event for people, keeps requests across restarts, and replays one byte for byte', async () => {
    const first = await start(['listen', '--port', '0', '--store', store], SECRETS);
    await mwb(['trigger', path.join(EX, 'whatsapp', 'button-reply.whatsapp-webhook.json'), '--to', first.url], SECRETS);
    const [line] = await lines(first.stdout, 1);
    assert.match(line, /whatsapp +verified +message interactive .* from 447700900123 +tapped "Yes, confirm" \(confirm\)/);
    await first.stop();
    const listed = await mwb(['listen', 'list', '--json', '--store', store]);
    const [stored] = listed.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const handler = await recordingServer((_req, res) => res.end('again'));
    try {
      const replay = await mwb(['listen', 'replay', stored.id, '--to', handler.url, '--store', store]);
      assert.equal(replay.status, 0, replay.stderr);
      const original = JSON.stringify(JSON.parse(fs.readFileSync(path.join(EX, 'whatsapp', 'button-reply.whatsapp-webhook.json'), 'utf8')));
      assert.equal(handler.requests[0].body, original);
      assert.equal(handler.requests[0].headers['x-hub-signature-256'], 'sha256=' + createHmac('sha256', SECRETS.WHATSAPP_APP_SECRET).update(original).digest('hex'));
      assert.equal((await mwb(['listen', 'replay', 'nope', '--to', handler.url, '--store', store])).status, 1);
    } finally {
      await handler.close();
    }
  });

  it('refuses a non-loopback host without --allow-remote, and a bad --forward-to', async () => {
    assert.equal((await mwb(['listen', '--host', '0.0.0.0'])).status, 2);
    assert.equal((await mwb(['listen', '--forward-to', 'not a url'])).status, 2);
  });
});

describe('mwb trigger --escape-unicode', () => {
  it('writes non-ASCII and "/" escaped as Meta does, meaning the same JSON', async () => {
    const { escapeLikeMeta } = await import('../../../../src/cli/commands/trigger');
    const value = { text: { body: 'Café / naïve 😀 ok' } };
    const escaped = escapeLikeMeta(JSON.stringify(value));
    assert.equal(escaped, '{"text":{"body":"Caf\\u00e9 \\/ na\\u00efve \\ud83d\\ude00 ok"}}');
    assert.deepEqual(JSON.parse(escaped), value);
    assert.ok(/^[\x20-\x7e]*$/.test(escaped), 'ASCII only');
  });
});
