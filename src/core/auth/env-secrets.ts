/**
 * Outside VS Code, secrets come from environment variables only (DESIGN.md), never from files in
 * the workspace. Which variables: each auth method says (core/auth/kinds.ts, defined per provider).
 */
import type { Secrets } from '../profile';
import type { AuthDef } from './kinds';
import { KeyError, readPrivateKeyFile } from './private-key';
import { secretValuesOf } from '../secret-names';

export class EnvSecretError extends Error {}

type Env = Record<string, string | undefined>;

/** Every secret value the environment holds for these methods, so nothing printed can carry one. */
export function envSecretValues(methods: readonly AuthDef[], env: Env = process.env): string[] {
  const names = new Set(methods.map((m) => m.secret.env));
  // And every other variable named like a credential (AWS_SECRET_ACCESS_KEY...), whoever reads it.
  return [...new Set([...[...names].map((k) => env[k]).filter((v): v is string => !!v && v.length >= 4), ...secretValuesOf(env)])];
}

/** The secret one auth method needs, read from its variable (or, for a key, the file its path variable names). */
export function secretsFromEnv(method: AuthDef, env: Env = process.env): Secrets {
  const { field, env: name, envFile } = method.secret;
  const value = envFile ? fromValueOrFile(env, name, envFile) : env[name] || undefined;
  return value === undefined ? {} : { [field]: value };
}

function fromValueOrFile(env: Env, name: string, fileVar: string): string | undefined {
  const value = env[name];
  if (value) {
    // CI systems often store multi-line values with literal "\n".
    return value.includes('\\n') && !value.includes('\n') ? value.replace(/\\n/g, '\n') : value;
  }
  const file = env[fileVar];
  if (!file) return undefined;
  // The file a path variable names is a key file (VONAGE_PRIVATE_KEY_PATH): regular, capped, not empty.
  try {
    return readPrivateKeyFile(file);
  } catch (e) {
    if (!(e instanceof KeyError)) throw e;
    throw new EnvSecretError(`${fileVar}: ${e.message}`);
  }
}
