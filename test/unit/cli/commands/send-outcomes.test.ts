import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { connectProxy, type ConnectProxy } from '../../core/http/connect-proxy';
import { drip, hostileServer, type Hostile } from '../../core/http/hostile-server';
import { makeCerts } from '../../core/http/test-ca';
import { mwb } from '../run-mwb';

const TOKEN = 'EAAtesttoken0123456789';
const ENV = { WHATSAPP_TOKEN: TOKEN, WHATSAPP_PHONE_NUMBER_ID: '106540352242922' };

describe('mwb send: outcomes, deadline, proxies', function () {
  this.timeout(30000);
  let dir: string;
  let file: string;
  let server: Hostile | undefined;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mwb-outcomes-'));
    file = path.join(dir, 'hi.whatsapp.json');
    fs.writeFileSync(file, JSON.stringify({ messaging_product: 'whatsapp', recipient_type: 'individual', to: '447700900000', type: 'text', text: { body: 'Hello' } }));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('HTTP 502: one POST, "outcome": "unknown", exit 1, says to check before sending again', async () => {
    server = await hostileServer((_n, _req, res) => res.writeHead(502).end('bad gateway'));
    const r = await mwb(['send', '--json', '--endpoint', server.url, file], ENV);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(server.posts, 1);
    const out = JSON.parse(r.stdout);
    assert.equal(out.outcome, 'unknown');
    assert.equal(out.ok, false);
    assert.match(out.problem, /may have been sent: check its status before sending again/);
    assert.ok(!r.stdout.includes(TOKEN) && !r.stderr.includes(TOKEN));
  });

  it('a dripping server: --timeout 2 ends the run in time, once, unknown', async () => {
    server = await hostileServer((_n, _req, res) => drip(res, 200));
    const r = await mwb(['send', '--json', '--timeout', '2', '--endpoint', server.url, file], ENV);
    assert.ok(r.ms < 2000 + 5000, `took ${r.ms} ms`);
    assert.equal(r.code, 1);
    assert.equal(server.posts, 1);
    assert.equal(JSON.parse(r.stdout).outcome, 'unknown');
  });

  it('a 200 whose body is not JSON: sent, exit 0, no message id, and says the answer could not be read', async () => {
    server = await hostileServer((_n, _req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>hello</html>'));
    const r = await mwb(['send', '--json', '--endpoint', server.url, file], ENV);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.outcome, 'sent');
    assert.equal(out.messageId, null);
    assert.match(r.stderr, /Sent, but the answer could not be read/);
  });

  it('--timeout must be a positive number of seconds (exit 2)', async () => {
    const r = await mwb(['send', '--timeout', 'soon', '--endpoint', 'http://127.0.0.1:9', file], ENV);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--timeout must be a number of seconds/);
  });

  describe('through a CONNECT proxy to a TLS server with a test CA', () => {
    let proxy: ConnectProxy;
    let tls: https.Server;
    let caFile: string;
    const received: string[] = [];
    before(async () => {
      const certs = makeCerts('api.example.test');
      caFile = path.join(dir, 'ca.pem');
      fs.writeFileSync(caFile, certs.caPem);
      tls = https.createServer({ cert: certs.certPem, key: certs.keyPem }, (req, res) => {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          received.push(`${req.headers.host} ${req.url} ${body}`);
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ messaging_product: 'whatsapp', messages: [{ id: 'wamid.PROXIED' }] }));
        });
      });
      await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
      const tlsPort = (tls.address() as AddressInfo).port;
      proxy = await connectProxy(() => tlsPort);
    });
    after(async () => {
      await proxy.close();
      tls.closeAllConnections();
      await new Promise((resolve) => tls.close(resolve));
    });
    beforeEach(() => {
      proxy.targets.length = 0;
      received.length = 0;
    });

    it('HTTPS_PROXY: the send tunnels through the proxy and arrives, TLS verified against the test CA', async () => {
      const r = await mwb(['send', '--json', '--endpoint', 'https://api.example.test', file], { ...ENV, HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: caFile });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(JSON.parse(r.stdout).messageId, 'wamid.PROXIED');
      assert.deepEqual(proxy.targets, ['api.example.test:443']);
      assert.equal(received.length, 1);
      assert.match(received[0], /^api\.example\.test \/v21\.0\/106540352242922\/messages \{"messaging_product":"whatsapp"/);
    });

    it('without the test CA the certificate is refused: not sent, exit 1', async () => {
      const r = await mwb(['send', '--json', '--endpoint', 'https://api.example.test', file], { ...ENV, https_proxy: proxy.url });
      assert.equal(r.code, 1);
      assert.equal(JSON.parse(r.stdout).outcome, 'not-sent');
      assert.equal(received.length, 0);
    });

    it('NO_PROXY sends that host direct (here: no such host, not sent), the proxy sees nothing', async () => {
      const r = await mwb(['send', '--json', '--timeout', '5', '--endpoint', 'https://api.example.test', file], {
        ...ENV,
        HTTPS_PROXY: proxy.url,
        NO_PROXY: 'example.test',
        NODE_EXTRA_CA_CERTS: caFile,
      });
      assert.equal(r.code, 1);
      assert.equal(JSON.parse(r.stdout).outcome, 'not-sent');
      assert.deepEqual(proxy.targets, []);
    });

    it('loopback never goes through the proxy', async () => {
      server = await hostileServer((_n, _req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"messages":[{"id":"wamid.DIRECT"}]}'));
      const r = await mwb(['send', '--json', '--endpoint', server.url, file], { ...ENV, HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(server.posts, 1);
      assert.deepEqual(proxy.targets, []);
    });
  });
});
