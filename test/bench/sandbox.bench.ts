/**
 * Sends per second to the sandbox over loopback with undici: a bounded number of requests with a
 * fixed number in flight (and a time cap), for the gateway (token in the body), Meta Cloud
 * (Bearer) and Vonage (an RS256 JWT verified per request).
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { Pool } from 'undici';
import { SignJWT, importPKCS8 } from 'jose';
import { createSandbox } from '../../src/sandbox/server';

const REQUESTS = 2000;
const IN_FLIGHT = 16;
const WARMUP = 500;
const TIME_CAP_MS = 20_000;

interface Target {
  name: string;
  path: string;
  headers: () => Record<string, string>;
  body: string | (() => string);
}

async function drive(pool: Pool, t: Target, count: number): Promise<{ done: number; ms: number; latencies: number[] }> {
  const started = process.hrtime.bigint();
  const deadline = Date.now() + TIME_CAP_MS;
  const latencies: number[] = [];
  let next = 0;
  let failed = '';
  const worker = async () => {
    while (next < count && Date.now() < deadline && !failed) {
      next++;
      const t0 = process.hrtime.bigint();
      const res = await pool.request({ method: 'POST', path: t.path, headers: { 'content-type': 'application/json', ...t.headers() }, body: typeof t.body === 'string' ? t.body : t.body() });
      await res.body.text();
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (res.statusCode >= 300) failed = `${t.name}: HTTP ${res.statusCode}`;
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  if (failed) throw new Error(failed);
  return { done: latencies.length, ms: Number(process.hrtime.bigint() - started) / 1e6, latencies };
}

export async function bench(report: (name: string, value: number, unit: string, budget?: number) => void): Promise<void> {
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
  const signing = await importPKCS8(keys.privateKey, 'RS256');
  const now = Math.floor(Date.now() / 1000);
  // Signed ahead so the numbers are the sandbox's cost, not the client's signing.
  const jwts = await Promise.all(
    Array.from({ length: 64 }, () =>
      new SignJWT({ application_id: 'bench-app', jti: randomUUID() })
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
        .setIssuedAt(now)
        .setExpirationTime(now + 900)
        .sign(signing),
    ),
  );
  let j = 0;
  let n = 0;

  const sandbox = await createSandbox({ vonage: { publicKeys: [keys.publicKey] }, whatsappTokens: ['bench-token'], gatewayTokens: ['bench-token'] });
  const pool = new Pool(sandbox.url, { connections: IN_FLIGHT });
  const targets: Target[] = [
    { name: 'gateway', path: '/gateway/send', headers: () => ({}), body: JSON.stringify({ token: 'bench-token', phone: '+447700900000', message: 'Hello *there*' }) },
    {
      name: 'whatsapp (Meta, Bearer)',
      path: '/v21.0/106540352242922/messages',
      headers: () => ({ authorization: 'Bearer bench-token' }),
      // Spread over many customers, as a bulk send is: WhatsApp's pair limit allows 45 at once to one.
      body: () => JSON.stringify({ messaging_product: 'whatsapp', recipient_type: 'individual', to: `447700900${String(n++ % 1000).padStart(3, '0')}`, type: 'text', text: { body: 'Hello' } }),
    },
    {
      name: 'vonage (JWT verified per request)',
      path: '/v1/messages',
      headers: () => ({ authorization: `Bearer ${jwts[j++ % jwts.length]}` }),
      body: JSON.stringify({ message_type: 'text', channel: 'whatsapp', to: '447700900000', from: '447700900001', text: 'Hello' }),
    },
  ];
  try {
    // Warm every route first: the first requests pay for JIT and connection setup.
    for (const t of targets) await drive(pool, t, WARMUP);
    for (const t of targets) {
      const r = await drive(pool, t, REQUESTS);
      r.latencies.sort((a, b) => a - b);
      report(`sandbox sends/s: ${t.name} (${r.done} req, ${IN_FLIGHT} in flight)`, (r.done / r.ms) * 1000, 'req/s');
      report(`sandbox send p50 latency: ${t.name}`, r.latencies[Math.floor(r.latencies.length / 2)], 'ms');
    }
  } finally {
    await pool.close();
    await sandbox.close();
  }
}
