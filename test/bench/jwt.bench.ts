/** Vonage JWT signing (budget < 1 ms amortised: the key is imported once, then each send signs a fresh token). */
import { generateKeyPairSync } from 'node:crypto';
import { signVonageJwt } from '../../src/core/auth/jwt';

const APP_ID = 'aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab';

async function perCallMs(fn: () => Promise<unknown>, iterations: number, warmup: number, batches = 5): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const perCall: number[] = [];
  for (let b = 0; b < batches; b++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) await fn();
    perCall.push(Number(process.hrtime.bigint() - t0) / 1e6 / iterations);
  }
  perCall.sort((a, b) => a - b);
  return perCall[Math.floor(perCall.length / 2)];
}

export async function bench(report: (name: string, value: number, unit: string, budget?: number) => void): Promise<void> {
  const pkcs8 = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const pkcs1 = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();

  const t0 = process.hrtime.bigint();
  await signVonageJwt({ applicationId: APP_ID, privateKey: pkcs8 });
  report('JWT first sign (key import + sign, RSA 2048)', Number(process.hrtime.bigint() - t0) / 1e6, 'ms');

  report('JWT sign, amortised (cached key, RS256)', await perCallMs(() => signVonageJwt({ applicationId: APP_ID, privateKey: pkcs8 }), 200, 50), 'ms', 1);
  // WebCrypto signs on libuv's thread pool: sends in flight at once share the cores.
  const batch = 64;
  const concurrent = await perCallMs(() => Promise.all(Array.from({ length: batch }, () => signVonageJwt({ applicationId: APP_ID, privateKey: pkcs8 }))), 10, 2);
  report(`JWT sign, per token with ${batch} in flight`, concurrent / batch, 'ms', 1);
  report('JWT sign, amortised (PKCS#1 PEM, converted once)', await perCallMs(() => signVonageJwt({ applicationId: APP_ID, privateKey: pkcs1 }), 200, 50), 'ms', 1);
}
