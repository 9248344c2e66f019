/**
 * Where a send goes and how it authenticates. A profile holds only non-secret facts (it lives in
 * settings); its secrets travel separately and are checked against the profile's host before use.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AuthKind, SecretField } from './auth/kinds';

export interface Profile {
  name: string;
  /** A provider id from providers/registry.ts (core knows none of them). */
  provider: string;
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
  /** Meta WhatsApp Business Account id: where its message templates live. */
  wabaId?: string;
}

/** A profile's secrets, by the field names of core/auth/kinds.ts. */
export type Secrets = Partial<Record<SecretField, string>>;

export class ProfileError extends Error {}

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
