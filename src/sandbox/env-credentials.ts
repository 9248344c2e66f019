/**
 * Sandbox credentials from the same environment variables the CLI sends with, so `mwb sandbox`
 * and `mwb send --endpoint ...` work from one shell. The private key never leaves this function:
 * only its public half is kept.
 */
import { privateKeyFromEnv } from '../core/auth/env-secrets';
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

  const pem = privateKeyFromEnv(env);
  if (pem) {
    const problem = privateKeyProblem(pem);
    if (problem) throw new Error(`VONAGE_PRIVATE_KEY${env.VONAGE_PRIVATE_KEY ? '' : '_PATH'}: ${problem}`);
    vonage.publicKeys = [publicKeyOf(pem)];
    if (env.VONAGE_APPLICATION_ID) vonage.applicationIds = [env.VONAGE_APPLICATION_ID];
    configured.push(`Vonage JWT (public key derived from the private key${env.VONAGE_APPLICATION_ID ? `, application ${env.VONAGE_APPLICATION_ID}` : ', any application id'})`);
  } else missing.push('VONAGE_PRIVATE_KEY or VONAGE_PRIVATE_KEY_PATH (Vonage JWT)');

  if (env.VONAGE_API_KEY && env.VONAGE_API_SECRET) {
    vonage.basic = [{ key: env.VONAGE_API_KEY, secret: env.VONAGE_API_SECRET }];
    configured.push(`Vonage Basic (key ${env.VONAGE_API_KEY})`);
  } else missing.push('VONAGE_API_KEY and VONAGE_API_SECRET (Vonage Basic)');
  if (vonage.publicKeys || vonage.basic) credentials.vonage = vonage;

  const single = (name: string, label: string, set: (v: string[]) => void) => {
    const v = env[name];
    if (v) {
      set([v]);
      configured.push(label);
    } else missing.push(`${name} (${label})`);
  };
  single('WHATSAPP_TOKEN', 'WhatsApp Cloud API bearer token', (v) => (credentials.whatsappTokens = v));
  single('D360_API_KEY', '360dialog D360-API-KEY (Cloud and On-Premises)', (v) => (credentials.d360Keys = v));
  single('GATEWAY_TOKEN', 'gateway token', (v) => (credentials.gatewayTokens = v));
  return { credentials, configured, missing };
}
