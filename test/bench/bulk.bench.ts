/**
 * Sending throughput against a local server on loopback: the shared keep-alive agent against a new
 * agent per send (1 and 16 in flight); `mwb bulk`'s runner against the official @vonage/messages
 * SDK in a plain loop at the same concurrency (the peer) and a bare undici loop (the floor); and
 * the peak memory of `mwb bulk` over 100,000 rows.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Agent, Pool } from 'undici';
import { SignJWT, importPKCS8 } from 'jose';
import { Messages } from '@vonage/messages';
import { Auth } from '@vonage/auth';
import { sendHttp } from '../../src/core/http/client';
import { jsonRequest } from '../../src/core/http/types';
import { runBulk } from '../../src/bulk/runner';

type Report = (name: string, value: number, unit: string, budget?: number) => void;

const APP_ID = 'aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab';
const IN_FLIGHT = 16;

async function localServer() {
  let count = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      count++;
      const to = `${count}`;
      if (req.url?.includes('/messages') && req.url.startsWith('/v1')) res.writeHead(202, { 'content-type': 'application/json' }).end(`{"message_uuid":"${randomUUID()}"}`);
      else res.writeHead(200, { 'content-type': 'application/json' }).end(`{"messaging_product":"whatsapp","contacts":[{"input":"${to}","wa_id":"${to}"}],"messages":[{"id":"wamid.${to}"}]}`);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, count: () => count, close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))) };
}

/** `count` calls of `one`, `inFlight` at a time; calls per second. */
async function loop(count: number, inFlight: number, one: () => Promise<unknown>): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < count) {
        next++;
        await one();
      }
    }),
  );
  return (count / (performance.now() - t0)) * 1000;
}

function csv(file: string, rows: number): void {
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, 'TO,NAME\n');
  const chunk: string[] = [];
  for (let i = 0; i < rows; i++) {
    chunk.push(`44${String(7000000000 + i)},Person ${i}`);
    if (chunk.length === 5000) fs.writeSync(fd, chunk.splice(0).join('\n') + '\n');
  }
  if (chunk.length) fs.writeSync(fd, chunk.join('\n') + '\n');
  fs.closeSync(fd);
}

export async function bench(report: Report): Promise<void> {
  const server = await localServer();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mwb-bulk-bench-'));
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
  try {
    // ---- one shared keep-alive agent vs a new agent per send ----
    const req = () => jsonRequest('POST', `${server.url}/v21.0/1/messages`, { messaging_product: 'whatsapp', to: '447700900000', type: 'text', text: { body: 'hi' } });
    for (const inFlight of [1, 16]) {
      const n = inFlight === 1 ? 1000 : 3000;
      await loop(200, inFlight, () => sendHttp(req()));
      const shared = await loop(n, inFlight, () => sendHttp(req()));
      const perCall = await loop(n, inFlight, async () => {
        const agent = new Agent();
        try {
          return await sendHttp(req(), { dispatcher: agent });
        } finally {
          void agent.close();
        }
      });
      report(`sendHttp sends/s, shared agent (${inFlight} in flight)`, shared, 'req/s');
      report(`sendHttp sends/s, agent per send (${inFlight} in flight)`, perCall, 'req/s');
      report(`  shared agent / agent per send (${inFlight} in flight)`, shared / perCall, 'x');
    }

    // ---- bulk runner vs the official SDK vs bare undici, Vonage JWT, 16 in flight ----
    const ROWS = 2000;
    const list = path.join(dir, 'list.csv');
    csv(list, ROWS);
    const payloadFile = path.join(dir, 'hi.vonage.json');
    const payloadText = JSON.stringify({ message_type: 'text', channel: 'whatsapp', to: '{{TO}}', from: '447700900001', text: 'Hello {{NAME}}' });
    fs.writeFileSync(payloadFile, payloadText);
    const profile = { name: 'Bench', provider: 'vonage' as const, auth: 'jwt' as const, endpoint: server.url, applicationId: APP_ID };
    const runOnce = async (rows: string, journal: string) => {
      const t0 = performance.now();
      const s = await runBulk({ payloadFile, payloadText, recipientsFile: rows, profile, secrets: { privateKey: keys.privateKey }, concurrency: IN_FLIGHT, rate: 1e6, journalFile: journal });
      if (s.sent !== s.rows) throw new Error(`bulk bench: ${s.sent}/${s.rows} sent (${s.stopReason ?? s.invalidRows[0]?.problem ?? ''})`);
      return (s.sent / (performance.now() - t0)) * 1000;
    };
    const warm = path.join(dir, 'warm.csv');
    csv(warm, 500);
    await runOnce(warm, path.join(dir, 'warm.jsonl'));

    const sdk = new Messages(new Auth({ applicationId: APP_ID, privateKey: keys.privateKey }), { apiHost: server.url });
    let i = 0;
    const sdkSend = () => sdk.send({ messageType: 'text', channel: 'whatsapp', to: `44${7000000000 + i++}`, from: '447700900001', text: `Hello Person ${i}` });
    await loop(300, IN_FLIGHT, sdkSend);

    const signing = await importPKCS8(keys.privateKey, 'RS256');
    const now = Math.floor(Date.now() / 1000);
    const jwt = await new SignJWT({ application_id: APP_ID, jti: randomUUID() })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .setIssuedAt(now)
      .setExpirationTime(now + 900)
      .sign(signing);
    const pool = new Pool(server.url, { connections: IN_FLIGHT });
    let k = 0;
    const bare = async () => {
      const res = await pool.request({
        method: 'POST',
        path: '/v1/messages',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${jwt}` },
        body: JSON.stringify({ message_type: 'text', channel: 'whatsapp', to: `44${7000000000 + k++}`, from: '447700900001', text: 'Hello' }),
      });
      await res.body.text();
    };
    await loop(500, IN_FLIGHT, bare);

    // Interleaved rounds, medians: the machine is shared, and a burst of someone else's load should
    // not land on one side only.
    const rounds = { bulk: [] as number[], sdk: [] as number[], bare: [] as number[] };
    for (let round = 0; round < 3; round++) {
      rounds.bulk.push(await runOnce(list, path.join(dir, `j${round}.jsonl`)));
      rounds.sdk.push(await loop(ROWS / 2, IN_FLIGHT, sdkSend));
      rounds.bare.push(await loop(ROWS, IN_FLIGHT, bare));
    }
    await pool.close();
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const bulkRate = median(rounds.bulk);
    const sdkRate = median(rounds.sdk);
    const bareRate = median(rounds.bare);
    report(`mwb bulk runner msgs/s (${ROWS} rows, Vonage JWT, ${IN_FLIGHT} in flight, median of 3)`, bulkRate, 'msg/s');
    report(`@vonage/messages SDK plain loop msgs/s (${IN_FLIGHT} in flight, median of 3)`, sdkRate, 'msg/s');
    report(`bare undici Pool loop msgs/s (the floor, ${IN_FLIGHT} in flight, median of 3)`, bareRate, 'msg/s');
    report('  bulk / SDK (goal >= 3x)', bulkRate / sdkRate, 'x');
    report('  bulk / bare undici', bulkRate / bareRate, 'x');

    // ---- peak memory of the CLI over 100,000 rows (WhatsApp, bearer) ----
    const big = path.join(dir, 'big.csv');
    csv(big, 100_000);
    const wa = path.join(dir, 'hi.whatsapp.json');
    fs.writeFileSync(wa, JSON.stringify({ messaging_product: 'whatsapp', recipient_type: 'individual', to: '{{TO}}', type: 'text', text: { body: 'Hello {{NAME}}' } }));
    const before = server.count();
    const cli = path.join(__dirname, '..', '..', '..', 'dist', 'cli.js');
    const t0 = performance.now();
    const child = spawn(
      process.execPath,
      [
        '-r',
        path.join(__dirname, 'print-maxrss.js'),
        cli,
        'bulk',
        '--payload',
        wa,
        '--recipients',
        big,
        '--endpoint',
        server.url,
        '--rate',
        '10000',
        '--concurrency',
        '32',
        '--report',
        path.join(dir, 'big-report.csv'),
      ],
      {
        env: { PATH: process.env.PATH ?? '', WHATSAPP_TOKEN: 'bench-token', WHATSAPP_PHONE_NUMBER_ID: '1' },
      },
    );
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    child.stdout.resume();
    const code = await new Promise<number | null>((r) => child.on('close', r));
    const ms = performance.now() - t0;
    const kb = Number(/MAXRSS_KB (\d+)/.exec(stderr)?.[1] ?? NaN);
    if (code !== 0) throw new Error(`mwb bulk over 100,000 rows exited ${code}: ${stderr.slice(-500)}`);
    report(`mwb bulk 100,000 rows: requests that arrived`, server.count() - before, 'req');
    report(`mwb bulk 100,000 rows: msgs/s (CLI, 32 in flight, --rate 10000)`, (100_000 / ms) * 1000, 'msg/s');
    report(`mwb bulk 100,000 rows: peak memory (RSS)`, kb / 1024, 'MB', 150);
  } finally {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
