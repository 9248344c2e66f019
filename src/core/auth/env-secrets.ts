/** Outside VS Code, secrets come from environment variables only (DESIGN.md), never from files in the workspace. */
import * as fs from 'node:fs';
import type { Profile, Secrets } from '../profile';

export class EnvSecretError extends Error {}

/** The variables secretsFromEnv reads secret values from. */
const SECRET_ENV = ['VONAGE_PRIVATE_KEY', 'VONAGE_API_SECRET', 'WHATSAPP_TOKEN', 'D360_API_KEY', 'GATEWAY_TOKEN'];

/** Every secret value the environment holds, so nothing printed can carry one. */
export function envSecretValues(env: Record<string, string | undefined> = process.env): string[] {
  return SECRET_ENV.map((k) => env[k]).filter((v): v is string => !!v && v.length >= 4);
}

export function secretsFromEnv(profile: Pick<Profile, 'auth' | 'provider'>, env: Record<string, string | undefined> = process.env): Secrets {
  const secrets: Secrets = {};
  if (profile.auth === 'jwt') secrets.privateKey = privateKeyFromEnv(env);
  if (profile.auth === 'basic') secrets.apiSecret = env.VONAGE_API_SECRET || undefined;
  if (profile.auth === 'bearer') secrets.token = env.WHATSAPP_TOKEN || undefined;
  if (profile.auth === 'd360') secrets.d360ApiKey = env.D360_API_KEY || undefined;
  if (profile.auth === 'token') secrets.token = env.GATEWAY_TOKEN || undefined;
  return secrets;
}

export function privateKeyFromEnv(env: Record<string, string | undefined>): string | undefined {
  if (env.VONAGE_PRIVATE_KEY) {
    // CI systems often store multi-line values with literal "\n".
    return env.VONAGE_PRIVATE_KEY.includes('\\n') && !env.VONAGE_PRIVATE_KEY.includes('\n') ? env.VONAGE_PRIVATE_KEY.replace(/\\n/g, '\n') : env.VONAGE_PRIVATE_KEY;
  }
  const file = env.VONAGE_PRIVATE_KEY_PATH;
  if (!file) return undefined;
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new EnvSecretError(`VONAGE_PRIVATE_KEY_PATH names ${file}, which cannot be read (${code === 'ENOENT' ? 'no such file' : code ?? 'error'}). Point it at your application's private.key.`);
  }
}
