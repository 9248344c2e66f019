/** Webhook secrets from the environment variables the CLI documents; values never leave this object. */
import type { WebhookSecrets } from '../providers/webhook-types';

export const WEBHOOK_SECRET_VARIABLES = ['WHATSAPP_APP_SECRET', 'WHATSAPP_VERIFY_TOKEN', 'VONAGE_SIGNATURE_SECRET'] as const;

export function webhookSecretsFromEnv(env: Record<string, string | undefined>): WebhookSecrets {
  const s: WebhookSecrets = {};
  if (env.WHATSAPP_APP_SECRET) s.whatsappAppSecret = env.WHATSAPP_APP_SECRET;
  if (env.WHATSAPP_VERIFY_TOKEN) s.whatsappVerifyToken = env.WHATSAPP_VERIFY_TOKEN;
  if (env.VONAGE_SIGNATURE_SECRET) s.vonageSignatureSecret = env.VONAGE_SIGNATURE_SECRET;
  if (env.VONAGE_API_KEY) s.vonageApiKey = env.VONAGE_API_KEY;
  if (env.VONAGE_APPLICATION_ID) s.vonageApplicationId = env.VONAGE_APPLICATION_ID;
  return s;
}

/** Which secrets are set, in words, for start-up messages (names only). */
export function describeSecrets(s: WebhookSecrets): { set: string[]; unset: string[] } {
  const set: string[] = [];
  const unset: string[] = [];
  (s.whatsappAppSecret ? set : unset).push('WHATSAPP_APP_SECRET (Meta X-Hub-Signature-256)');
  (s.whatsappVerifyToken ? set : unset).push('WHATSAPP_VERIFY_TOKEN (Meta verification GET)');
  (s.vonageSignatureSecret ? set : unset).push('VONAGE_SIGNATURE_SECRET (Vonage signed webhooks)');
  return { set, unset };
}
