/**
 * Profiles as the CLI and the editor read them: checked against the provider registry (which
 * providers exist, which auth methods each takes, its production endpoint), never holding a secret.
 */
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import type { AuthKind } from '../core/auth/kinds';
import { ProfileError, safeUrl, type Profile } from '../core/profile';
import { MAX_NESTING, nestingDepth } from '../core/nesting';
import { PROVIDER_IDS, providerById } from '../providers/registry';
import type { ProviderDef } from '../providers/types';

type Env = Record<string, string | undefined>;

/** A profile for the file's provider when the user names none: the real API, or `--endpoint`. */
export function defaultProfile(provider: ProviderDef, options: { endpoint?: string; auth?: AuthKind; env?: Env } = {}): Profile {
  const env = options.env ?? {};
  const auth = options.auth ?? guessAuth(provider, env);
  const endpoint = options.endpoint ?? provider.endpoint(auth);
  if (!endpoint)
    throw new ProfileError(
      `The ${provider.id} provider has no default endpoint: pass --endpoint with your gateway's full URL (e.g. https://gateway.example.com/api/send), or a --profile that has one.`,
    );
  const profile: Profile = { name: `default ${provider.id}`, provider: provider.id, endpoint, auth };
  // Identifiers (not secrets) the auth methods and the provider read from the environment.
  for (const method of provider.auth) if (method.identity && env[method.identity.env]) profile[method.identity.field] = env[method.identity.env];
  for (const [field, name] of Object.entries(provider.profileEnv ?? {}) as [keyof NonNullable<ProviderDef['profileEnv']>, string][]) {
    if (env[name]) profile[field] = env[name];
  }
  return profile;
}

/**
 * The first auth method whose secret is in the environment, else the provider's default: JWT wins
 * over Basic (as in the Vonage SDK) and a Meta token over a 360dialog key.
 */
function guessAuth(provider: ProviderDef, env: Env): AuthKind {
  const present = provider.auth.find((m) => env[m.secret.env] || (m.secret.envFile && env[m.secret.envFile]));
  return (present ?? provider.auth[0]).kind;
}

/** Check one profile object read from settings; returns the profile or a sentence saying what is wrong. */
export function checkProfile(value: unknown, where: string): Profile | string {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return `${where}: a profile is an object with name, provider, endpoint and auth.`;
  const v = value as Record<string, unknown>;
  const name = typeof v.name === 'string' && v.name.trim() ? v.name : undefined;
  if (!name) return `${where}: the profile has no "name".`;
  const provider = typeof v.provider === 'string' ? providerById(v.provider) : undefined;
  if (!provider) return `${where}: profile "${name}" has an unknown provider ${JSON.stringify(v.provider)}; use one of: ${PROVIDER_IDS.join(', ')}.`;
  const kinds = provider.auth.map((a) => a.kind);
  const auth = (v.auth ?? kinds[0]) as AuthKind;
  if (!kinds.includes(auth)) return `${where}: profile "${name}" uses auth "${String(v.auth)}", which ${provider.id} does not take; use one of: ${kinds.join(', ')}.`;
  const endpoint = typeof v.endpoint === 'string' && v.endpoint ? v.endpoint : provider.endpoint(auth);
  if (!endpoint) return `${where}: profile "${name}" needs an "endpoint" (the gateway's full URL).`;
  const url = safeUrl(endpoint);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return `${where}: profile "${name}" has endpoint ${JSON.stringify(endpoint)}, which is not an http(s) URL.`;
  const opt = (k: string) => (typeof v[k] === 'string' && v[k] ? v[k] : undefined);
  return {
    name,
    provider: provider.id,
    endpoint,
    auth,
    applicationId: opt('applicationId'),
    apiKey: opt('apiKey'),
    sender: opt('sender'),
    phoneNumberId: opt('phoneNumberId'),
    graphVersion: opt('graphVersion'),
    wabaId: opt('wabaId'),
  };
}

/**
 * Profiles from a workspace's `.vscode/settings.json` (JSONC). Only the fields of `Profile` are
 * read: a secret someone pasted into settings is ignored, never used.
 */
export function profilesFromSettings(text: string, file = '.vscode/settings.json'): { profiles: Profile[]; problems: string[] } {
  // jsonc-parser recurses once per level: check the depth first.
  if (nestingDepth(text, MAX_NESTING) > MAX_NESTING)
    return { profiles: [], problems: [`${file} nests objects or arrays more than ${MAX_NESTING} levels deep, which no settings file needs; fix it in the editor.`] };
  const errors: ParseError[] = [];
  const settings = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false }) as Record<string, unknown> | undefined;
  if (errors.length > 0 && !settings) return { profiles: [], problems: [`${file} is not valid JSON with comments; fix it in the editor.`] };
  const list = settings?.['messageWorkbench.profiles'];
  if (list === undefined) return { profiles: [], problems: [] };
  if (!Array.isArray(list)) return { profiles: [], problems: [`${file}: "messageWorkbench.profiles" must be an array of profiles.`] };
  const profiles: Profile[] = [];
  const problems: string[] = [];
  list.forEach((item, i) => {
    const p = checkProfile(item, `${file}: messageWorkbench.profiles[${i}]`);
    if (typeof p === 'string') problems.push(p);
    else profiles.push(p);
  });
  return { profiles, problems };
}
