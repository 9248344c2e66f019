/** Reading a JWT without verifying it: what it says and whether its times are current. */
import { decodeJwt, decodeProtectedHeader } from 'jose';

export interface DecodedJwt {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  state: 'valid' | 'expired' | 'not-yet-valid' | 'no-expiry';
  /** e.g. "expires in 14 minutes (2026-11-21T21:30:00Z)". */
  validity: string;
  /** Always false: decoding does not check the signature. */
  verified: false;
}

export class DecodeError extends Error {}

export function describeSeconds(seconds: number): string {
  const s = Math.abs(Math.round(seconds));
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (s < 90) return unit(s, 'second');
  if (s < 90 * 60) return unit(Math.round(s / 60), 'minute');
  if (s < 36 * 3600) return unit(Math.round(s / 3600), 'hour');
  return unit(Math.round(s / 86400), 'day');
}

/** The latest instant a JavaScript Date holds (ECMA-262 section 21.4.1.1): about the year 275760. */
const MAX_DATE_SECONDS = 8.64e12;

function iso(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

/** A NumericDate claim that is no time at all (RFC 7519 section 2): what it holds and why that is wrong. */
function impossibleTime(name: string, value: number): string | undefined {
  if (Number.isFinite(value) && Math.abs(value) <= MAX_DATE_SECONDS) return undefined;
  return `${name} is ${value}, which is not a time (a NumericDate counts seconds since 1970; this is beyond the year 275760). Mint a new token with a real ${name}`;
}

export function decodeToken(token: string, nowMs = Date.now()): DecodedJwt {
  const t = token.trim().replace(/^Bearer\s+/i, '');
  let header: Record<string, unknown>;
  let claims: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(t);
    claims = decodeJwt(t);
  } catch {
    throw new DecodeError('This is not a JWT: a JWT is three base64url parts separated by dots (header.claims.signature), and its first two parts must be JSON.');
  }
  const now = nowMs / 1000;
  const exp = typeof claims.exp === 'number' ? claims.exp : undefined;
  const nbf = typeof claims.nbf === 'number' ? claims.nbf : undefined;
  let state: DecodedJwt['state'];
  let validity: string;
  const impossible = (nbf !== undefined ? impossibleTime('nbf', nbf) : undefined) ?? (exp !== undefined ? impossibleTime('exp', exp) : undefined);
  if (impossible) {
    // An API reads such a token as malformed: it is not valid at any time.
    state = 'expired';
    validity = impossible;
  } else if (nbf !== undefined && now < nbf) {
    state = 'not-yet-valid';
    validity = `not valid before ${iso(nbf)} (in ${describeSeconds(nbf - now)})`;
  } else if (exp === undefined) {
    state = 'no-expiry';
    validity = 'has no expiry (exp); Vonage accepts such a token for 15 minutes after iat';
  } else if (now >= exp) {
    state = 'expired';
    validity = `expired ${describeSeconds(now - exp)} ago (${iso(exp)})`;
  } else {
    state = 'valid';
    validity = `expires in ${describeSeconds(exp - now)} (${iso(exp)})`;
  }
  return { header, claims, state, validity, verified: false };
}
