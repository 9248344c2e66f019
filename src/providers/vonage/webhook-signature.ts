/**
 * Vonage signed webhooks (Messages API v1 and v0.1): `Authorization: Bearer <JWT>`, HS256 under the
 * account's signature secret, with `payload_hash` = SHA-256 hex of the body, `api_key`,
 * `application_id`, `iat` and `jti` claims. Verification: the signature, then the payload hash
 * (https://developer.vonage.com/en/messages/concepts/signed-webhooks, "Verify the request" and
 * "Verify the payload has not been tampered with in transit").
 */
import { nodeCrypto } from '../../core/lazy-crypto';
import type * as Jose from 'jose';
import type { Verification, WebhookRequest, WebhookSecrets } from '../webhook-types';

/**
 * How old a signed webhook may be. Vonage's token carries no expiry, so without a bound a request
 * captured once could be replayed for ever; Vonage's own signed notifications expire 5 minutes after
 * issue, and we take the same. A token may be up to a minute ahead of our clock (skew).
 */
export const MAX_AGE_SECONDS = 300;
export const MAX_SKEW_SECONDS = 60;

const encoder = new TextEncoder();

/** jose is loaded when a signature is first checked or made: `mwb validate` never needs it. */
const jose = (): Promise<typeof Jose> => import('jose');

export function payloadHash(body: Buffer | string): string {
  return nodeCrypto().createHash('sha256').update(body).digest('hex');
}

function header(headers: WebhookRequest['headers'], name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export async function verifyVonageSignature(request: WebhookRequest, secrets: WebhookSecrets, now: number): Promise<Verification> {
  const authorization = header(request.headers, 'authorization');
  const secret = secrets.vonageSignatureSecret;
  if (!secret) {
    return {
      verified: null,
      reason: authorization
        ? 'VONAGE_SIGNATURE_SECRET is not set, so the signed token was not checked.'
        : 'VONAGE_SIGNATURE_SECRET is not set and the request carries no signed token: nothing was checked.',
    };
  }
  if (authorization === undefined) return { verified: false, reason: 'No Authorization header: Vonage signs each Messages API webhook with a Bearer JWT, so this did not come from Vonage.' };
  const m = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)\s*$/.exec(authorization);
  if (!m) return { verified: false, reason: 'Malformed Authorization header: expected "Bearer " and a JWT (three base64url parts separated by dots).' };
  const token = m[1];
  const { decodeProtectedHeader, errors: joseErrors, jwtVerify } = await jose();
  let alg: unknown;
  try {
    alg = decodeProtectedHeader(token).alg;
  } catch {
    return { verified: false, reason: 'Malformed JWT in the Authorization header: its header is not base64url JSON.' };
  }
  if (typeof alg !== 'string' || alg.toLowerCase() === 'none')
    return { verified: false, reason: 'The JWT says alg "none": an unsigned token proves nothing, so it is refused. Vonage signs with HS256.' };
  if (alg !== 'HS256') return { verified: false, reason: `The JWT is signed with ${alg.slice(0, 16)}; Vonage signs webhooks with HS256 under your signature secret, so it is refused.` };
  let claims: Record<string, unknown>;
  try {
    ({ payload: claims } = await jwtVerify(token, encoder.encode(secret), { algorithms: ['HS256'], currentDate: new Date(now) }));
  } catch (e) {
    if (e instanceof joseErrors.JWSSignatureVerificationFailed)
      return { verified: false, reason: "The JWT's signature does not match VONAGE_SIGNATURE_SECRET: it was signed with another secret (Dashboard > API settings > Signature secret)." };
    if (e instanceof joseErrors.JWTExpired) return { verified: false, reason: 'The JWT has expired (its exp is in the past).' };
    return { verified: false, reason: `The JWT was refused: ${(e as Error).message.slice(0, 120)}.` };
  }
  const iat = claims.iat;
  if (typeof iat !== 'number') return { verified: false, reason: 'The JWT has no iat (issued at) claim, so its age cannot be checked: refused.' };
  const age = Math.floor(now / 1000) - iat;
  if (age > MAX_AGE_SECONDS) {
    return {
      verified: false,
      reason: `Stale: the JWT was issued ${age} s ago; more than ${MAX_AGE_SECONDS} s is refused, because a signed request captured once could otherwise be replayed for ever (the token has no expiry).`,
    };
  }
  if (age < -MAX_SKEW_SECONDS) return { verified: false, reason: `The JWT was issued ${-age} s in the future; more than ${MAX_SKEW_SECONDS} s of clock skew is refused.` };
  const hash = claims.payload_hash;
  if (typeof hash !== 'string') return { verified: false, reason: 'The JWT has no payload_hash claim, so it does not vouch for this body: refused.' };
  if (hash.toLowerCase() !== payloadHash(request.body)) {
    return {
      verified: false,
      reason: 'payload_hash does not match the SHA-256 of the body that arrived: the body changed after it was signed (or the signer hashed something other than the raw bytes).',
    };
  }
  return { verified: true };
}

/** `Authorization: Bearer <JWT>` as Vonage signs these bytes. */
export async function vonageAuthorization(body: Buffer, secrets: WebhookSecrets, now: number): Promise<string | undefined> {
  if (!secrets.vonageSignatureSecret) return undefined;
  const claims = {
    iat: Math.floor(now / 1000),
    jti: nodeCrypto().randomUUID(),
    iss: 'Vonage',
    payload_hash: payloadHash(body),
    api_key: secrets.vonageApiKey ?? 'sandbox',
    application_id: secrets.vonageApplicationId ?? '00000000-0000-4000-8000-000000000000',
  };
  const { SignJWT } = await jose();
  const jwt = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(encoder.encode(secrets.vonageSignatureSecret));
  return `Bearer ${jwt}`;
}

/**
 * The headers Vonage sends. Vonage documents no User-Agent for its webhooks, so we name ourselves
 * rather than invent one.
 */
export async function vonageHeaders(body: Buffer, secrets: WebhookSecrets, now: number): Promise<Record<string, string>> {
  const out: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'mwb (Vonage Messages webhook)' };
  const authorization = await vonageAuthorization(body, secrets, now);
  if (authorization) out.authorization = authorization;
  return out;
}
