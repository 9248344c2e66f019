/**
 * One Vonage JWT reused for many requests within its lifetime (bulk sends): signing RS256 per
 * request costs a millisecond of CPU each, which a run of 100,000 rows need not pay. The token is
 * replaced a minute before it expires, so no request carries one about to lapse.
 */
import { createHash } from 'node:crypto';
import { DEFAULT_TTL_SECONDS, signVonageJwt } from './jwt';

const RENEW_BEFORE_MS = 60_000;

export class JwtCache {
  private current?: { key: string; expiresAt: number; token: Promise<string> };

  constructor(private readonly ttlSeconds = DEFAULT_TTL_SECONDS) {}

  /** A valid token for this application and key: the cached one, or a newly signed one. */
  get(applicationId: string, privateKey: string, now = Date.now()): Promise<string> {
    const key = createHash('sha256').update(applicationId).update('\0').update(privateKey).digest('base64');
    const c = this.current;
    if (c && c.key === key && now < c.expiresAt - RENEW_BEFORE_MS) return c.token;
    const token = signVonageJwt({ applicationId, privateKey, now, ttlSeconds: this.ttlSeconds });
    // iat is whole seconds, so the token lives at least ttl - 1 s from now.
    this.current = { key, expiresAt: now + (this.ttlSeconds - 1) * 1000, token };
    token.catch(() => {
      if (this.current?.token === token) this.current = undefined;
    });
    return token;
  }
}
