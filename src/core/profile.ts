/**
 * Where a send goes and how it authenticates. A profile holds only non-secret facts (it lives in
 * settings); its secrets travel separately and are checked against the profile's host before use.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import type { ProviderId } from './model';

export type AuthKind = 'jwt' | 'basic' | 'bearer' | 'd360' | 'token';

export interface Profile {
  name: string;
  provider: ProviderId;
  /** Base URL; the provider appends its own path (for `gateway` it is the full URL). */
  endpoint: string;
  auth: AuthKind;
  applicationId?: string;
  /** Vonage API key: an identifier, not a secret. */
  apiKey?: string;
  sender?: string;
  /** Meta Cloud API phone number id. */
  phoneNumberId?: string;
  /** Meta Graph API version, e.g. `v21.0`. */
  graphVersion?: string;
}

export interface Secrets {
  privateKey?: string;
  apiSecret?: string;
  token?: string;
  d360ApiKey?: string;
}

export const DEFAULT_GRAPH_VERSION = 'v21.0';

/** Which auth kinds each provider accepts; the first is the default. */
export const PROVIDER_AUTH: Record<ProviderId, readonly AuthKind[]> = {
  vonage: ['jwt', 'basic'],
  'vonage-legacy': ['jwt'],
  whatsapp: ['bearer', 'd360'],
  'whatsapp-onprem': ['d360'],
  gateway: ['token'],
};

/** The real production base URL for a provider and auth kind (none for the gateway: it is the user's). */
export function realEndpoint(provider: ProviderId, auth?: AuthKind): string | undefined {
  switch (provider) {
    case 'vonage':
    case 'vonage-legacy':
      return 'https://api.nexmo.com';
    case 'whatsapp':
      return auth === 'd360' ? 'https://waba-v2.360dialog.io' : 'https://graph.facebook.com';
    case 'whatsapp-onprem':
      return 'https://waba.360dialog.io/v1';
    case 'gateway':
      return undefined;
  }
}

export class ProfileError extends Error {}

/** A profile for the file's provider when the user names none: the real API, or `--endpoint`. */
export function defaultProfile(provider: ProviderId, options: { endpoint?: string; auth?: AuthKind; env?: Record<string, string | undefined> } = {}): Profile {
  const env = options.env ?? {};
  const auth = options.auth ?? guessAuth(provider, env);
  const endpoint = options.endpoint ?? realEndpoint(provider, auth);
  if (!endpoint) throw new ProfileError(`The ${provider} provider has no default endpoint: pass --endpoint with your gateway's full URL (e.g. https://gateway.example.com/api/send), or a --profile that has one.`);
  return {
    name: `default ${provider}`,
    provider,
    endpoint,
    auth,
    applicationId: env.VONAGE_APPLICATION_ID || undefined,
    apiKey: env.VONAGE_API_KEY || undefined,
    phoneNumberId: env.WHATSAPP_PHONE_NUMBER_ID || undefined,
    graphVersion: env.WHATSAPP_GRAPH_VERSION || undefined,
  };
}

/** Pick the auth kind whose credentials are present (JWT wins over Basic, as in the Vonage SDK). */
function guessAuth(provider: ProviderId, env: Record<string, string | undefined>): AuthKind {
  const kinds = PROVIDER_AUTH[provider];
  if (provider === 'vonage' && !(env.VONAGE_PRIVATE_KEY || env.VONAGE_PRIVATE_KEY_PATH) && env.VONAGE_API_SECRET) return 'basic';
  if (provider === 'whatsapp' && !env.WHATSAPP_TOKEN && env.D360_API_KEY) return 'd360';
  return kinds[0];
}

/** Check one profile object read from settings; returns the profile or a sentence saying what is wrong. */
export function checkProfile(value: unknown, where: string): Profile | string {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return `${where}: a profile is an object with name, provider, endpoint and auth.`;
  const v = value as Record<string, unknown>;
  const name = typeof v.name === 'string' && v.name.trim() ? v.name : undefined;
  if (!name) return `${where}: the profile has no "name".`;
  const provider = v.provider as ProviderId;
  if (!(typeof provider === 'string' && provider in PROVIDER_AUTH)) return `${where}: profile "${name}" has an unknown provider ${JSON.stringify(v.provider)}; use one of: ${Object.keys(PROVIDER_AUTH).join(', ')}.`;
  const auth = (v.auth ?? PROVIDER_AUTH[provider][0]) as AuthKind;
  if (!PROVIDER_AUTH[provider].includes(auth)) return `${where}: profile "${name}" uses auth "${String(v.auth)}", which ${provider} does not take; use one of: ${PROVIDER_AUTH[provider].join(', ')}.`;
  const endpoint = typeof v.endpoint === 'string' && v.endpoint ? v.endpoint : realEndpoint(provider, auth);
  if (!endpoint) return `${where}: profile "${name}" needs an "endpoint" (the gateway's full URL).`;
  const url = safeUrl(endpoint);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return `${where}: profile "${name}" has endpoint ${JSON.stringify(endpoint)}, which is not an http(s) URL.`;
  const opt = (k: string) => (typeof v[k] === 'string' && v[k] ? (v[k] as string) : undefined);
  return { name, provider, endpoint, auth, applicationId: opt('applicationId'), apiKey: opt('apiKey'), sender: opt('sender'), phoneNumberId: opt('phoneNumberId'), graphVersion: opt('graphVersion') };
}

/**
 * Profiles from a workspace's `.vscode/settings.json` (JSONC). Only the fields of `Profile` are
 * read: a secret someone pasted into settings is ignored, never used.
 */
export function profilesFromSettings(text: string, file = '.vscode/settings.json'): { profiles: Profile[]; problems: string[] } {
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

export function safeUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

export function isLoopback(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/**
 * A secret goes only over HTTPS, or plain HTTP to this machine. Returns why not, or undefined.
 */
export function secretTransportProblem(url: URL): string | undefined {
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return undefined;
  return `Refusing to send credentials to ${url.protocol}//${url.host} over plain HTTP: use an https:// endpoint (plain http is allowed only for 127.0.0.1 / localhost).`;
}

/** The nearest `.vscode/settings.json` at or above `dir` (the workspace the file belongs to). */
export function findSettingsFile(dir: string): string | undefined {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const file = path.join(d, '.vscode', 'settings.json');
    if (fs.existsSync(file)) return file;
    if (path.dirname(d) === d) return undefined;
  }
}
