/**
 * Putting a profile's credentials on a request: the only place secrets meet the wire. It also
 * returns every secret-derived string it used, so callers can scrub them from anything they print.
 */
import type { HttpRequest } from '../http/types';
import { secretTransportProblem, type Profile, type Secrets } from '../profile';
import { applicationIdProblem, signVonageJwt, JwtError } from './jwt';

export class AuthError extends Error {}

/** Where each credential comes from, for messages (the CLI reads env variables, the editor SecretStorage). */
export const SECRET_SOURCES = {
  privateKey: 'VONAGE_PRIVATE_KEY or VONAGE_PRIVATE_KEY_PATH',
  apiSecret: 'VONAGE_API_SECRET',
  token: 'WHATSAPP_TOKEN (or GATEWAY_TOKEN for the gateway)',
  d360ApiKey: 'D360_API_KEY',
};

function missing(profile: Profile, what: string, env: string): AuthError {
  return new AuthError(`Profile "${profile.name}" has no ${what}. In the CLI set ${env}; in VS Code run "Message Workbench: Set Credentials".`);
}

export interface Authorized {
  request: HttpRequest;
  /** The secret values and their encodings that went into the request (for redaction). */
  secrets: string[];
}

export async function authorize(req: HttpRequest, profile: Profile, secrets: Secrets, now?: number): Promise<Authorized> {
  const url = new URL(req.url);
  const insecure = secretTransportProblem(url);
  if (insecure) throw new AuthError(insecure);
  const headers = { ...req.headers };
  switch (profile.auth) {
    case 'jwt': {
      const idProblem = applicationIdProblem(profile.applicationId);
      if (idProblem) throw new AuthError(`Profile "${profile.name}": ${idProblem}`);
      if (!secrets.privateKey) throw missing(profile, 'private key', SECRET_SOURCES.privateKey);
      let jwt: string;
      try {
        jwt = await signVonageJwt({ applicationId: profile.applicationId!, privateKey: secrets.privateKey, now });
      } catch (e) {
        throw new AuthError(e instanceof JwtError ? e.message : 'Could not sign the JWT.');
      }
      headers.authorization = `Bearer ${jwt}`;
      return { request: { ...req, headers }, secrets: [jwt, secrets.privateKey] };
    }
    case 'basic': {
      if (!profile.apiKey) throw missing(profile, 'API key', 'VONAGE_API_KEY');
      if (!secrets.apiSecret) throw missing(profile, 'API secret', SECRET_SOURCES.apiSecret);
      const encoded = Buffer.from(`${profile.apiKey}:${secrets.apiSecret}`).toString('base64');
      headers.authorization = `Basic ${encoded}`;
      return { request: { ...req, headers }, secrets: [secrets.apiSecret, encoded] };
    }
    case 'bearer':
      if (!secrets.token) throw missing(profile, 'access token', 'WHATSAPP_TOKEN');
      headers.authorization = `Bearer ${secrets.token}`;
      return { request: { ...req, headers }, secrets: [secrets.token] };
    case 'd360':
      if (!secrets.d360ApiKey) throw missing(profile, 'D360 API key', SECRET_SOURCES.d360ApiKey);
      headers['d360-api-key'] = secrets.d360ApiKey;
      return { request: { ...req, headers }, secrets: [secrets.d360ApiKey] };
    case 'token': {
      if (!secrets.token) throw missing(profile, 'gateway token', 'GATEWAY_TOKEN');
      let body: unknown;
      try {
        body = JSON.parse(req.body ?? '{}');
      } catch {
        throw new AuthError('The gateway token goes into the JSON body, but the body is not a JSON object.');
      }
      if (!body || typeof body !== 'object' || Array.isArray(body)) throw new AuthError('The gateway token goes into the JSON body, but the payload is not a JSON object.');
      // Seed 003 lists the token as a request parameter, first among them.
      const withToken = { token: secrets.token, ...(body as Record<string, unknown>) };
      withToken.token = secrets.token;
      return { request: { ...req, body: JSON.stringify(withToken) }, secrets: [secrets.token, JSON.stringify(secrets.token).slice(1, -1)] };
    }
  }
}

/** Replace every secret (longest first, so encodings inside others go too) with a marker. */
export function redact(text: string, secrets: readonly string[], marker = '[redacted]'): string {
  let out = text;
  for (const s of [...secrets].filter((x) => x && x.length >= 4).sort((a, b) => b.length - a.length)) out = out.split(s).join(marker);
  return out;
}

/** A copy of the request fit to show: credential headers and the gateway token replaced. */
export function redactRequest(req: HttpRequest, secrets: readonly string[]): HttpRequest {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (k === 'authorization') headers[k] = v.replace(/^(\w+)\s.*$/, '$1 [redacted]');
    else if (k === 'd360-api-key') headers[k] = '[redacted]';
    else headers[k] = redact(v, secrets);
  }
  return { ...req, headers, body: req.body === undefined ? undefined : redact(req.body, secrets) };
}
