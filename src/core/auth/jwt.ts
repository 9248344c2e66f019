/** Vonage application JWTs (RS256), as the Vonage SDKs mint them; a fresh one per request. */
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { KeyError, loadSigningKey } from './private-key';

export const DEFAULT_TTL_SECONDS = 900;
/** Vonage never honours a token more than 24 h after `iat`. */
export const MAX_TTL_SECONDS = 24 * 60 * 60;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class JwtError extends Error {}

export interface JwtOptions {
  applicationId: string;
  /** PEM text (PKCS#8 or PKCS#1), unencrypted. */
  privateKey: string;
  ttlSeconds?: number;
  sub?: string;
  acl?: unknown;
  /** Not-before, seconds since the epoch. */
  nbf?: number;
  /** Milliseconds since the epoch; injectable for tests. */
  now?: number;
}

export function applicationIdProblem(id: string | undefined): string | undefined {
  if (!id) return "No Vonage application id: set VONAGE_APPLICATION_ID (or the profile's applicationId) to the id shown in the Vonage dashboard.";
  if (!UUID.test(id.trim()))
    return `The application id "${id.length > 60 ? id.slice(0, 60) + '…' : id}" is not of the right form: it is a UUID like aaaaaaaa-bbbb-cccc-dddd-0123456789ab, shown in the Vonage dashboard under Applications.`;
  return undefined;
}

export function ttlProblem(ttl: number): string | undefined {
  if (!Number.isInteger(ttl) || ttl <= 0) return `The token lifetime must be a whole number of seconds above 0 (got ${ttl}).`;
  if (ttl > MAX_TTL_SECONDS) return `A lifetime of ${ttl} s is over 24 hours (${MAX_TTL_SECONDS} s); Vonage rejects such tokens. Use a shorter --ttl (the default is ${DEFAULT_TTL_SECONDS} s).`;
  return undefined;
}

export async function signVonageJwt(options: JwtOptions): Promise<string> {
  const idProblem = applicationIdProblem(options.applicationId);
  if (idProblem) throw new JwtError(idProblem);
  const ttl = options.ttlSeconds ?? DEFAULT_TTL_SECONDS;
  const lifeProblem = ttlProblem(ttl);
  if (lifeProblem) throw new JwtError(lifeProblem);
  if (options.nbf !== undefined && !Number.isInteger(options.nbf)) throw new JwtError('nbf (not before) must be a Unix time in whole seconds.');
  let key;
  try {
    key = await loadSigningKey(options.privateKey);
  } catch (e) {
    throw new JwtError(e instanceof KeyError ? e.message : 'The private key could not be read.');
  }
  const iat = Math.floor((options.now ?? Date.now()) / 1000);
  const claims: Record<string, unknown> = { application_id: options.applicationId.trim() };
  if (options.acl !== undefined) claims.acl = options.acl;
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
    .setIssuedAt(iat)
    .setJti(randomUUID())
    .setExpirationTime(iat + ttl);
  if (options.sub !== undefined) jwt.setSubject(options.sub);
  if (options.nbf !== undefined) jwt.setNotBefore(options.nbf);
  return jwt.sign(key);
}
