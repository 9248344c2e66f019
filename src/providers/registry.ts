/** Every provider, and how a file finds its provider: by suffix, else by the payload's shape. */
import type { ProviderDef } from './types';
import { provider as vonage } from './vonage';
import { provider as vonageLegacy } from './vonage-legacy';
import { provider as whatsapp } from './whatsapp';
import { provider as whatsappOnprem } from './whatsapp-onprem';
import { provider as gateway } from './gateway';

export const PROVIDERS: readonly ProviderDef[] = [vonage, vonageLegacy, whatsapp, whatsappOnprem, gateway];

export const PROVIDER_IDS = PROVIDERS.map((p) => p.id);

export function providerById(id: string): ProviderDef | undefined {
  return PROVIDERS.find((p) => p.id === id);
}

export function providerForFile(fileName: string): ProviderDef | undefined {
  const lower = fileName.toLowerCase();
  return PROVIDERS.find((p) => lower.endsWith(p.suffix));
}

/** The provider whose shape the value matches best, if any matches clearly. */
export function detectProvider(value: unknown): ProviderDef | undefined {
  let best: ProviderDef | undefined;
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
