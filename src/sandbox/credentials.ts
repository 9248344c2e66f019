/** What the sandbox accepts as credentials, and how it checks them. Secrets are compared, never echoed. */
import { createHash, timingSafeEqual } from 'node:crypto';
import { importSPKI, jwtVerify, errors, type CryptoKey } from 'jose';
import { MAX_TTL_SECONDS } from '../core/auth/jwt';

export interface SandboxCredentials {
  vonage?: {
    /** PEM public keys (SPKI) whose private halves may sign application JWTs. */
    publicKeys?: string[];
    /** When given, a JWT's `application_id` must be one of these. */
    applicationIds?: string[];
    basic?: { key: string; secret: string }[];
  };
  whatsappTokens?: string[];
  d360Keys?: string[];
  gatewayTokens?: string[];
}

export type AuthResult = { ok: true } | { ok: false; reason: string };

/** Clocks on a developer's machine and the sandbox's may differ a little. */
export const CLOCK_SKEW_S = 5;

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

/** Constant-time membership: the time taken does not reveal how much of a secret matched. */
export function secretMatches(given: string, accepted: readonly string[]): boolean {
  const g = digest(given);
  let found = false;
  for (const a of accepted) found = timingSafeEqual(g, digest(a)) || found;
  return found;
}

export class VonageVerifier {
  private constructor(
    private readonly keys: CryptoKey[],
    private readonly applicationIds: string[] | undefined,
    private readonly basic: { key: string; secret: string }[],
    private readonly now: () => number,
  ) {}

  static async create(config: SandboxCredentials['vonage'], now: () => number): Promise<VonageVerifier> {
    const keys: CryptoKey[] = [];
    for (const [i, pem] of (config?.publicKeys ?? []).entries()) {
      try {
        keys.push(await importSPKI(pem.trim(), 'RS256'));
      } catch {
        throw new Error(`Sandbox: Vonage public key ${i + 1} is not a PEM RSA public key (SPKI, "-----BEGIN PUBLIC KEY-----"). Pass the public half of the application's key pair.`);
      }
    }
    const ids = config?.applicationIds?.filter((s) => s.length > 0);
    return new VonageVerifier(keys, ids && ids.length > 0 ? ids : undefined, config?.basic ?? [], now);
  }

  get configured(): boolean {
    return this.keys.length > 0 || this.basic.length > 0;
  }

  async check(authorization: string | undefined): Promise<AuthResult> {
    if (!authorization) return { ok: false, reason: 'No Authorization header: send "Authorization: Bearer <JWT>" or "Authorization: Basic base64(key:secret)".' };
    const [scheme, value = ''] = authorization.trim().split(/\s+/, 2);
    if (/^basic$/i.test(scheme)) return this.checkBasic(value);
    if (/^bearer$/i.test(scheme)) return this.checkJwt(value);
    return { ok: false, reason: `Unsupported authorization scheme "${scheme.slice(0, 20)}": use Bearer (JWT) or Basic.` };
  }

  private checkBasic(value: string): AuthResult {
    if (this.basic.length === 0) return { ok: false, reason: 'Basic authentication is not configured in the sandbox: start it with VONAGE_API_KEY and VONAGE_API_SECRET set.' };
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return { ok: false, reason: 'The Basic credentials are not base64("key:secret").' };
    const ok = secretMatches(
      decoded,
      this.basic.map((b) => `${b.key}:${b.secret}`),
    );
    return ok ? { ok: true } : { ok: false, reason: "The API key and secret do not match the sandbox's." };
  }

  private async checkJwt(token: string): Promise<AuthResult> {
    if (this.keys.length === 0) return { ok: false, reason: 'No application public key is configured in the sandbox: start it with VONAGE_PRIVATE_KEY or VONAGE_PRIVATE_KEY_PATH set.' };
    const currentDate = new Date(this.now());
    let lastError: unknown;
    for (const key of this.keys) {
      try {
        const { payload, protectedHeader } = await jwtVerify(token, key, {
          algorithms: ['RS256'],
          requiredClaims: ['application_id', 'iat', 'jti', 'exp'],
          clockTolerance: CLOCK_SKEW_S,
          currentDate,
        });
        if (protectedHeader.alg !== 'RS256') return { ok: false, reason: 'The JWT must be signed with RS256.' };
        const iat = payload.iat as number;
        const exp = payload.exp as number;
        if (iat > currentDate.getTime() / 1000 + CLOCK_SKEW_S) return { ok: false, reason: 'The JWT was issued in the future (iat): check the clock of the machine that signed it.' };
        if (exp - iat > MAX_TTL_SECONDS)
          return {
            ok: false,
            reason: `The JWT is valid for ${Math.round((exp - iat) / 3600)} h after it was issued; Vonage refuses tokens that live more than 24 h (exp - iat). Sign a shorter-lived token (15 minutes is usual).`,
          };
        if (typeof payload.application_id !== 'string' || payload.application_id === '') return { ok: false, reason: 'The JWT claim application_id must be a non-empty string.' };
        if (typeof payload.jti !== 'string' || payload.jti === '') return { ok: false, reason: 'The JWT claim jti must be a non-empty string (a fresh UUID per token).' };
        if (this.applicationIds && !this.applicationIds.includes(payload.application_id))
          return { ok: false, reason: `The JWT's application_id "${payload.application_id}" is not the sandbox's application.` };
        return { ok: true };
      } catch (e) {
        lastError = e;
        if (!(e instanceof errors.JWSSignatureVerificationFailed)) break; // a claim problem is the same for every key
      }
    }
    return { ok: false, reason: describeJwtError(lastError) };
  }
}

function describeJwtError(e: unknown): string {
  if (e instanceof errors.JWTExpired) return 'The JWT has expired (exp is in the past): sign a fresh one for each request.';
  if (e instanceof errors.JWTClaimValidationFailed) {
    if (e.reason === 'missing') return `The JWT has no "${e.claim}" claim; Vonage needs application_id, iat, jti and exp.`;
    if (e.claim === 'nbf') return 'The JWT is not valid yet (nbf is in the future).';
    if (e.claim === 'iat') return 'The JWT claim iat is invalid or in the future.';
    return `The JWT claim "${e.claim}" is invalid.`;
  }
  if (e instanceof errors.JWSSignatureVerificationFailed) return "The JWT's signature does not match the application's public key: sign with the application's private key.";
  if (e instanceof errors.JOSEAlgNotAllowed) return 'The JWT must be signed with RS256.';
  if (e instanceof errors.JWSInvalid || e instanceof errors.JWTInvalid) return 'The Bearer value is not a well-formed JWT.';
  return 'The JWT could not be verified.';
}
