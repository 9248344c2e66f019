/**
 * What a provider folder exports. Adding a provider: one folder, then its id in ProviderId
 * (core/model.ts), after which the compiler asks for its lines in transports.ts and PROVIDER_AUTH
 * (core/profile.ts); list it in registry.ts, and a test asks for its suffix in the extension's
 * payload-suffixes.ts and package.json's activation events.
 */
import type { z } from 'zod';
import type { MessageModel, ProviderId } from '../core/model';
import type { LintRule } from '../core/lint/context';

export interface ProviderDef {
  id: ProviderId;
  /** File suffix, e.g. `.vonage.json`. */
  suffix: string;
  /** Human name, e.g. "Vonage Messages API v1". */
  label: string;
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
  rules?: LintRule[];
}
