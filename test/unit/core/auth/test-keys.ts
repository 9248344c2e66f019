/** Test key pairs, generated once per run (never committed). */
import { generateKeyPairSync } from 'node:crypto';

let cached: { pkcs8: string; pkcs1: string; publicKey: string; encrypted: string; ec: string } | undefined;

export function testKeys() {
  if (!cached) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    cached = {
      pkcs8: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      pkcs1: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
      publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      encrypted: privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'correct horse' }).toString(),
      ec: ec.export({ type: 'pkcs8', format: 'pem' }).toString(),
    };
  }
  return cached;
}

export const APP_ID = 'aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab';
