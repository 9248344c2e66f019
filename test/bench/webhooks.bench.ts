/**
 * Webhooks per second through `mwb listen`'s receiver (signature check + store on disk + forward to
 * a handler), beside a bare node http server that only reads the body and answers 200: the floor.
 * Bounded request counts, fixed concurrency, loopback only.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { createHmac } from 'node:crypto';
import { Pool } from 'undici';
import { createReceiver } from '../../src/webhooks/receiver';
import { diskStore, memoryStore } from '../../src/webhooks/store';
import { closeAgent } from '../../src/webhooks/post';
import { vonageHeaders } from '../../src/providers/vonage/webhook-signature';

const REQUESTS = 2000;
const WARMUP = 300;
const IN_FLIGHT = 16;
const TIME_CAP_MS = 20_000;
const APP_SECRET = 'bench-app-secret';
const SIG_SECRET = 'bench-signature-secret-0123456789';

function bareServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    req.on('data', () => undefined);
    req.on('end', () => res.end('ok'));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () =>
          new Promise<void>((r) => {
            server.close(() => r());
            server.closeAllConnections();
          }),
      }),
    ),
  );
}

async function drive(url: string, body: Buffer, headers: () => Record<string, string>, count: number): Promise<number> {
  const pool = new Pool(url, { connections: IN_FLIGHT });
  const deadline = Date.now() + TIME_CAP_MS;
  let next = 0;
  let done = 0;
  let failed = '';
  const started = process.hrtime.bigint();
  const worker = async () => {
    while (next < count && Date.now() < deadline && !failed) {
      next++;
      const res = await pool.request({ method: 'POST', path: '/webhook', headers: { 'content-type': 'application/json', ...headers() }, body });
      await res.body.text();
      if (res.statusCode >= 300) failed = `HTTP ${res.statusCode}`;
      done++;
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  await pool.close();
  if (failed) throw new Error(`webhook bench: ${failed}`);
  return (done / ms) * 1000;
}

export async function bench(report: (name: string, value: number, unit: string, budget?: number) => void): Promise<void> {
  const example = path.join(__dirname, '../../../examples/webhooks/whatsapp/status-read.whatsapp-webhook.json');
  const meta = Buffer.from(JSON.stringify(JSON.parse(fs.readFileSync(example, 'utf8'))));
  const metaHeaders = () => ({ 'x-hub-signature-256': 'sha256=' + createHmac('sha256', APP_SECRET).update(meta).digest('hex') });
  const vonage = Buffer.from(
    JSON.stringify({ message_uuid: 'aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab', to: '447700900001', from: '447700900000', timestamp: '2025-02-03T12:14:25Z', status: 'delivered', channel: 'whatsapp' }),
  );
  // Signed ahead: the numbers are the receiver's cost, not the sender's.
  const tokens = await Promise.all(Array.from({ length: 64 }, () => vonageHeaders(vonage, { vonageSignatureSecret: SIG_SECRET }, Date.now())));
  let t = 0;
  const store = fs.mkdtempSync(path.join(os.tmpdir(), 'mwb-bench-webhooks-'));
  const floor = await bareServer();
  const handler = await bareServer();
  const receiver = await createReceiver({ secrets: { whatsappAppSecret: APP_SECRET, vonageSignatureSecret: SIG_SECRET }, store: diskStore(store, 200), forwardTo: handler.url + '/app' });
  // Where the time goes: the same receiver with its store in memory and nothing to forward to.
  const bareReceiver = await createReceiver({ secrets: { whatsappAppSecret: APP_SECRET }, store: memoryStore(200) });
  try {
    await drive(floor.url, meta, metaHeaders, WARMUP);
    await drive(receiver.url, meta, metaHeaders, WARMUP);
    const bare = await drive(floor.url, meta, metaHeaders, REQUESTS);
    const metaRate = await drive(receiver.url, meta, metaHeaders, REQUESTS);
    await drive(bareReceiver.url, meta, metaHeaders, WARMUP);
    const verifyOnly = await drive(bareReceiver.url, meta, metaHeaders, REQUESTS);
    const vonageRate = await drive(receiver.url, vonage, () => ({ authorization: tokens[t++ % tokens.length].authorization }), REQUESTS);
    report(`webhooks/s: bare node http server (floor, ${IN_FLIGHT} in flight)`, bare, 'req/s');
    report('webhooks/s: mwb listen, Meta (HMAC + disk store + forward)', metaRate, 'req/s');
    report('webhooks/s: mwb listen, Vonage (JWT + disk store + forward)', vonageRate, 'req/s');
    report('webhooks/s: mwb listen, Meta, verify only (memory store, no forward)', verifyOnly, 'req/s');
    report('mwb listen (Meta, store + forward) as a share of the floor', (metaRate / bare) * 100, '%');
  } finally {
    await receiver.close();
    await bareReceiver.close();
    await handler.close();
    await floor.close();
    await closeAgent();
    fs.rmSync(store, { recursive: true, force: true });
  }
}
