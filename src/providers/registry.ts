/**
 * Every provider, and how a file finds its provider: by suffix, else by the payload's shape.
 * Adding a provider is one folder and one line in PROVIDERS; the rest derives from here.
 */
import type { ProviderDef } from './types';
import type { AuthDef } from '../core/auth/kinds';
import { provider as vonage } from './vonage';
import { provider as vonageLegacy } from './vonage-legacy';
import { provider as whatsapp } from './whatsapp';
import { provider as whatsappOnprem } from './whatsapp-onprem';
import { provider as gateway } from './gateway';

export const PROVIDERS = [vonage, vonageLegacy, whatsapp, whatsappOnprem, gateway] as const;

/** The provider ids, as a type: `'vonage' | 'vonage-legacy' | ...`. */
export type ProviderId = (typeof PROVIDERS)[number]['id'];

/** A provider of the registry (its id typed as a `ProviderId`). */
export type Provider = ProviderDef<ProviderId>;

export const PROVIDER_IDS: readonly ProviderId[] = PROVIDERS.map((p) => p.id);

export function isProviderId(id: string): id is ProviderId {
  return (PROVIDER_IDS as readonly string[]).includes(id);
}

export function providerById(id: string): Provider | undefined {
  return PROVIDERS.find((p) => p.id === id);
}

/** For ids already known to be valid (a checked profile, a validated file). */
export function providerOf(id: string): Provider {
  const p = providerById(id);
  if (!p) throw new Error(`No provider "${id}"`);
  return p;
}

export function providerForFile(fileName: string): Provider | undefined {
  const lower = fileName.toLowerCase();
  return PROVIDERS.find((p) => lower.endsWith(p.suffix));
}

/** The provider whose shape the value matches best, if any matches clearly. */
export function detectProvider(value: unknown): Provider | undefined {
  let best: Provider | undefined;
  let score = 0;
  for (const p of PROVIDERS) {
    const s = p.detect(value);
    if (s > score) {
      score = s;
      best = p;
    }
  }
  return score >= 0.5 ? best : undefined;
}

export function suffixList(): string {
  return PROVIDERS.map((p) => `${p.suffix} (${p.id})`).join(', ');
}

/** A profile's auth method as its provider defines it, or undefined when the provider does not take that kind. */
export function authDefOf(providerId: string, kind: string): AuthDef | undefined {
  return providerById(providerId)?.auth.find((a) => a.kind === kind);
}

/** Every auth method of every provider, once (for the CLI's secret variables and redaction). */
export const ALL_AUTH: readonly AuthDef[] = [...new Set(PROVIDERS.flatMap((p) => p.auth))];
