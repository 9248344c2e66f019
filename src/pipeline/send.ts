/**
 * Sending one payload file: payload + environment + profile + secrets -> request -> HTTP -> result.
 * Shared by `mwb send`, `mwb curl` and the editor's Send command; one pass: the validation that
 * decides whether to send is the one returned to the caller. Nothing here prints; every string it
 * returns has had the secrets it used scrubbed out.
 */
import { LineIndex } from '../core/position';
import { fillPlaceholders, PLACEHOLDER } from '../core/placeholders';
import { howToSet } from '../core/variables';
import { isSecretName } from '../core/secret-names';
import type { TemplateCatalog } from '../core/templates';
import { ProfileError, type Profile, type Secrets } from '../core/profile';
import { AuthError, authorize, redact, redactRequest } from '../core/auth/apply';
import type { AuthDef } from '../core/auth/kinds';
import type { JwtCache } from '../core/auth/jwt-cache';
import { sendHttp, type HttpOptions } from '../core/http/client';
import { MAY_HAVE_BEEN_SENT, type SendProblem } from '../core/http/outcome';
import { RequestError, type HttpRequest, type SendOutcome } from '../core/http/types';
import { authDefOf, providerById } from '../providers/registry';
import type { ProviderDef } from '../providers/types';
import { validateText, type ValidationResult } from './validate';

export interface SendInput {
  text: string;
  fileName?: string;
  profile: Profile;
  /** Values for `{{NAME}}` placeholders: only what the user declared for them (src/core/variables.ts). */
  variables: Record<string, string | undefined>;
  templates?: TemplateCatalog;
  /** Keep `{{NAME}}` that has no value as written instead of refusing (for `mwb curl`, which turns them into $NAME). */
  keepPlaceholders?: boolean;
}

export type Prepared =
  | { ok: true; provider: ProviderDef; auth: AuthDef; payload: unknown; request: HttpRequest; placeholders: string[]; validation: ValidationResult }
  | { ok: false; reason: 'invalid' | 'placeholders' | 'provider' | 'profile' | 'request'; message: string; validation: ValidationResult };

export interface SendResult {
  ok: boolean;
  /** sent, not-sent, or unknown (the request left and no complete answer came: never re-send blindly). */
  outcome: SendOutcome;
  /** Sending again is safe: the request never left, or the provider said "not now" (429, 503). */
  retryable?: boolean;
  /** The provider's Retry-After, in ms, when it asked to wait. */
  retryAfterMs?: number;
  status: number | null;
  messageId: string | null;
  durationMs: number;
  attempts: number;
  /** Everything the user needs about a failure, as one text (null when sent). */
  problem: string | null;
  explained?: SendProblem;
  /** The provider said the 24 h customer care window is closed (send a template instead). */
  windowClosed?: boolean;
  notes: string[];
  /** The request as sent, credentials redacted (for history and --dry-run). */
  request?: HttpRequest;
  /** What the provider answered, with every secret used taken out (the editor's Show Response). */
  response?: { status: number; statusText: string; headers: Record<string, string>; body: string };
  /** Where a failure happened: the file, the credentials, the network, or the provider's answer. */
  stage?: 'prepare' | 'auth' | 'http' | 'response';
}

/** A result for a failure before any HTTP attempt. */
function notSent(problem: string, stage?: SendResult['stage']): SendResult {
  return { ok: false, outcome: 'not-sent', status: null, messageId: null, durationMs: 0, attempts: 0, notes: [], problem, ...(stage ? { stage } : {}) };
}

/** Fill placeholders inside every string value (keys stay as written); returns the names left unfilled. */
export function fillValue(value: unknown, variables: Record<string, string | undefined>): { value: unknown; missing: string[]; used: string[] } {
  const missing = new Set<string>();
  const used = new Set<string>();
  const defined: Record<string, string> = {};
  for (const [k, v] of Object.entries(variables)) if (typeof v === 'string' && !isSecretName(k)) defined[k] = v;
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

/** The first errors of a file, one line each, as `file:line:column: message [code]`. */
function errorLines(text: string, name: string, errors: ValidationResult['problems']): string[] {
  const lines = new LineIndex(text);
  const shown = errors.slice(0, 5).map((p) => {
    const at = lines.lineColumn(p.start);
    return `  ${name}:${at.line}:${at.column}: ${p.message} [${p.code}]`;
  });
  return errors.length > 5 ? [...shown, `  ... and ${errors.length - 5} more (run \`mwb validate ${name}\`)`] : shown;
}

/** Why a webhook payload file is not sent, and what to do with it instead. */
export function webhookRefusal(name: string, label: string): string {
  return `Not sent: ${name} is a ${label}, what the provider posts to your server, not a message to send. To post it to your handler, signed as the provider signs it, run: mwb trigger ${name} --to http://localhost:3000/webhook`;
}

/** Check and build: refuses a file with errors or unresolved placeholders, saying which. */
export function prepareSend(input: SendInput): Prepared {
  const validation = validateText(input.text, { fileName: input.fileName, templates: input.templates });
  const refuse = (reason: Extract<Prepared, { ok: false }>['reason'], message: string): Prepared => ({ ok: false, reason, message, validation });
  const name = input.fileName ?? 'the payload';
  const { provider } = validation;
  if (validation.webhook) return refuse('provider', webhookRefusal(name, validation.webhook.label));
  if (!provider) {
    // An empty, broken or too-deep file says so; only a readable payload of no known shape is "which API?".
    const first = validation.problems.find((p) => p.severity === 'error' && p.code !== 'unknown-provider');
    return refuse('invalid', first ? `Not sent: ${name}: ${first.message}` : `${name}: cannot tell which API it is for; name it with a provider suffix (e.g. .vonage.json).`);
  }
  if (provider.id !== input.profile.provider) {
    return refuse('provider', `${name} is a ${provider.id} payload but profile "${input.profile.name}" is for ${input.profile.provider}: pick a ${provider.id} profile.`);
  }
  const auth = authDefOf(provider.id, input.profile.auth);
  if (!auth)
    return refuse('profile', `Profile "${input.profile.name}" uses auth "${input.profile.auth}", which ${provider.id} does not take; use one of: ${provider.auth.map((a) => a.kind).join(', ')}.`);
  const errors = validation.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    return refuse(
      'invalid',
      [`Not sent: ${name} has ${errors.length} error${errors.length === 1 ? '' : 's'}; fix ${errors.length === 1 ? 'it' : 'them'} first:`, ...errorLines(input.text, name, errors)].join('\n'),
    );
  }
  // keepPlaceholders (curl) fills what has a value and leaves the rest as written.
  const filled = fillValue(validation.doc.value, input.variables);
  if (filled.missing.length > 0 && !input.keepPlaceholders) {
    const names = filled.missing.map((n) => `{{${n}}}`).join(', ');
    return refuse(
      'placeholders',
      `Not sent: ${name} has unresolved placeholder${filled.missing.length === 1 ? '' : 's'} ${names}. Give ${filled.missing.length === 1 ? 'it a value' : 'them values'}: ${howToSet(filled.missing)}.`,
    );
  }
  try {
    const request = provider.buildRequest(filled.value, input.profile, { variables: input.variables, keepPlaceholders: input.keepPlaceholders });
    return { ok: true, provider, auth, payload: filled.value, request, placeholders: filled.used, validation };
  } catch (e) {
    if (e instanceof ProfileError) return refuse('profile', e.message);
    if (e instanceof RequestError) return refuse('request', `Not sent: ${e.message}`);
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
  /** Reuse one Vonage JWT within its lifetime instead of signing one per request (bulk sends). */
  jwts?: JwtCache;
  /** Leave out `request` (a redacted copy costs a scan of the body per secret form): bulk keeps its own records. */
  omitRequest?: boolean;
}

/** Words by which an API says the window is closed when its code is not one we know. */
const WINDOW_WORDS = /customer care window|allowed window|last 24 hours|outside[- ]of[- ]the[- ]allowed[- ]window/i;

/** Whether a provider's problem means "the 24 h window is closed": by its codes, else by its words. */
export function isWindowClosed(provider: ProviderDef, problem: SendProblem | undefined): boolean {
  if (!problem) return false;
  const code = problem.code ?? '';
  // Vonage's code is a problem type URL ending in `#1340`.
  if (provider.windowClosedCodes.some((c) => code === c || code.endsWith(`#${c}`))) return true;
  return WINDOW_WORDS.test(`${problem.title} ${problem.detail ?? ''}`);
}

/** Authenticate, send and read one request; never throws for anything the user can fix. */
async function exchange(provider: ProviderDef, auth: AuthDef, request: HttpRequest, profile: Profile, secrets: Secrets, options: SendOptions): Promise<SendResult> {
  let authorized;
  try {
    authorized = await authorize(request, profile, auth, secrets, options.now, options.jwts);
  } catch (e) {
    if (e instanceof AuthError) return notSent(e.message, 'auth');
    throw e;
  }
  const used = [...authorized.secrets, ...Object.values(secrets).filter((s): s is string => typeof s === 'string'), ...(options.redact ?? [])];
  const scrub = (t: string) => redact(t, used);
  const outcome = await sendHttp(authorized.request, options.http);
  const reply = outcome.reply;
  const base = {
    outcome: outcome.outcome,
    ...(outcome.retryable ? { retryable: true } : {}),
    ...(outcome.retryAfterMs !== undefined ? { retryAfterMs: outcome.retryAfterMs } : {}),
    durationMs: Math.round(outcome.durationMs),
    attempts: outcome.attempts,
    notes: outcome.notes.map(scrub),
    ...(options.omitRequest ? {} : { request: redactRequest(authorized.request, used) }),
    // What the provider answered, scrubbed, for the editor's Show Response (bulk runs skip the copies, as for the request).
    ...(reply && !options.omitRequest
      ? { response: { status: reply.status, statusText: reply.statusText, headers: Object.fromEntries(Object.entries(reply.headers).map(([k, v]) => [k, scrub(v)])), body: scrub(reply.text) } }
      : {}),
  };
  const status = outcome.reply?.status ?? null;
  if (outcome.failure)
    return { ok: false, status: outcome.failure.kind === 'redirect' || outcome.reply?.cut ? status : null, messageId: null, problem: scrub(outcome.failure.message), stage: 'http', ...base };
  const read = provider.readResponse(outcome.reply!);
  if (read.ok) return { ok: true, status, messageId: read.messageId ?? null, problem: null, ...base };
  if (outcome.outcome === 'sent') {
    // A 2xx is the provider taking the message, whatever its body says: never "not sent" (issue 9, item 21).
    const why = read.problem ? scrub(read.problem.title) : `HTTP ${status}`;
    return { ok: true, status, messageId: null, problem: null, ...base, notes: [...base.notes, `Sent, but the answer could not be read, so there is no message id: ${why}`] };
  }
  const explained = read.problem ? (JSON.parse(scrub(JSON.stringify(read.problem))) as SendProblem) : undefined;
  const unknown = outcome.outcome === 'unknown' ? `\nThe message ${MAY_HAVE_BEEN_SENT} (HTTP ${status} comes after the server had the request).` : '';
  return {
    ok: false,
    status,
    messageId: null,
    problem: (explained ? formatProblem(explained) : `HTTP ${status}`) + unknown,
    explained,
    windowClosed: isWindowClosed(provider, explained),
    stage: 'response',
    ...base,
  };
}

/** Send a prepared request with the profile's secrets. */
export function sendPrepared(prepared: Extract<Prepared, { ok: true }>, profile: Profile, secrets: Secrets, options: SendOptions = {}): Promise<SendResult> {
  return exchange(prepared.provider, prepared.auth, prepared.request, profile, secrets, options);
}

/** The whole path, for callers that have everything at hand. */
export async function sendPayload(input: SendInput, secrets: Secrets, options: SendOptions = {}): Promise<SendResult> {
  const prepared = prepareSend(input);
  if (!prepared.ok) return notSent(prepared.message, 'prepare');
  return sendPrepared(prepared, input.profile, secrets, options);
}

/** What `--dry-run` shows: the request exactly as it would go, credentials redacted, or why it cannot be authorized. */
export async function dryRun(prepared: Extract<Prepared, { ok: true }>, profile: Profile, secrets: Secrets, redactAlso: readonly string[] = []): Promise<{ request: HttpRequest; problem?: string }> {
  try {
    const authorized = await authorize(prepared.request, profile, prepared.auth, secrets);
    return { request: redactRequest(authorized.request, [...authorized.secrets, ...redactAlso]) };
  } catch (e) {
    if (!(e instanceof AuthError)) throw e;
    return { request: redactRequest(prepared.request, redactAlso), problem: e.message };
  }
}

/** Mark a received message as read, where the provider has such a call. */
export async function markRead(messageId: string, profile: Profile, secrets: Secrets, options: SendOptions = {}): Promise<SendResult> {
  const provider = providerById(profile.provider);
  const auth = authDefOf(profile.provider, profile.auth);
  if (!provider || !auth) return notSent(`Profile "${profile.name}" is not a profile of a known provider and auth method.`);
  if (!provider.buildMarkRead) return notSent(`The ${provider.label} has no "mark as read" call.`);
  let request: HttpRequest;
  try {
    request = provider.buildMarkRead(messageId, profile);
  } catch (e) {
    if (e instanceof ProfileError) return notSent(e.message);
    throw e;
  }
  const result = await exchange(provider, auth, request, profile, secrets, options);
  return { ...result, messageId: result.ok ? messageId : null };
}
