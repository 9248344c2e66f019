/**
 * Sandbox credentials from the same environment variables the CLI sends with, so `mwb sandbox`
 * and `mwb send --endpoint ...` work from one shell. The private key never leaves this function:
 * only its public half is kept.
 */
import { secretsFromEnv } from '../core/auth/env-secrets';
import { D360_KEY, GATEWAY_TOKEN, META_BEARER, VONAGE_BASIC, VONAGE_JWT } from '../providers/common/auth';
import { privateKeyProblem } from '../core/auth/private-key';
import type { SandboxCredentials } from './credentials';
import { publicKeyOf } from './keys';

export interface EnvCredentials {
  credentials: SandboxCredentials;
  /** What is configured, in words (no values). */
  configured: string[];
  /** Variables that would enable more of the sandbox. */
  missing: string[];
}

export function credentialsFromEnv(env: Record<string, string | undefined>): EnvCredentials {
  const credentials: SandboxCredentials = {};
  const configured: string[] = [];
  const missing: string[] = [];
  const vonage: NonNullable<SandboxCredentials['vonage']> = {};

  const pem = secretsFromEnv(VONAGE_JWT, env).privateKey;
  const appId = env[VONAGE_JWT.identity!.env];
  const [apiKey, apiSecret] = [env[VONAGE_BASIC.identity!.env], env[VONAGE_BASIC.secret.env]];
  if (pem) {
    const problem = privateKeyProblem(pem);
    if (problem) throw new Error(`${env[VONAGE_JWT.secret.env] ? VONAGE_JWT.secret.env : VONAGE_JWT.secret.envFile}: ${problem}`);
    vonage.publicKeys = [publicKeyOf(pem)];
    if (appId) vonage.applicationIds = [appId];
    configured.push(`Vonage JWT (public key derived from the private key${appId ? `, application ${appId}` : ', any application id'})`);
  } else missing.push(`${VONAGE_JWT.secret.env} or ${VONAGE_JWT.secret.envFile} (Vonage JWT)`);

  if (apiKey && apiSecret) {
    vonage.basic = [{ key: apiKey, secret: apiSecret }];
    configured.push(`Vonage Basic (key ${apiKey})`);
  } else missing.push(`${VONAGE_BASIC.identity!.env} and ${VONAGE_BASIC.secret.env} (Vonage Basic)`);
  if (vonage.publicKeys || vonage.basic) credentials.vonage = vonage;

  const single = (name: string, label: string, set: (v: string[]) => void) => {
    const v = env[name];
    if (v) {
      set([v]);
      configured.push(label);
    } else missing.push(`${name} (${label})`);
  };
  single(META_BEARER.secret.env, 'WhatsApp Cloud API bearer token', (v) => (credentials.whatsappTokens = v));
  single(D360_KEY.secret.env, '360dialog D360-API-KEY (Cloud and On-Premises)', (v) => (credentials.d360Keys = v));
  single(GATEWAY_TOKEN.secret.env, 'gateway token', (v) => (credentials.gatewayTokens = v));
  return { credentials, configured, missing };
}
