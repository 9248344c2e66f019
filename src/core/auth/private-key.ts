/**
 * Turning a PEM into a signing key, once. Importing an RSA key costs milliseconds; signing with an
 * imported key costs well under one, so keys are cached by a digest of the PEM (never by the PEM).
 */
import { createHash, createPrivateKey } from 'node:crypto';
import { importPKCS8 } from 'jose';
import { MAX_KEY_BYTES, readTextFile } from '../read-file';

export class KeyError extends Error {}

/** RFC 7518 section 3.3. */
export const MIN_RSA_BITS = 2048;

/** The PEM text of a key file: a regular file, not empty, not larger than any key. */
export function readPrivateKeyFile(file: string): string {
  const read = readTextFile(file, MAX_KEY_BYTES, 'a private key file');
  if (!read.ok) throw new KeyError(`${read.message} Pass the private.key file of your Vonage application.`);
  if (read.text.trim() === '') throw new KeyError(`${file} is empty: pass the private.key file your Vonage application gave you (its first line is "-----BEGIN PRIVATE KEY" followed by dashes).`);
  return read.text;
}

type SigningKey = Awaited<ReturnType<typeof importPKCS8>>;

const MAX_CACHED = 8;
const cache = new Map<string, Promise<SigningKey>>();

/** Why a text is not a usable unencrypted RSA private key PEM, or undefined when it is one. */
export function privateKeyProblem(pem: string): string | undefined {
  const text = pem.trim();
  if (!text) return 'The private key is empty: pass the private.key file your Vonage application gave you.';
  if (/-----BEGIN ENCRYPTED PRIVATE KEY-----/.test(text) || /Proc-Type:\s*4,ENCRYPTED/.test(text)) {
    return 'The private key is protected by a passphrase, which this tool cannot prompt for. Remove it with `openssl pkey -in private.key -out private-nopass.key` (keep the result as safe as the original) and use that file.';
  }
  if (/-----BEGIN PUBLIC KEY-----|-----BEGIN RSA PUBLIC KEY-----|-----BEGIN CERTIFICATE-----/.test(text)) {
    return 'This is a public key or certificate, not a private key: use the private.key file (its first line is "-----BEGIN PRIVATE KEY" followed by dashes).';
  }
  if (/-----BEGIN OPENSSH PRIVATE KEY-----/.test(text)) {
    return 'This is an OpenSSH key, not the PEM key of a Vonage application: use the private.key downloaded when the application was created (its first line is "-----BEGIN PRIVATE KEY" followed by dashes).';
  }
  if (!/-----BEGIN (RSA )?PRIVATE KEY-----/.test(text)) {
    return 'The private key is not a PEM: its first line should be "-----BEGIN PRIVATE KEY" followed by dashes. Pass the private.key file downloaded when the Vonage application was created.';
  }
  try {
    const key = createPrivateKey(text);
    if (key.asymmetricKeyType !== 'rsa')
      return `The private key is ${key.asymmetricKeyType?.toUpperCase() ?? 'not RSA'}; Vonage application tokens are signed with RS256 and need the application's RSA key.`;
    const bits = key.asymmetricKeyDetails?.modulusLength;
    // RFC 7518 section 3.3: RS256 keys are 2048 bits or larger; jose refuses smaller ones.
    if (bits !== undefined && bits < MIN_RSA_BITS) {
      return `The private key is a ${bits}-bit RSA key; RS256 tokens need at least ${MIN_RSA_BITS} bits. Use the private.key Vonage generated for the application (2048 bits), or generate a new key pair for it in the Vonage dashboard.`;
    }
  } catch {
    return 'The private key PEM could not be read (damaged or truncated?). Copy the whole private.key file, including the BEGIN and END lines.';
  }
  return undefined;
}

function pkcs8(pem: string): string {
  const text = pem.trim();
  // jose imports PKCS#8 only; older Vonage keys are PKCS#1 ("BEGIN RSA PRIVATE KEY").
  if (text.includes('BEGIN RSA PRIVATE KEY')) return createPrivateKey(text).export({ type: 'pkcs8', format: 'pem' }).toString();
  return text;
}

export function loadSigningKey(pem: string): Promise<SigningKey> {
  const id = createHash('sha256').update(pem.trim()).digest('hex');
  let key = cache.get(id);
  if (!key) {
    const problem = privateKeyProblem(pem);
    if (problem) return Promise.reject(new KeyError(problem));
    key = importPKCS8(pkcs8(pem), 'RS256', { extractable: false }).catch(() => {
      cache.delete(id);
      throw new KeyError('The private key could not be imported for RS256 signing. Check that it is the RSA private key of your Vonage application.');
    });
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
    cache.set(id, key);
  }
  return key;
}
