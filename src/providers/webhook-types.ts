/**
 * What a provider says about the webhooks it sends: their file suffix and schema, the events in a
 * body, how a request is verified and how the provider signs one, and how to build the bodies the
 * sandbox posts. Carried by the provider's `ProviderDef.webhooks`.
 */
import type { z } from 'zod';
import type { WebhookEvent } from '../core/webhook-event';

export type { WebhookEvent, WebhookEventKind } from '../core/webhook-event';

/** The secrets webhooks are signed and checked with; each from its environment variable in the CLI. */
export interface WebhookSecrets {
  /** Meta's app secret (`WHATSAPP_APP_SECRET`): the key of X-Hub-Signature-256. */
  whatsappAppSecret?: string;
  /** The token Meta's subscription GET must carry (`WHATSAPP_VERIFY_TOKEN`). */
  whatsappVerifyToken?: string;
  /** Vonage's signature secret (`VONAGE_SIGNATURE_SECRET`): the key of the HS256 JWT. */
  vonageSignatureSecret?: string;
  /** Not secret: the `api_key` and `application_id` claims a signed Vonage webhook carries. */
  vonageApiKey?: string;
  vonageApplicationId?: string;
}

/** One request as it arrived: the exact bytes, and its headers (lower-case names, as node gives them). */
export interface WebhookRequest {
  body: Buffer;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * `true`: the signature proves the provider sent these bytes. `false`: it does not (why in `reason`).
 * `null`: nothing could be checked (no secret configured, or the API does not sign).
 */
export type Verification = { verified: true } | { verified: false; reason: string } | { verified: null; reason: string };

/** A status the sandbox reports, in neutral words: each provider maps them to its own. */
export interface StatusSpec {
  messageId: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  /** The customer. */
  to: string;
  /** The business number that sent it. */
  from: string;
  /** Milliseconds since the epoch. */
  at: number;
  channel?: string;
  phoneNumberId?: string;
  clientRef?: string;
  error?: { code: number; title: string; detail: string };
  /** Per-message pricing (WhatsApp): what this message costs under PMP. */
  pricing?: { billable: boolean; category: string; type: 'regular' | 'free_customer_service' | 'free_entry_point' };
  /** Vonage's `usage`. */
  usage?: { currency: string; price: string };
}

/** A customer's message the sandbox reports: text, or a tapped reply button or list row. */
export interface InboundSpec {
  messageId: string;
  /** The customer. */
  from: string;
  /** The business number it was sent to. */
  to: string;
  at: number;
  profileName?: string;
  phoneNumberId?: string;
  channel?: string;
  text?: string;
  reply?: { id: string; title: string; description?: string; kind: 'button' | 'list' | 'template-button' };
  /** The id of the business message the reply answers. */
  context?: string;
}

export interface WebhookDef {
  /** The provider this belongs to, e.g. `whatsapp`. */
  providerId: string;
  /** Webhook payload file suffix, e.g. `.whatsapp-webhook.json`. */
  suffix: string;
  /** Human name, e.g. "WhatsApp Cloud API webhook". */
  label: string;
  /** Every body this provider posts (JSON Schema is generated from it). */
  schema: z.ZodType;
  /**
   * How strongly a request looks like this provider's webhook (0 = not at all, 1 = certain), from its
   * parsed body and, when there is one, its headers.
   */
  detect(value: unknown, headers?: WebhookRequest['headers']): number;
  /** The events in a body; never throws, [] when there are none. */
  events(value: unknown): WebhookEvent[];
  /** The environment variable holding the secret this provider signs with; undefined when it does not sign. */
  secretVariable?: string;
  /** Checks a request as the provider signs it; `now` in milliseconds. */
  verify(request: WebhookRequest, secrets: WebhookSecrets, now: number): Promise<Verification>;
  /**
   * The headers the provider sends with these exact bytes: content type, user agent and, when its
   * secret is given, the signature over them.
   */
  headers(body: Buffer, secrets: WebhookSecrets, now: number): Promise<Record<string, string>>;
  /** Bodies in this provider's shape, for the sandbox. */
  build: {
    status(spec: StatusSpec): unknown;
    inbound(spec: InboundSpec): unknown;
  };
}
