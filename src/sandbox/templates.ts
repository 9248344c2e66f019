/**
 * The sandbox's template API, as Meta's Graph API and 360dialog serve it: list with paging, create
 * (PENDING, then APPROVED after a review delay, or REJECTED with Meta's reason when one of Meta's
 * rules is broken), delete; a `message_template_status_update` webhook body for each review; and
 * the check a template send gets: a template the account lacks, or has not approved, in that
 * language is refused with 132001, as the real API does, synchronously in the send's response
 * (e.g. `(#132001) Template name does not exist in the translation`, with error_data.details
 * `template name (x) does not exist in en_US`: github.com/tawn33y/whatsapp-cloud-api/issues/57;
 * HTTP 404 per Meta's Cloud API error codes table). A parameter count that does not match is 132000,
 * a parameter of the wrong kind 132012 (same table).
 * One account serves every WABA id in the path.
 */
import type { IncomingMessage } from 'node:http';
import { randomInt } from 'node:crypto';
import type { TemplateDefinition } from '../core/templates';
import { createCatalog } from '../core/templates';
import { validateText } from '../pipeline/validate';
import { templateStatusWebhook, type TemplateStatusChange } from '../templates/status-webhook';
import { readBody, parseJson } from './body';
import type { AuthResult } from './credentials';
import { graphError } from './dialects/meta';
import { SANDBOX_BASES } from './endpoints';
import type { Reply } from './reply';
import { SEED_TEMPLATES } from './template-seeds';
import { rec } from '../core/json-values';

export type TemplateApi = 'meta' | '360';

export interface TemplateRoute {
  api: TemplateApi;
  method: string;
  /** Meta: the WABA id in the path. */
  wabaId?: string;
  /** 360dialog DELETE: the template name in the path. */
  name?: string;
}

/** A status change, with the webhook body Meta would send for it. */
export interface TemplateStatusUpdate {
  change: TemplateStatusChange;
  body: Record<string, unknown>;
}

export interface SandboxTemplatesOptions {
  now: () => number;
  /** How long review takes (default 2000 ms). */
  reviewDelayMs?: number;
  /** Called with each review outcome; the sandbox's webhook emitter delivers `body`. */
  onTemplateStatus?: (update: TemplateStatusUpdate) => void;
  maxBodyBytes: number;
}

export const DEFAULT_REVIEW_DELAY_MS = 2000;
export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;
const DEFAULT_WABA = '102290129340398';

interface Stored {
  def: TemplateDefinition;
  wabaId: string;
}

const GRAPH_TEMPLATES = /^\/v\d+(?:\.\d+)?\/([^/]+)\/message_templates$/;

function segment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The template API a request is for, if any. */
export function templateRoute(method: string, path: string): TemplateRoute | undefined {
  const m = GRAPH_TEMPLATES.exec(path);
  if (m) return { api: 'meta', method, wabaId: segment(m[1]) };
  const base = `${SANDBOX_BASES.d360Cloud}/v1/configs/templates`;
  if (path === base) return { api: '360', method };
  if (path.startsWith(`${base}/`) && !path.slice(base.length + 1).includes('/')) return { api: '360', method, name: segment(path.slice(base.length + 1)) };
  return undefined;
}

/** The first problem Meta's review would reject the definition for (our lint of Meta's rules). */
function reviewProblem(def: TemplateDefinition): string | undefined {
  const result = validateText(JSON.stringify(def), { fileName: 'submitted.template.json', schema: false });
  return result.problems.find((p) => p.severity === 'error')?.message;
}

export class SandboxTemplates {
  private readonly store: Stored[] = SEED_TEMPLATES.map((def) => ({ def: { ...structuredClone(def), id: this.newId(), status: 'APPROVED' }, wabaId: DEFAULT_WABA }));
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly options: SandboxTemplatesOptions) {}

  private newId(): string {
    // 16 digits, below 2^53: the webhook sends it as a JSON number.
    return String(randomInt(100_000_000, 899_999_999)) + String(randomInt(1_000_000, 9_999_999));
  }

  /** Every template, as GET returns them. */
  all(): TemplateDefinition[] {
    return this.store.map((s) => structuredClone(s.def));
  }

  async handle(
    req: IncomingMessage,
    route: TemplateRoute,
    url: URL,
    baseUrl: string,
    auth: { check: () => Promise<AuthResult> | AuthResult; unauthorized: (reason: string) => Reply },
  ): Promise<Reply> {
    const allowed = route.api === 'meta' ? ['GET', 'POST', 'DELETE'] : route.name !== undefined ? ['DELETE'] : ['GET', 'POST'];
    if (!allowed.includes(route.method))
      return { status: 405, headers: { allow: allowed.join(', ') }, body: { error: { code: 'method_not_allowed', message: `${url.pathname} answers ${allowed.join(', ')}, not ${route.method}.` } } };
    const body = route.method === 'POST' ? await readBody(req, this.options.maxBodyBytes) : undefined;
    const authorized = await auth.check();
    if (!authorized.ok) return auth.unauthorized(authorized.reason);
    if (route.method === 'GET') return route.api === 'meta' ? this.listMeta(url, baseUrl) : this.list360(url);
    if (route.method === 'DELETE') return this.remove(route.api, route.name ?? url.searchParams.get('name') ?? '');
    if (!body?.ok) return graphError(413, 100, 'Invalid parameter', `The request body is larger than ${this.options.maxBodyBytes} bytes.`);
    const parsed = parseJson(body.text);
    if (!parsed.ok) return graphError(400, 100, 'Invalid parameter', `The request body is not valid JSON: ${parsed.detail}`);
    return this.create(route, parsed.value);
  }

  private listMeta(url: URL, baseUrl: string): Reply {
    const q = url.searchParams;
    const limit = Math.min(MAX_PAGE_SIZE, Math.max(1, Number(q.get('limit')) || DEFAULT_PAGE_SIZE));
    const matches = this.store.filter((s) => (['name', 'status', 'language', 'category'] as const).every((k) => !q.get(k) || String(s.def[k] ?? '').toUpperCase() === q.get(k)!.toUpperCase()));
    const after = q.get('after');
    const before = q.get('before');
    let start = 0;
    if (after) start = matches.findIndex((s) => s.def.id === Buffer.from(after, 'base64url').toString()) + 1;
    else if (before) start = Math.max(0, matches.findIndex((s) => s.def.id === Buffer.from(before, 'base64url').toString()) - limit);
    if (start < 0) return graphError(400, 100, 'Invalid parameter', 'The paging cursor is not valid.');
    const page = matches.slice(start, start + limit);
    const cursor = (s: Stored | undefined) => (s ? Buffer.from(String(s.def.id)).toString('base64url') : undefined);
    const paging: Record<string, unknown> = { cursors: { before: cursor(page[0]), after: cursor(page[page.length - 1]) } };
    if (start + limit < matches.length) {
      const next = new URL(url.pathname, baseUrl);
      for (const [k, v] of q) if (k !== 'after' && k !== 'before') next.searchParams.set(k, v);
      next.searchParams.set('limit', String(limit));
      next.searchParams.set('after', cursor(page[page.length - 1])!);
      paging.next = next.toString();
    }
    if (start > 0) {
      const previous = new URL(url.pathname, baseUrl);
      previous.searchParams.set('limit', String(limit));
      previous.searchParams.set('before', cursor(page[0])!);
      paging.previous = previous.toString();
    }
    return { status: 200, body: { data: page.map((s) => structuredClone(s.def)), paging } };
  }

  /** 360dialog's list: `waba_templates` with limit/offset and lower-case statuses ("approved", "submitted", "rejected"). */
  private list360(url: URL): Reply {
    const q = url.searchParams;
    const limit = Math.max(1, Number(q.get('limit')) || 1000);
    const offset = Math.max(0, Number(q.get('offset')) || 0);
    const page = this.store.slice(offset, offset + limit).map((s) => this.as360(s.def));
    return { status: 200, body: { count: page.length, filters: {}, limit, offset, sort: ['business_templates.name'], total: this.store.length, waba_templates: page } };
  }

  private as360(def: TemplateDefinition): Record<string, unknown> {
    const status = String(def.status ?? '').toLowerCase();
    return { ...structuredClone(def), status: status === 'pending' ? 'submitted' : status, namespace: 'c8ae5f90_307a_ca4c_b8f6_d1e2a2573574', rejected_reason: def.rejected_reason ?? 'NONE' };
  }

  private remove(api: TemplateApi, name: string): Reply {
    const before = this.store.length;
    for (let i = this.store.length - 1; i >= 0; i--) if (this.store[i].def.name === name) this.store.splice(i, 1);
    if (this.store.length === before) return graphError(400, 100, 'Invalid parameter', `There is no template named ${JSON.stringify(name)}.`);
    return api === 'meta' ? { status: 200, body: { success: true } } : { status: 200, body: { meta: { success: true, http_code: 200 } } };
  }

  private create(route: TemplateRoute, value: unknown): Reply {
    const v = rec(value);
    const missing = ['name', 'language', 'category', 'components'].filter((k) => (k === 'components' ? !Array.isArray(v?.[k]) : typeof v?.[k] !== 'string' || v[k] === ''));
    if (!v || missing.length > 0) {
      return graphError(400, 100, 'Invalid parameter', `Param ${missing.join(', ') || 'body'} ${missing.length > 1 ? 'are' : 'is'} required: a template has name, language, category and components.`);
    }
    const name = v.name as string;
    const language = v.language as string;
    if (this.store.some((s) => s.def.name === name && s.def.language === language)) {
      const error = graphError(400, 100, 'Invalid parameter', undefined);
      Object.assign((error.body as { error: Record<string, unknown> }).error, {
        error_subcode: 2388024,
        error_user_title: 'Message template already exists',
        error_user_msg: `There is already ${language} content for the template ${name}. Use another name or language, or edit the existing template.`,
      });
      return error;
    }
    const id = this.newId();
    const category = String(v.category).toUpperCase();
    const def: TemplateDefinition = { ...(v as TemplateDefinition), category, id, status: 'PENDING' };
    const stored: Stored = { def, wabaId: route.wabaId ?? DEFAULT_WABA };
    this.store.push(stored);
    this.scheduleReview(stored);
    if (route.api === '360') return { status: 201, body: this.as360(def) };
    return { status: 200, body: { id, status: 'PENDING', category } };
  }

  private scheduleReview(stored: Stored): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.store.includes(stored)) return; // deleted while in review
      const problem = reviewProblem({ ...stored.def, id: undefined, status: undefined });
      stored.def.status = problem ? 'REJECTED' : 'APPROVED';
      stored.def.rejected_reason = problem ? 'INVALID_FORMAT' : 'NONE';
      const change: TemplateStatusChange = {
        wabaId: stored.wabaId,
        templateId: String(stored.def.id),
        name: stored.def.name,
        language: String(stored.def.language),
        category: String(stored.def.category),
        event: stored.def.status,
        reason: stored.def.rejected_reason,
        ...(problem ? { rejectionInfo: { reason: problem, recommendation: 'Fix the template as the reason says and submit it again (`mwb validate` shows every problem).' } } : {}),
        at: this.options.now(),
      };
      this.options.onTemplateStatus?.({ change, body: templateStatusWebhook(change) });
    }, this.options.reviewDelayMs ?? DEFAULT_REVIEW_DELAY_MS);
    timer.unref?.();
    this.timers.add(timer);
  }

  /**
   * A Cloud API send of a template the account does not have approved in that language, or with
   * parameters that do not fit it: the reply Meta gives, or undefined when the send may go on.
   */
  refuseSend(value: unknown): Reply | undefined {
    const p = rec(value);
    if (p?.type !== 'template') return undefined;
    const t = rec(p.template);
    const name = typeof t?.name === 'string' ? t.name : '';
    const language = typeof rec(t?.language)?.code === 'string' ? (rec(t?.language)!.code as string) : '';
    const found = this.store.find((s) => s.def.name === name && s.def.language === language);
    const missing = (why: string) => graphError(404, 132001, 'Template name does not exist in the translation', why);
    if (!found) return missing(`template name (${name}) does not exist in ${language}`);
    if (found.def.status === 'PAUSED') return graphError(400, 132015, 'Template is Paused', `template name (${name}) is paused for low quality`);
    if (found.def.status === 'DISABLED') return graphError(400, 132016, 'Template is Disabled', `template name (${name}) is disabled`);
    if (found.def.status !== 'APPROVED') return missing(`template name (${name}) is ${String(found.def.status).toLowerCase()} in ${language}, not approved`);
    const result = validateText(JSON.stringify(value), { providerId: 'whatsapp', schema: false, templates: createCatalog([found.def]) });
    const faults = result.problems.filter((x) => x.severity === 'error' && x.code.startsWith('template-'));
    // A wrong count is named first (132000), then a parameter of the wrong kind (132012).
    const isCount = (code: string) => ['template-parameters', 'template-parameter-names', 'template-header-parameters', 'template-carousel'].includes(code);
    const fault = faults.find((x) => isCount(x.code)) ?? faults[0];
    if (!fault) return undefined;
    return isCount(fault.code)
      ? graphError(400, 132000, 'Number of parameters does not match the expected number of params', fault.message)
      : graphError(400, 132012, 'Parameter format does not match format in the created template', fault.message);
  }

  close(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
