/**
 * Everything about one provider, in one object. Adding a provider: one folder whose index.ts
 * exports a `ProviderDef`, and one line in registry.ts. Everything else (validation, sending, the
 * CLI's variables, the sandbox's endpoints, the extension's suffixes, package.json's contributions)
 * derives from the registry or is checked against it by a test.
 */
import type { z } from 'zod';
import type { MessageModel } from '../core/model';
import type { LintRule } from '../core/lint/context';
import type { AuthDef, AuthKind } from '../core/auth/kinds';
import type { Profile } from '../core/profile';
import type { BuildContext, HttpReply, HttpRequest } from '../core/http/types';
import type { CatalogEntry, ReadResult } from '../core/http/outcome';
import type { WebhookDef } from './webhook-types';

export interface ProviderDef<Id extends string = string> {
  id: Id;
  /** Human name, e.g. "Vonage Messages API v1". */
  label: string;
  /** Payload file suffix, e.g. `.vonage.json`. */
  suffix: string;
  /** Set when the provider is kept only for old payloads: why, and what to use instead. */
  retired?: string;

  // ---- the payload file ----
  /** The payload schema: the single source of truth for its shape (JSON Schema is generated). */
  schema: z.ZodType;
  /**
   * How strongly a parsed value looks like this provider's payload (0 = not at all, 1 = certain).
   * Used when the file name has no provider suffix.
   */
  detect(value: unknown): number;
  /** Map a (possibly invalid) payload to the common model; never throws, undefined if unreadable. */
  toModel(value: unknown): MessageModel | undefined;
  /** Rules only this provider needs (provider-neutral rules live in core/lint). */
  rules: readonly LintRule[];

  // ---- where it goes and how it authenticates ----
  /** The auth methods this API takes; the first is the default. */
  auth: readonly AuthDef[];
  /** The production base URL for an auth kind; undefined when the user must give it (the gateway). */
  endpoint(auth: AuthKind): string | undefined;
  /** Where this provider lives inside a running sandbox whose origin is `base`. */
  sandboxEndpoint(base: string, auth: AuthKind): string;
  /** Non-secret profile fields the CLI reads from the environment when no profile is named. */
  profileEnv?: Partial<Record<'phoneNumberId' | 'graphVersion' | 'wabaId', string>>;
  /** Values a sandbox profile for this provider needs besides its endpoint and credentials. */
  sandboxProfile?: Partial<Pick<Profile, 'phoneNumberId' | 'graphVersion' | 'wabaId'>>;

  // ---- on the wire ----
  buildRequest(payload: unknown, profile: Profile, context?: BuildContext): HttpRequest;
  /** Undefined when the API has no mark-as-read. */
  buildMarkRead?(messageId: string, profile: Profile): HttpRequest;
  readResponse(reply: HttpReply): ReadResult;
  /** Look up an error code (or, for Vonage and the gateway, words from the error) in the catalog. */
  explainError(code: string | undefined): CatalogEntry | undefined;
  /** Error codes by which this API says the 24 h customer care window is closed. */
  windowClosedCodes: readonly string[];

  /** The webhooks this API posts (schema, events, signatures); undefined when it posts none we know. */
  webhooks?: WebhookDef;
  /** How fast a bulk run may send by default, and the error codes by which the API says "slow down". */
  pace?: ProviderPace;
}

export interface ProviderPace {
  /** Messages per second by default (what the provider documents for one number or key). */
  perSecond: number;
  /** Where that number comes from. */
  source: string;
  /** Codes besides HTTP 429 that mean "too fast, not taken": slow the whole run and send again. */
  throttledCodes?: readonly string[];
  /** Codes that mean "too fast for this one recipient": wait `pairWaitMs`, then send that row again. */
  pairCodes?: readonly string[];
  pairWaitMs?: number;
}

/** Keeps a provider's literal id in its type, so the registry can derive the `ProviderId` union. */
export function defineProvider<const Id extends string>(def: ProviderDef<Id>): ProviderDef<Id> {
  return def;
}
