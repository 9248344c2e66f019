/** Shared fixtures for the sandbox tests: keys, tokens, and a small JSON client. */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { SignJWT, importPKCS8 } from 'jose';
import { request } from 'undici';

export const WHATSAPP_TOKEN = 'EAAG-test-token-' + 'x'.repeat(20);
export const D360_KEY = 'd360-test-key-0123456789';
export const GATEWAY_TOKEN = 'gw-test-token-abcdef';
export const BASIC = { key: 'abcd1234', secret: 'Secret-Value-987' };
export const APP_ID = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
export const ALL_SECRETS = [WHATSAPP_TOKEN, D360_KEY, GATEWAY_TOKEN, BASIC.secret];

function pair() {
  return generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
}
export const appKeys = pair();
export const otherKeys = pair();

export interface JwtOptions {
  privateKey?: string;
  iat?: number;
  exp?: number | null;
  nbf?: number;
  claims?: Record<string, unknown>;
  omit?: string[];
}

export async function vonageJwt(o: JwtOptions = {}): Promise<string> {
  const key = await importPKCS8(o.privateKey ?? appKeys.privateKey, 'RS256');
  const iat = o.iat ?? Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = { application_id: APP_ID, iat, jti: randomUUID(), ...o.claims };
  if (o.exp !== null) claims.exp = o.exp ?? iat + 900;
  if (o.nbf !== undefined) claims.nbf = o.nbf;
  for (const k of o.omit ?? []) delete claims[k];
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT' }).sign(key);
}

export interface JsonResponse {
  status: number;
  contentType: string;
  text: string;
  json: any;
}

export async function call(url: string, method: string, body?: unknown, headers: Record<string, string> = {}): Promise<JsonResponse> {
  const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  const res = await request(url, { method: method as 'POST', body: payload, headers: { 'content-type': 'application/json', ...headers } });
  const text = await res.body.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.statusCode, contentType: String(res.headers['content-type'] ?? ''), text, json };
}

/** Fails if any configured secret appears in a response. */
export function assertNoSecrets(text: string): void {
  for (const s of ALL_SECRETS) if (text.includes(s)) throw new Error('a secret appeared in a response');
}
