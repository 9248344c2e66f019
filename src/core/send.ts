/**
 * Sending one payload file: payload + environment + profile + secrets -> request -> HTTP -> result.
 * Shared by `mwb send`, `mwb curl` and the editor's Send command. Nothing here prints; every
 * string it returns has had the secrets it used scrubbed out.
 */
import { LineIndex } from './position';
import { fillPlaceholders, PLACEHOLDER } from './placeholders';
import { validateText } from './validate';
import type { TemplateCatalog } from './templates';
import type { ProviderDef } from '../providers/types';
import { transportFor } from '../providers/transports';
import { ProfileError, type Profile, type Secrets } from './profile';
import { AuthError, authorize, redact, redactRequest } from './auth/apply';
import { sendHttp, type HttpOptions } from './http/client';
import type { SendProblem } from './http/outcome';
import { RequestError, type HttpRequest } from './http/types';

export interface SendInput {
  text: string;
  fileName?: string;
  profile: Profile;
  /** Values for `{{NAME}}` placeholders (the CLI passes the process environment). */
  variables: Record<string, string | undefined>;
  templates?: TemplateCatalog;
  /** Keep `{{NAME}}` as written instead of filling it (for `mwb curl`, which turns them into $NAME). */
  keepPlaceholders?: boolean;
}

export type Prepared =
  | { ok: true; provider: ProviderDef; payload: unknown; request: HttpRequest; placeholders: string[] }
  | { ok: false; reason: 'invalid' | 'placeholders' | 'provider' | 'profile' | 'request'; message: string };

export interface SendResult {
  ok: boolean;
  status: number | null;
  messageId: string | null;
  durationMs: number;
  attempts: number;
  /** Everything the user needs about a failure, as one text (null when sent). */
  problem: string | null;
  explained?: SendProblem;
  notes: string[];
  /** The request as sent, credentials redacted (for history and --dry-run). */
  request?: HttpRequest;
  /** Where a failure happened: the file, the credentials, the network, or the provider's answer. */
  stage?: 'prepare' | 'auth' | 'http' | 'response';
}

/** A result for a failure before any HTTP attempt. */
function notSent(problem: string, stage?: SendResult['stage']): SendResult {
  return { ok: false, status: null, messageId: null, durationMs: 0, attempts: 0, notes: [], problem, ...(stage ? { stage } : {}) };
}

/** Fill placeholders inside every string value (keys stay as written); returns the names left unfilled. */
export function fillValue(value: unknown, variables: Record<string, string | undefined>): { value: unknown; missing: string[]; used: string[] } {
  const missing = new Set<string>();
  const used = new Set<string>();
  const defined: Record<string, string> = {};
  for (const [k, v] of Object.entries(variables)) if (typeof v === 'string') defined[k] = v;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      for (const m of v.matchAll(PLACEHOLDER)) used.add(m[1]);
      const r = fillPlaceholders(v, defined);
      r.missing.forEach((n) => missing.add(n));
      return r.text;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  const out = walk(value);
  return { value: out, missing: [...missing], used: [...used] };
}

/** Check and build: refuses a file with errors or unresolved placeholders, saying which. */
export function prepareSend(input: SendInput): Prepared {
  const result = validateText(input.text, { fileName: input.fileName, templates: input.templates });
  const name = input.fileName ?? 'the payload';
  if (!result.provider) {
    // An empty, broken or too-deep file says so; only a readable payload of no known shape is "which API?".
    const first = result.problems.find((p) => p.severity === 'error' && p.code !== 'unknown-provider');
    return { ok: false, reason: 'invalid', message: first ? `Not sent: ${name}: ${first.message}` : `${name}: cannot tell which API it is for; name it with a provider suffix (e.g. .vonage.json).` };
  }
  if (result.provider.id !== input.profile.provider) {
    return { ok: false, reason: 'provider', message: `${name} is a ${result.provider.id} payload but profile "${input.profile.name}" is for ${input.profile.provider}: pick a ${result.provider.id} profile.` };
  }
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    const lines = new LineIndex(input.text);
    const shown = errors.slice(0, 5).map((p) => {
      const at = lines.lineColumn(p.start);
      return `  ${name}:${at.line}:${at.column}: ${p.message} [${p.code}]`;
    });
    const more = errors.length > 5 ? [`  ... and ${errors.length - 5} more (run \`mwb validate ${name}\`)`] : [];
    return { ok: false, reason: 'invalid', message: [`Not sent: ${name} has ${errors.length} error${errors.length === 1 ? '' : 's'}; fix ${errors.length === 1 ? 'it' : 'them'} first:`, ...shown, ...more].join('\n') };
  }
  const filled = input.keepPlaceholders ? { value: result.doc.value, missing: [], used: [] } : fillValue(result.doc.value, input.variables);
  if (filled.missing.length > 0) {
    const names = filled.missing.map((n) => `{{${n}}}`).join(', ');
    return { ok: false, reason: 'placeholders', message: `Not sent: ${name} has unresolved placeholder${filled.missing.length === 1 ? '' : 's'} ${names}. Give ${filled.missing.length === 1 ? 'it a value' : 'them values'} in the active environment (in the CLI, set the environment variable${filled.missing.length === 1 ? '' : 's'} ${filled.missing.join(', ')}).` };
  }
  try {
    const request = transportFor(result.provider.id).buildRequest(filled.value, input.profile, { variables: input.variables, keepPlaceholders: input.keepPlaceholders });
    return { ok: true, provider: result.provider, payload: filled.value, request, placeholders: filled.used };
  } catch (e) {
    if (e instanceof ProfileError) return { ok: false, reason: 'profile', message: e.message };
    if (e instanceof RequestError) return { ok: false, reason: 'request', message: `Not sent: ${e.message}` };
    throw e;
  }
}

export function formatProblem(p: SendProblem): string {
  const lines = [p.title];
  if (p.detail) lines.push(`  ${p.detail}`);
  for (const ip of p.invalidParameters ?? []) lines.push(`  - ${ip.name}: ${ip.reason}`);
  if (p.advice) lines.push(`What to do: ${p.advice}`);
  if (p.instance) lines.push(`(reference for support: ${p.instance})`);
  return lines.join('\n');
}

export interface SendOptions {
  http?: HttpOptions;
  /** Milliseconds since the epoch for the JWT's iat (tests). */
  now?: number;
  /** More values to keep out of everything returned, e.g. secret environment values used by placeholders. */
  redact?: readonly string[];
}

/** Authenticate and send a prepared request; never throws for anything the user can fix. */
export async function sendPrepared(prepared: Extract<Prepared, { ok: true }>, profile: Profile, secrets: Secrets, options: SendOptions = {}): Promise<SendResult> {
  let authorized;
  try {
    authorized = await authorize(prepared.request, profile, secrets, options.now);
  } catch (e) {
    if (e instanceof AuthError) return notSent(e.message, 'auth');
    throw e;
  }
  const used = [...authorized.secrets, ...Object.values(secrets).filter((s): s is string => typeof s === 'string'), ...(options.redact ?? [])];
  const scrub = (t: string) => redact(t, used);
  const outcome = await sendHttp(authorized.request, options.http);
  const base = { durationMs: Math.round(outcome.durationMs), attempts: outcome.attempts, notes: outcome.notes.map(scrub), request: redactRequest(authorized.request, used) };
  const status = outcome.reply?.status ?? null;
  if (outcome.failure) return { ok: false, status: outcome.failure.kind === 'redirect' ? status : null, messageId: null, problem: scrub(outcome.failure.message), stage: 'http', ...base };
  const read = transportFor(prepared.provider.id).readResponse(outcome.reply!);
  if (read.ok) return { ok: true, status, messageId: read.messageId ?? null, problem: null, ...base };
  const explained = read.problem ? (JSON.parse(scrub(JSON.stringify(read.problem))) as SendProblem) : undefined;
  return { ok: false, status, messageId: null, problem: explained ? formatProblem(explained) : `HTTP ${status}`, explained, stage: 'response', ...base };
}

/** The whole path, for callers that have everything at hand. */
export async function sendPayload(input: SendInput, secrets: Secrets, options: SendOptions = {}): Promise<SendResult> {
  const prepared = prepareSend(input);
  if (!prepared.ok) return notSent(prepared.message, 'prepare');
  return sendPrepared(prepared, input.profile, secrets, options);
}

/** Mark a received message as read, where the provider has such a call. */
export async function markRead(messageId: string, profile: Profile, secrets: Secrets, options: SendOptions = {}): Promise<SendResult> {
  const transport = transportFor(profile.provider);
  if (!transport.buildMarkRead) return notSent(`The ${profile.provider} API has no "mark as read" call.`);
  let request: HttpRequest;
  try {
    request = transport.buildMarkRead(messageId, profile);
  } catch (e) {
    if (e instanceof ProfileError) return notSent(e.message);
    throw e;
  }
  const fake = { ok: true as const, provider: { id: profile.provider } as ProviderDef, payload: undefined, request, placeholders: [] };
  const result = await sendPrepared(fake, profile, secrets, options);
  return { ...result, messageId: result.ok ? messageId : null };
}
