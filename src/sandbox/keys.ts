/**
 * Key pairs for the sandbox's Vonage application: the extension generates one for its default
 * profile (the private half goes to SecretStorage, the public half to the sandbox), and the CLI
 * derives the public half from the private key the user already has.
 */
import { createPublicKey, generateKeyPair } from 'node:crypto';

export interface SandboxKeyPair {
  /** PKCS#8 PEM: what a profile signs its JWTs with. */
  privateKey: string;
  /** SPKI PEM: what `createSandbox({ vonage: { publicKeys } })` verifies with. */
  publicKey: string;
}

export function generateSandboxKeyPair(): Promise<SandboxKeyPair> {
  return new Promise((resolve, reject) => {
    generateKeyPair('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } }, (e, publicKey, privateKey) =>
      e ? reject(e) : resolve({ publicKey, privateKey }),
    );
  });
}

/** The SPKI PEM public key of a PEM private key (PKCS#8 or PKCS#1). Throws on anything else. */
export function publicKeyOf(privateKeyPem: string): string {
  return createPublicKey(privateKeyPem.trim()).export({ type: 'spki', format: 'pem' }).toString();
}
