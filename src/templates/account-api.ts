/**
 * The account's template API: Meta's Graph API (`/{version}/{WABA-ID}/message_templates`, Bearer
 * token) or 360dialog's (`/v1/configs/templates`, D360-API-KEY). Pull reads every page; push submits
 * one definition and says what Meta answered. Requests go through the product's HTTP client and auth
 * code, so credentials only ever go to the profile's own host, over HTTPS unless it is this machine.
 * Sources: Meta, Message Templates API (developers.facebook.com/docs/graph-api/reference/whats-app-business-account/message_templates/),
 * cursor paging (developers.facebook.com/docs/graph-api/results); 360dialog, Create and manage
 * template messages (docs.360dialog.com/partner/messaging/template-messages/create-and-manage-template-messages),
 * whose list answers `{waba_templates, count, total, offset, limit}` with lower-case statuses.
 */
import { authorize, AuthError, redact } from '../core/auth/apply';
import { sendHttp, type HttpOptions } from '../core/http/client';
import { joinUrl, jsonRequest, type HttpReply } from '../core/http/types';
import { ProfileError, type Profile, type Secrets } from '../core/profile';
import type { AuthDef } from '../core/auth/kinds';
import { authDefOf } from '../providers/registry';
import { DEFAULT_GRAPH_VERSION } from '../providers/whatsapp/request';
import type { TemplateDefinition } from '../core/templates';
import { explainError } from '../providers/whatsapp/errors';
import { rec, scalarText as str } from '../core/json-values';

export type TemplateApiKind = 'meta' | '360dialog';

export interface TemplateApiTarget {
  kind: TemplateApiKind;
  /** The list and create URL. */
  url: string;
  profile: Profile;
  auth: AuthDef;
}

/** Where a profile's templates live. Throws ProfileError with what to set when it cannot tell. */
export function templateApiTarget(profile: Profile): TemplateApiTarget {
  if (profile.provider !== 'whatsapp')
    throw new ProfileError(`Profile "${profile.name}" is for ${profile.provider}; templates are managed through the WhatsApp Cloud API (Meta or 360dialog). Use a whatsapp profile.`);
  const auth = authDefOf(profile.provider, profile.auth);
  if (!auth) throw new ProfileError(`Profile "${profile.name}" uses auth "${profile.auth}", which ${profile.provider} does not take.`);
  if (profile.auth === 'd360') return { kind: '360dialog', url: joinUrl(profile.endpoint, '/v1/configs/templates'), profile, auth };
  if (!profile.wabaId) {
    throw new ProfileError(
      `Profile "${profile.name}" has no WhatsApp Business Account id: templates live at /{version}/{WABA-ID}/message_templates. Set WHATSAPP_WABA_ID (or "wabaId" in the profile); WhatsApp Manager shows it under Account tools.`,
    );
  }
  const version = profile.graphVersion ?? DEFAULT_GRAPH_VERSION;
  // An endpoint that already ends with a version (https://graph.facebook.com/v21.0) is used as it is.
  const base = /\/v\d+(\.\d+)?\/?$/.test(profile.endpoint) ? profile.endpoint : joinUrl(profile.endpoint, `/${encodeURIComponent(version)}`);
  return { kind: 'meta', url: joinUrl(base, `/${encodeURIComponent(profile.wabaId)}/message_templates`), profile, auth };
}

/** Something went wrong talking to the API; `exit` is the CLI's code for it. */
export class TemplateApiError extends Error {
  constructor(
    message: string,
    readonly stage: 'auth' | 'http' | 'response',
  ) {
    super(message);
  }
}

/** Meta's error (or 360dialog's) in one sentence, with the code and what to do. */
export function explainApiError(reply: HttpReply): { message: string; code?: string; subcode?: string } {
  const body = rec(reply.json);
  const error = rec(body?.error) ?? rec(Array.isArray(body?.errors) ? body.errors[0] : undefined);
  const code = str(error?.code);
  const subcode = str(error?.error_subcode);
  const text = [error?.error_user_title, error?.error_user_msg, rec(error?.error_data)?.details, error?.message, rec(body?.meta)?.developer_message].filter(
    (x): x is string => typeof x === 'string' && x !== '',
  );
  const known = explainError(code);
  const sub = subcode ? SUBCODES[subcode] : undefined;
  const parts = [`HTTP ${reply.status}${code ? `, code ${code}${subcode ? `/${subcode}` : ''}` : ''}: ${[...new Set(text)].join(' — ') || reply.statusText || 'error'}`];
  if (sub ?? known) parts.push(`What to do: ${sub ?? known!.advice}`);
  return { message: parts.join('\n'), code, subcode };
}

/** Error subcodes Meta gives template submissions (as seen in its answers), and what to do about each. */
const SUBCODES: Record<string, string> = {
  '2388024': 'A template with this name already exists in this language: use another name, or edit the existing template in WhatsApp Manager.',
  '2388023': 'A template with this name and language is being deleted; Meta does not let the name be used again until that finishes. Use another name.',
  '2388040': 'A field is longer than Meta allows: `mwb validate` names it.',
  '2388047': 'The header is not in a form Meta accepts: check its format and example.',
};

async function request(
  method: 'GET' | 'POST',
  url: string,
  body: unknown,
  target: TemplateApiTarget,
  secrets: Secrets,
  http: HttpOptions,
): Promise<{ reply?: HttpReply; failure?: string; used: string[] }> {
  let authorized;
  try {
    authorized = await authorize(jsonRequest(method, url, body), target.profile, target.auth, secrets);
  } catch (e) {
    if (e instanceof AuthError || e instanceof ProfileError) throw new TemplateApiError(e.message, 'auth');
    throw e;
  }
  const used = [...authorized.secrets];
  const outcome = await sendHttp(authorized.request, http);
  if (outcome.failure) return { failure: redact(outcome.failure.message, used), used };
  return { reply: outcome.reply, used };
}

/** A template from 360dialog's list in Meta's form (its statuses are lower case, PENDING is "submitted"). */
function from360(t: Record<string, unknown>): TemplateDefinition {
  const status = typeof t.status === 'string' ? t.status.toUpperCase() : undefined;
  return { ...(t as TemplateDefinition), ...(status ? { status: status === 'SUBMITTED' ? 'PENDING' : status } : {}) };
}

export interface PullResult {
  templates: TemplateDefinition[];
  pages: number;
}

/** Pages beyond this stop the pull: a server whose `next` never ends would otherwise loop forever. */
export const MAX_PAGES = 1000;

/** Every template of the account, following every page. */
export async function pullTemplates(target: TemplateApiTarget, secrets: Secrets, http: HttpOptions = {}): Promise<PullResult> {
  const templates: TemplateDefinition[] = [];
  const origin = new URL(target.url).origin;
  const seen = new Set<string>();
  let url: string | undefined = target.kind === 'meta' ? `${target.url}?limit=100` : `${target.url}?limit=1000&offset=0`;
  let pages = 0;
  while (url) {
    if (pages >= MAX_PAGES) throw new TemplateApiError(`Stopped after ${MAX_PAGES} pages: the API kept answering with a next page.`, 'response');
    if (seen.has(url)) throw new TemplateApiError('The API answered with the same next page twice; stopped rather than loop.', 'response');
    seen.add(url);
    const { reply, failure, used } = await request('GET', url, undefined, target, secrets, http);
    if (failure) throw new TemplateApiError(failure, 'http');
    if (reply!.status < 200 || reply!.status >= 300) throw new TemplateApiError(redact(explainApiError(reply!).message, used), 'response');
    const body = rec(reply!.json);
    const list = target.kind === 'meta' ? body?.data : body?.waba_templates;
    if (!Array.isArray(list))
      throw new TemplateApiError(`HTTP ${reply!.status}, but the answer has no ${target.kind === 'meta' ? '"data"' : '"waba_templates"'} list: is the endpoint the template API?`, 'response');
    pages++;
    templates.push(...list.flatMap((t) => (rec(t) ? [target.kind === 'meta' ? (t as TemplateDefinition) : from360(t as Record<string, unknown>)] : [])));
    url = undefined;
    if (target.kind === 'meta') {
      const next = rec(body!.paging)?.next;
      if (typeof next === 'string' && next !== '') {
        let nextUrl: URL;
        try {
          nextUrl = new URL(next, target.url);
        } catch {
          throw new TemplateApiError(`paging.next is not a URL (${JSON.stringify(next.slice(0, 80))}).`, 'response');
        }
        // The token goes with every request: never to another host than the one it was meant for.
        if (nextUrl.origin !== origin)
          throw new TemplateApiError(
            `paging.next points to ${nextUrl.origin}, not ${origin}; not followed, so the credentials were not sent there. ${templates.length} templates were read before it.`,
            'response',
          );
        url = nextUrl.toString();
      }
    } else {
      const offset = Number(body!.offset ?? 0) + list.length;
      if (list.length > 0 && typeof body!.total === 'number' && offset < body!.total) url = `${target.url}?limit=1000&offset=${offset}`;
    }
  }
  return { templates, pages };
}

/** Fields Meta sets on a template; a submission leaves them out. */
const META_SET = ['$schema', 'id', 'status', 'rejected_reason', 'quality_score', 'previous_category', 'namespace'];

export function submission(definition: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(definition).filter(([k]) => !META_SET.includes(k)));
}

export type PushOutcome =
  | { outcome: 'created'; id?: string; status?: string; category?: string; submittedCategory?: string; http: number; message: string }
  | { outcome: 'refused'; http: number; code?: string; subcode?: string; message: string }
  | { outcome: 'unknown'; message: string };

/**
 * Submit one definition. Sent once, never retried: a create that may have arrived is reported as
 * unknown (pull to see), because a second one would be refused as a duplicate or, worse, succeed.
 */
export async function pushTemplate(target: TemplateApiTarget, definition: Record<string, unknown>, secrets: Secrets, http: HttpOptions = {}): Promise<PushOutcome> {
  const body = submission(definition);
  const { reply, failure } = await request('POST', target.url, body, target, secrets, { ...http, maxAttempts: 1 });
  const name = `${String(body.name)} (${String(body.language)})`;
  if (failure) {
    const notSent = /refused the connection|was not found \(DNS\)|Could not connect|TLS certificate/.test(failure);
    return notSent
      ? { outcome: 'refused', http: 0, message: `Not submitted: ${failure}` }
      : { outcome: 'unknown', message: `${failure}\nThe template ${name} may or may not have been created: run \`mwb templates pull\` to see before submitting again.` };
  }
  const r = reply!;
  if (r.status >= 500)
    return { outcome: 'unknown', message: `HTTP ${r.status} from the template API: the template ${name} may or may not have been created. Run \`mwb templates pull\` to see before submitting again.` };
  if (r.status < 200 || r.status >= 300) {
    const e = explainApiError(r);
    return { outcome: 'refused', http: r.status, code: e.code, subcode: e.subcode, message: `Meta refused ${name}.\n${e.message}` };
  }
  const answer = rec(r.json) ?? {};
  const id = str(answer.id);
  const rawStatus = typeof answer.status === 'string' ? answer.status.toUpperCase() : undefined;
  const status = rawStatus === 'SUBMITTED' ? 'PENDING' : rawStatus;
  const category = typeof answer.category === 'string' ? answer.category.toUpperCase() : undefined;
  const submittedCategory = typeof body.category === 'string' ? body.category.toUpperCase() : undefined;
  const lines = [`Submitted ${name}: id ${id ?? '(none given)'}, status ${status ?? '(none given)'}.`];
  if (status === 'PENDING') lines.push("Meta reviews it (minutes to a day); `mwb templates pull` shows the outcome, and the account's webhook gets message_template_status_update.");
  if (status === 'APPROVED') lines.push('It is approved and can be sent now.');
  if (status === 'REJECTED') lines.push('It was rejected at once: pull it to read the reason (rejected_reason).');
  if (category && submittedCategory && category !== submittedCategory) lines.push(`Meta changed its category from ${submittedCategory} to ${category}: it is charged and reviewed as ${category}.`);
  return { outcome: 'created', id, status, category, submittedCategory, http: r.status, message: lines.join('\n') };
}

/** Where a pull writes when not told: beside everything it serves, at the workspace (or current) folder. */
export const PULLED_CATALOG_FILE = 'whatsapp.templates.json';

/** The catalog file a pull writes: Meta's GET answer (every page's `data`), and where and when it came from. */
export function pulledCatalogText(from: string, templates: readonly TemplateDefinition[], at: Date): string {
  // Never the query: it may carry a token.
  return JSON.stringify({ pulled: { from: from.split('?')[0], at: at.toISOString() }, data: templates }, null, 2) + '\n';
}

/** How many templates have each status, e.g. {APPROVED: 5, REJECTED: 1}. */
export function statusCounts(templates: readonly TemplateDefinition[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const d of templates) {
    const s = String(d.status ?? 'UNKNOWN');
    counts[s] = (counts[s] ?? 0) + 1;
  }
  return counts;
}
