/**
 * Putting a profile's credentials on a request: the only place secrets meet the wire. It also
 * returns every secret-derived string it used, so callers can scrub them from anything they print.
 */
import type { HttpRequest } from '../http/types';
import { secretTransportProblem, type Profile, type Secrets } from '../profile';
import type { AuthDef } from './kinds';
import { applicationIdProblem, signVonageJwt, JwtError } from './jwt';
import { redactSecrets } from '../redact';
import type { JwtCache } from './jwt-cache';

export class AuthError extends Error {}

/** What to say when a credential is missing: where it comes from in the CLI and in the editor. */
function missing(profile: Profile, what: string, env: string): AuthError {
  return new AuthError(`Profile "${profile.name}" has no ${what}. In the CLI set ${env}; in VS Code run "Message Workbench: Set Credentials".`);
}

function missingSecret(profile: Profile, auth: AuthDef): AuthError {
  const s = auth.secret;
  return missing(profile, s.label, s.envFile ? `${s.env} or ${s.envFile}` : s.env);
}

export interface Authorized {
  request: HttpRequest;
  /** The secret values and their encodings that went into the request (for redaction). */
  secrets: string[];
}

/** Put the credentials of `auth` (the profile's method, as its provider defines it) on a request. */
export async function authorize(req: HttpRequest, profile: Profile, auth: AuthDef, secrets: Secrets, now?: number, jwts?: JwtCache): Promise<Authorized> {
  const url = new URL(req.url);
  const insecure = secretTransportProblem(url);
  if (insecure) throw new AuthError(insecure);
  const headers = { ...req.headers };
  const secret = secrets[auth.secret.field];
  if (!secret) throw missingSecret(profile, auth);
  switch (auth.kind) {
    case 'jwt': {
      const idProblem = applicationIdProblem(profile.applicationId);
      if (idProblem) throw new AuthError(`Profile "${profile.name}": ${idProblem}`);
      let jwt: string;
      try {
        jwt = jwts ? await jwts.get(profile.applicationId!, secret, now) : await signVonageJwt({ applicationId: profile.applicationId!, privateKey: secret, now });
      } catch (e) {
        throw new AuthError(e instanceof JwtError ? e.message : 'Could not sign the JWT.');
      }
      headers.authorization = `Bearer ${jwt}`;
      return { request: { ...req, headers }, secrets: [jwt, secret] };
    }
    case 'basic': {
      if (!profile.apiKey) throw missing(profile, auth.identity?.label ?? 'API key', auth.identity?.env ?? 'VONAGE_API_KEY');
      const encoded = Buffer.from(`${profile.apiKey}:${secret}`).toString('base64');
      headers.authorization = `Basic ${encoded}`;
      return { request: { ...req, headers }, secrets: [secret, encoded] };
    }
    case 'bearer':
      headers.authorization = `Bearer ${secret}`;
      return { request: { ...req, headers }, secrets: [secret] };
    case 'd360':
      headers['d360-api-key'] = secret;
      return { request: { ...req, headers }, secrets: [secret] };
    case 'token': {
      let body: unknown;
      try {
        body = JSON.parse(req.body ?? '{}');
      } catch {
        throw new AuthError('The gateway token goes into the JSON body, but the body is not a JSON object.');
      }
      if (!body || typeof body !== 'object' || Array.isArray(body)) throw new AuthError('The gateway token goes into the JSON body, but the payload is not a JSON object.');
      // Seed 003 lists the token as a request parameter, first among them.
      const withToken = { token: secret, ...(body as Record<string, unknown>) };
      withToken.token = secret;
      return { request: { ...req, body: JSON.stringify(withToken) }, secrets: [secret, JSON.stringify(secret).slice(1, -1)] };
    }
  }
}

/** Replace every secret, in any case and encoding, with a marker (src/core/redact.ts). */
export function redact(text: string, secrets: readonly string[], marker = '[redacted]'): string {
  return redactSecrets(text, secrets, marker);
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
