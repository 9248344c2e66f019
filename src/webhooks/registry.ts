/** Every provider's webhooks, from the provider registry, and how a file or a request finds its provider. */
import { PROVIDERS } from '../providers/registry';
import type { WebhookDef, WebhookRequest } from '../providers/webhook-types';

export const WEBHOOKS: readonly WebhookDef[] = PROVIDERS.flatMap((p) => (p.webhooks ? [p.webhooks] : []));

export function webhookById(providerId: string): WebhookDef | undefined {
  return WEBHOOKS.find((w) => w.providerId === providerId);
}

export function webhookForFile(fileName: string | undefined): WebhookDef | undefined {
  if (!fileName) return undefined;
  const lower = fileName.toLowerCase();
  return WEBHOOKS.find((w) => lower.endsWith(w.suffix));
}

/** The provider whose webhook a request's body (and headers) looks like, if one clearly does. */
export function detectWebhook(value: unknown, headers?: WebhookRequest['headers']): WebhookDef | undefined {
  let best: WebhookDef | undefined;
  let score = 0;
  for (const w of WEBHOOKS) {
    const s = w.detect(value, headers);
    if (s > score) {
      score = s;
      best = w;
    }
  }
  return score >= 0.5 ? best : undefined;
}

export function webhookSuffixList(): string {
  return WEBHOOKS.map((w) => `${w.suffix} (${w.providerId})`).join(', ');
}
