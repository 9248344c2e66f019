/**
 * The sandbox: a local HTTP server that answers every provider at its real paths, in its real
 * formats, so sending works with no account. `createSandbox` is used by `mwb sandbox`, by the
 * extension's default profile and by tests.
 */
import * as http from 'node:http';
import type { ProviderId } from '../providers/registry';
import { validateText } from '../pipeline/validate';
import { readBody, parseJson } from './body';
import { CustomerWindow, normalizeNumber } from './customer-window';
import { secretMatches, VonageVerifier, type AuthResult, type SandboxCredentials } from './credentials';
import type { Dialect } from './dialects/types';
import { vonageDialect } from './dialects/vonage';
import { d360CloudDialect, metaDialect } from './dialects/meta';
import { onpremDialect } from './dialects/onprem';
import { gatewayDialect } from './dialects/gateway';
import { CONTROL_PATHS, SANDBOX_BASES, SANDBOX_ROUTES, describeEndpoints } from './endpoints';
import { MessageLog, type SandboxMessage } from './message-log';
import { payloadFacts } from './payload-facts';
import { onpremMessageId, vonageMessageId, wamid } from './ids';
import { fieldName, type FieldProblem, type Reply } from './reply';
import type { StatusSpec, WebhookSecrets } from '../providers/webhook-types';
import { webhookById } from '../webhooks/registry';
import { closeServer, destroyBrokenClients, listenLocal } from '../core/http/local-server';
import { Conversations, replyKindOf, type SentMessage } from './conversations';
import { plannedStatuses } from './statuses';
import { parseInbound, type InboundRequest } from './inbound';
import { WebhookReporter, withGeneratedSecrets, type PostedWebhook } from './webhook-reporter';
import { META_PAIR_LIMIT, PairLimiter, Throughput, type RateLimits } from './rate-limit';
import { SandboxTemplates, templateRoute, type TemplateStatusUpdate } from './templates';
import { str } from '../core/json-values';

export interface SandboxOptions extends SandboxCredentials {
  /** Interface to listen on; loopback unless the caller asks otherwise. */
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Milliseconds since the epoch; tests move it to open and close the 24 h window. */
  now?: () => number;
  maxBodyBytes?: number;
  maxMessages?: number;
  /** One line per request (method, path, status, provider); never headers or bodies. */
  log?: (line: string) => void;
  /** Where statuses and simulated customer messages are posted (a Vonage payload's `webhook_url` wins for its statuses). */
  webhook?: string;
  /** Time between one message's statuses (default 300 ms). */
  statusDelayMs?: number;
  /**
   * The secrets webhooks are signed with (Meta app secret, Vonage signature secret). Missing ones are
   * generated at random: webhooks are still signed as the providers sign, but only a handler given
   * the same value (WHATSAPP_APP_SECRET / VONAGE_SIGNATURE_SECRET) can verify them.
   */
  webhookSecrets?: WebhookSecrets;
  /** Throughput and WhatsApp pair rate limits (default: no throughput limit, Meta's pair limit). */
  rateLimits?: RateLimits;
  /** Bound on the message log's bodies, in bytes. */
  maxLogBytes?: number;
  /** Listening beyond loopback must be asked for: other machines could then reach the sandbox. */
  allowRemote?: boolean;
  /** A client must send its whole request within this time, or its connection is destroyed. */
  requestTimeoutMs?: number;
  /** Template review: how long it takes, and who hears the outcome (src/sandbox/templates.ts). */
  templateReviewDelayMs?: number;
  onTemplateStatus?: (update: TemplateStatusUpdate) => void;
}

export interface InboundRecord {
  from: string;
  receivedAt: string;
  windowOpenUntil: string;
  /** Ids for this customer message in each provider's style, e.g. to try "mark as read". */
  messageIds: { vonage: string; whatsapp: string; onprem: string };
}

/** The answer of POST /_sandbox/inbound: the window, the message's id in its provider's style, and the webhook posted. */
export interface InboundResult extends InboundRecord {
  provider: string;
  /** The inbound message's id, as its provider writes it: what "mark as read" takes. */
  id: string;
  /** The webhook posted to the handler, or null when none was (no --webhook, or no text and no reply). */
  webhook: { url: string; status?: number; error?: string } | null;
}

export interface Sandbox {
  url: string;
  close(): Promise<void>;
  inbound(from: string): InboundRecord;
  /** A customer writes or taps a reply: opens the window and posts the inbound webhook. */
  inboundMessage(request: InboundRequest): Promise<InboundResult>;
  messages(): SandboxMessage[];
  /** The webhooks posted so far (statuses and inbound), oldest first. */
  webhooks(): PostedWebhook[];
  /** Which webhook secrets were generated because none was given (names only). */
  generatedSecrets: string[];
  /** The sandbox's clock (tests move it), in milliseconds since the epoch. */
  now(): number;
  /** The customer care window with a number: open until when ('always' for the test range), undefined when closed. */
  windowOpenUntil(number: string): number | 'always' | undefined;
}

/** The business number the sandbox's WhatsApp webhooks report (Meta's display_phone_number). */
export const SANDBOX_BUSINESS_NUMBER = '15550000000';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost', '::ffff:127.0.0.1']);

export class SandboxInputError extends Error {}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
export const DEFAULT_MAX_MESSAGES = 1000;

type Api = 'vonage' | 'vonage-legacy' | 'whatsapp-meta' | 'whatsapp-360' | 'whatsapp-onprem' | 'gateway';

interface ApiDef {
  provider: ProviderId;
  dialect: Dialect;
  /** Header-borne credentials are checked before the body is looked at. */
  headerAuth?: (req: http.IncomingMessage) => Promise<AuthResult> | AuthResult;
}

type Route = { kind: 'send'; api: Api } | { kind: 'read'; api: Api; id: string } | { kind: 'control'; name: keyof typeof CONTROL_PATHS } | { kind: 'wrong-method'; allow: string } | { kind: 'none' };

const GRAPH_PATH = /^\/v\d+(?:\.\d+)?\/[^/]+\/messages$/;

/** A path segment as the client meant it; a malformed escape is kept as written rather than thrown. */
function segment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function route(method: string, path: string): Route {
  const is = (m: string, r: Route): Route => (method === m ? r : { kind: 'wrong-method', allow: m });
  for (const [name, p] of Object.entries(CONTROL_PATHS) as [keyof typeof CONTROL_PATHS, string][]) {
    if (path === p) return is(name === 'inbound' ? 'POST' : 'GET', { kind: 'control', name });
  }
  if (path === '/v1/messages') return is('POST', { kind: 'send', api: 'vonage' });
  let m = /^\/v1\/messages\/([^/]+)$/.exec(path);
  if (m) return is('PATCH', { kind: 'read', api: 'vonage', id: segment(m[1]) });
  if (path === '/v0.1/messages' || path === '/beta/messages') return is('POST', { kind: 'send', api: 'vonage-legacy' });
  if (GRAPH_PATH.test(path)) return is('POST', { kind: 'send', api: 'whatsapp-meta' });
  if (path === `${SANDBOX_BASES.d360Cloud}/messages`) return is('POST', { kind: 'send', api: 'whatsapp-360' });
  if (path === `${SANDBOX_BASES.onprem}/messages`) return is('POST', { kind: 'send', api: 'whatsapp-onprem' });
  m = new RegExp(`^${SANDBOX_BASES.onprem}/messages/([^/]+)$`).exec(path);
  if (m) return is('PUT', { kind: 'read', api: 'whatsapp-onprem', id: segment(m[1]) });
  if (path === SANDBOX_BASES.gateway) return is('POST', { kind: 'send', api: 'gateway' });
  return { kind: 'none' };
}

function bearer(req: http.IncomingMessage): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return m?.[1];
}

function headerValue(req: http.IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function tokenCheck(given: string | undefined, accepted: readonly string[], missing: string, notConfigured: string, wrong: string): AuthResult {
  if (!given) return { ok: false, reason: missing };
  if (accepted.length === 0) return { ok: false, reason: notConfigured };
  return secretMatches(given, accepted) ? { ok: true } : { ok: false, reason: wrong };
}

/** Validation problems that an API would reject: errors from our schema and lint rules. */
function bodyProblems(providerId: ProviderId, value: unknown): FieldProblem[] {
  const result = validateText(JSON.stringify(value), { providerId });
  return result.problems.filter((p) => p.severity === 'error').map((p) => ({ pointer: p.pointer, field: fieldName(p.pointer), message: p.message, code: p.code }));
}

function isMarkRead(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && (value as Record<string, unknown>).status === 'read';
}

export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const listenHost = options.host ?? '127.0.0.1';
  if (!LOOPBACK_HOSTS.has(listenHost) && !options.allowRemote) {
    throw new Error(`The sandbox listens on loopback only; ${listenHost} would let other machines reach it and try its credentials (allow it explicitly to do that).`);
  }
  const now = options.now ?? Date.now;
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const log = options.log ?? (() => undefined);
  const window = new CustomerWindow(now);
  const messages = new MessageLog(options.maxMessages ?? DEFAULT_MAX_MESSAGES, options.maxLogBytes);
  const conversations = new Conversations();
  const { secrets: webhookSecrets, generated: generatedSecrets } = withGeneratedSecrets(options.webhookSecrets);
  const reporter = new WebhookReporter({ delayMs: options.statusDelayMs, secrets: webhookSecrets, now, log });
  const throughput = new Throughput(options.rateLimits?.messagesPerSecond ?? 0);
  const pairs = new PairLimiter(options.rateLimits?.pair ?? META_PAIR_LIMIT);
  const vonage = await VonageVerifier.create(options.vonage, now);
  const whatsappTokens = options.whatsappTokens ?? [];
  const d360Keys = options.d360Keys ?? [];
  const gatewayTokens = options.gatewayTokens ?? [];
  // A template's review goes to the caller, and to the webhook as Meta posts message_template_status_update.
  const templateStatus = (update: TemplateStatusUpdate) => {
    options.onTemplateStatus?.(update);
    const meta = webhookById('whatsapp');
    if (options.webhook && meta) void reporter.post(options.webhook, meta, update.body, { kind: 'status', messageId: `template ${update.change.name}`, status: update.change.event });
  };
  const templates = new SandboxTemplates({ now, reviewDelayMs: options.templateReviewDelayMs, onTemplateStatus: templateStatus, maxBodyBytes: maxBody });
  let baseUrl = '';

  const d360Auth = (req: http.IncomingMessage) =>
    tokenCheck(
      headerValue(req, 'd360-api-key'),
      d360Keys,
      'No D360-API-KEY header.',
      'No 360dialog key is configured in the sandbox: start it with D360_API_KEY set.',
      "The D360-API-KEY does not match the sandbox's.",
    );

  const apis: Record<Api, ApiDef> = {
    vonage: { provider: 'vonage', dialect: vonageDialect, headerAuth: (req) => vonage.check(req.headers.authorization) },
    'vonage-legacy': { provider: 'vonage-legacy', dialect: vonageDialect, headerAuth: (req) => vonage.check(req.headers.authorization) },
    'whatsapp-meta': {
      provider: 'whatsapp',
      dialect: metaDialect,
      headerAuth: (req) =>
        tokenCheck(
          bearer(req),
          whatsappTokens,
          'No "Authorization: Bearer <token>" header.',
          'No WhatsApp token is configured in the sandbox: start it with WHATSAPP_TOKEN set.',
          "The access token does not match the sandbox's.",
        ),
    },
    'whatsapp-360': { provider: 'whatsapp', dialect: d360CloudDialect, headerAuth: d360Auth },
    'whatsapp-onprem': { provider: 'whatsapp-onprem', dialect: onpremDialect, headerAuth: d360Auth },
    gateway: { provider: 'gateway', dialect: gatewayDialect },
  };

  function inbound(from: string): InboundRecord {
    if (!isPhoneNumber(from)) throw new Error(`"${from.slice(0, 40)}" is not a phone number: give the customer's number with its country code, e.g. "447700900123".`);
    const opened = window.inbound(from);
    const messageIds = { vonage: vonageMessageId(), whatsapp: wamid(opened.number), onprem: onpremMessageId() };
    for (const id of Object.values(messageIds)) conversations.customerMessage(id, opened.number);
    return {
      from: opened.number,
      receivedAt: new Date(now()).toISOString(),
      windowOpenUntil: new Date(opened.openUntil).toISOString(),
      messageIds,
    };
  }

  /** The simulated customer's message: context checked, window opened, the provider's inbound webhook posted. */
  async function inboundMessage(request: InboundRequest): Promise<InboundResult> {
    if (!isPhoneNumber(request.from)) throw new SandboxInputError(`"${request.from.slice(0, 40)}" is not a phone number: give the customer's number with its country code, e.g. "447700900123".`);
    const context = request.context ? conversations.message(request.context) : undefined;
    if (request.context && (!context || normalizeNumber(context.to) !== normalizeNumber(request.from))) {
      throw new SandboxInputError(
        `"context" ${JSON.stringify(request.context.slice(0, 80))} is not a message the sandbox accepted for ${normalizeNumber(request.from)}: give the id your send to that number returned.`,
      );
    }
    const last = context ?? conversations.lastMessageTo(request.from);
    const provider = request.provider ?? (last?.provider === 'gateway' ? undefined : last?.provider) ?? 'whatsapp';
    if (request.reply && provider === 'vonage-legacy') throw new SandboxInputError('The Vonage v0.1 webhook shape has no reply buttons: send "text", or "provider": "vonage".');
    const record = inbound(request.from);
    const id = provider === 'whatsapp' ? record.messageIds.whatsapp : provider === 'whatsapp-onprem' ? record.messageIds.onprem : record.messageIds.vonage;
    const result: InboundResult = { ...record, provider, id, webhook: null };
    if (request.text === undefined && request.reply === undefined) return result;
    messages.add({
      id,
      kind: 'inbound',
      provider: provider as ProviderId,
      api: 'customer',
      to: record.from,
      freeForm: false,
      receivedAt: new Date(now()).toISOString(),
      body: { text: request.text, reply: request.reply, context: request.context },
    });
    const def = webhookById(provider);
    const url = options.webhook;
    if (!def || !url) return result;
    const answer = await reporter.inbound(
      url,
      def,
      {
        messageId: id,
        from: record.from,
        to: last && last.provider === provider ? last.business : SANDBOX_BUSINESS_NUMBER,
        at: now(),
        profileName: request.name,
        phoneNumberId: last?.phoneNumberId,
        channel: last?.channel === 'whatsapp' || !last?.channel ? 'whatsapp' : last.channel,
        text: request.text,
        reply: request.reply ? { ...request.reply, kind: context?.replyKind ?? 'button' } : undefined,
        context: request.context,
      },
      last?.api !== 'whatsapp-360',
    );
    result.webhook = { url, ...(answer.status !== undefined ? { status: answer.status } : { error: answer.error }) };
    return result;
  }

  /** Where and in which shape a message's statuses go; undefined when nowhere. */
  function statusTarget(api: Api, value: Record<string, unknown>): { url: string; shape: string } | undefined {
    if (api === 'gateway') return undefined;
    if (api === 'vonage') {
      const url = typeof value.webhook_url === 'string' && /^https?:\/\//.test(value.webhook_url) ? value.webhook_url : options.webhook;
      return url ? { url, shape: value.webhook_version === 'v0.1' ? 'vonage-legacy' : 'vonage' } : undefined;
    }
    return options.webhook ? { url: options.webhook, shape: apis[api].provider } : undefined;
  }

  /** After accepting: remember the message, and post the statuses the real API would. */
  function afterAccept(api: Api, path: string, id: string, to: string, freeForm: boolean, windowOpen: boolean, value: unknown): void {
    const provider = apis[api].provider;
    if (provider === 'gateway') return;
    const v = (value ?? {}) as Record<string, unknown>;
    const legacyFrom = (v.from ?? {}) as Record<string, unknown>;
    const legacyTo = (v.to ?? {}) as Record<string, unknown>;
    const business = api === 'vonage' ? (str(v.from) ?? '') : api === 'vonage-legacy' ? (str(legacyFrom.number) ?? str(legacyFrom.id) ?? '') : SANDBOX_BUSINESS_NUMBER;
    const channel = api === 'vonage' ? (str(v.channel) ?? '') : api === 'vonage-legacy' ? (legacyTo.type === 'viber_service_msg' ? 'viber_service' : (str(legacyTo.type) ?? '')) : 'whatsapp';
    const phoneNumberId = api === 'whatsapp-meta' ? /^\/v[^/]+\/([^/]+)\/messages$/.exec(path)?.[1] : undefined;
    const target = statusTarget(api, v);
    const sent: SentMessage = { id, provider, api, to, business, phoneNumberId, channel, replyKind: replyKindOf(provider, value) };
    if (target) Object.assign(sent, { webhookUrl: target.url, webhookVersion: target.shape });
    conversations.sentMessage(sent);
    const def = target ? webhookById(target.shape) : undefined;
    if (!target || !def) return;
    const statusTo = provider === 'whatsapp' || provider === 'whatsapp-onprem' ? normalizeNumber(to) : to;
    const plan = plannedStatuses({ provider: provider, freeForm, windowOpen, channel });
    const specs: StatusSpec[] = plan.map((p) => ({
      messageId: id,
      to: statusTo,
      from: business,
      at: 0,
      channel,
      phoneNumberId,
      clientRef: typeof v.client_ref === 'string' ? v.client_ref : undefined,
      ...p,
    }));
    reporter.report(target.url, def, specs, api !== 'whatsapp-360');
  }

  /** The sender a throughput limit counts against. */
  function senderKey(api: Api, path: string, value: unknown): string {
    const v = (value ?? {}) as Record<string, unknown>;
    if (api === 'whatsapp-meta') return `${api}:${/^\/v[^/]+\/([^/]+)\/messages$/.exec(path)?.[1] ?? ''}`;
    if (api === 'vonage') return `${api}:${str(v.from) ?? ''}`;
    if (api === 'vonage-legacy') return `${api}:${JSON.stringify(v.from ?? '')}`;
    return api;
  }

  function record(api: Api, provider: ProviderId, m: Omit<SandboxMessage, 'provider' | 'api' | 'receivedAt'>): void {
    messages.add({ ...m, provider, api, receivedAt: new Date(now()).toISOString() });
  }

  async function handleApi(req: http.IncomingMessage, r: Extract<Route, { kind: 'send' | 'read' }>, path: string): Promise<Reply> {
    const def = apis[r.api];
    const { dialect } = def;
    const body = await readBody(req, maxBody);
    if (!body.ok) return dialect.tooLarge(maxBody);
    if (def.headerAuth) {
      const auth = await def.headerAuth(req);
      if (!auth.ok) return dialect.unauthorized(auth.reason);
    }
    const parsed = parseJson(body.text);
    if (!parsed.ok) return dialect.badJson(parsed.detail);
    let value = parsed.value;

    if (r.api === 'gateway') {
      const obj = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
      const token = typeof obj.token === 'string' ? obj.token : undefined;
      const auth = tokenCheck(
        token,
        gatewayTokens,
        'The body has no "token".',
        'No gateway token is configured in the sandbox: start it with GATEWAY_TOKEN set.',
        "The token does not match the sandbox's.",
      );
      if (!auth.ok) return dialect.unauthorized(auth.reason);
      const { token: _secret, ...rest } = obj;
      value = rest;
    }

    if (r.kind === 'read') return markRead(r.api, def, r.id, value);
    if ((r.api === 'whatsapp-meta' || r.api === 'whatsapp-360') && isMarkRead(value)) {
      const id = value.message_id;
      const problems: FieldProblem[] = [];
      if (value.messaging_product !== 'whatsapp') problems.push({ pointer: '/messaging_product', field: 'messaging_product', message: '`messaging_product` must be "whatsapp".', code: 'schema' });
      if (typeof id !== 'string' || id === '')
        problems.push({ pointer: '/message_id', field: 'message_id', message: '`message_id` is required: the id of the received message to mark as read.', code: 'schema' });
      if (problems.length > 0) return dialect.invalid(problems);
      return markRead(r.api, def, id as string, value);
    }

    const facts = payloadFacts(def.provider, value);
    const problems = bodyProblems(def.provider, value);
    if (facts.to === undefined && !problems.some((p) => p.pointer === facts.toPointer)) {
      problems.unshift({ pointer: facts.toPointer, field: fieldName(facts.toPointer), message: `\`${fieldName(facts.toPointer)}\` is required.`, code: 'schema' });
    }
    if (problems.length > 0) return dialect.invalid(problems);
    const refused = r.api === 'whatsapp-meta' || r.api === 'whatsapp-360' ? templates.refuseSend(value) : undefined;
    if (refused) return refused;
    const to = facts.to as string;
    const windowOpen = window.isOpen(to);
    // The gateway answers a closed window itself (seed 003); the real APIs accept the message and
    // report the failure in a status webhook (131047, 470, 1340), so the sandbox does the same.
    if (r.api === 'gateway' && !windowOpen) return dialect.windowClosed(to);
    const at = now();
    if (!throughput.take(senderKey(r.api, path, value), at)) return dialect.rateLimited('throughput', 1000 - (at % 1000));
    if (r.api === 'whatsapp-meta' || r.api === 'whatsapp-360') {
      const pair = pairs.take(`${senderKey(r.api, path, value)}>${normalizeNumber(to)}`, at);
      if (!pair.ok) return dialect.rateLimited('pair', pair.retryAfterMs);
    }
    const { id, reply } = dialect.accepted(to);
    record(r.api, def.provider, { id, kind: 'message', to: normalizeNumber(to), freeForm: facts.freeFormWhatsApp, body: value });
    afterAccept(r.api, path, id, to, facts.freeFormWhatsApp, windowOpen, value);
    return reply;
  }

  function markRead(api: Api, def: ApiDef, id: string, value: unknown): Reply {
    if (!isMarkRead(value)) {
      return def.dialect.invalid([{ pointer: '/status', field: 'status', message: '`status` must be "read".', code: 'schema' }]);
    }
    if (!conversations.isCustomerMessage(id)) return def.dialect.unknownMessage(id);
    record(api, def.provider, { id, kind: 'mark-read', freeForm: false, body: value });
    return def.dialect.markedRead(id);
  }

  async function handleControl(req: http.IncomingMessage, name: keyof typeof CONTROL_PATHS): Promise<Reply> {
    if (name === 'health') {
      return {
        status: 200,
        body: {
          ok: true,
          url: baseUrl,
          endpoints: describeEndpoints(baseUrl),
          messages: messages.size,
          credentials: {
            vonage: vonage.configured,
            whatsappTokens: whatsappTokens.length,
            d360Keys: d360Keys.length,
            gatewayTokens: gatewayTokens.length,
          },
        },
      };
    }
    if (name === 'messages') return { status: 200, body: { messages: messages.list() } };
    if (name === 'webhooks') return { status: 200, body: { webhooks: reporter.list() } };
    // A page in a browser can POST a form here, but not with a JSON content type without CORS's consent.
    if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
      return controlError(415, "The sandbox's control endpoints take Content-Type: application/json.");
    }
    const body = await readBody(req, maxBody);
    if (!body.ok) return controlError(413, `The body is larger than ${maxBody} bytes.`);
    const parsed = parseJson(body.text);
    if (!parsed.ok) return controlError(400, `The body is not valid JSON: ${parsed.detail}`);
    const request = parseInbound(parsed.value);
    if (!request.ok) return controlError(400, request.message);
    if (!isPhoneNumber(request.value.from)) {
      return controlError(400, 'Send {"from": "<phone number>"}: the customer whose message opens the 24 h window, e.g. "447700900123".');
    }
    try {
      return { status: 200, body: await inboundMessage(request.value) };
    } catch (e) {
      if (e instanceof SandboxInputError) return controlError(400, e.message);
      throw e;
    }
  }

  /** A control request must name a loopback host: a DNS-rebound page names its own domain, and is refused. */
  function loopbackHost(req: http.IncomingMessage): boolean {
    if (options.allowRemote) return true;
    const host = (req.headers.host ?? '').toLowerCase();
    const name = host.startsWith('[') ? host.slice(1, host.indexOf(']')) : host.replace(/:\d+$/, '');
    return LOOPBACK_HOSTS.has(name);
  }

  async function handle(req: http.IncomingMessage): Promise<{ reply: Reply; label: string }> {
    const method = req.method ?? 'GET';
    let path: string;
    try {
      path = new URL(req.url ?? '/', 'http://sandbox').pathname;
    } catch {
      path = '/';
    }
    const t = templateRoute(method, path);
    if (t) {
      const def = apis[t.api === 'meta' ? 'whatsapp-meta' : 'whatsapp-360'];
      return {
        reply: await templates.handle(req, t, new URL(req.url ?? '/', baseUrl), baseUrl, { check: () => def.headerAuth!(req), unauthorized: def.dialect.unauthorized }),
        label: `templates-${t.api}`,
      };
    }
    const r = route(method, path);
    switch (r.kind) {
      case 'control':
        if (!loopbackHost(req))
          return { reply: controlError(403, "The sandbox's control endpoints answer only requests addressed to a loopback host (Host: 127.0.0.1:PORT or localhost:PORT)."), label: 'control' };
        return { reply: await handleControl(req, r.name), label: 'control' };
      case 'send':
      case 'read':
        return { reply: await handleApi(req, r, path), label: r.api };
      case 'wrong-method':
        return { reply: { ...controlError(405, `${path} answers ${r.allow}, not ${method}.`), headers: { allow: r.allow } }, label: '-' };
      case 'none':
        return {
          reply: { status: 404, body: { error: { code: 'not_found', message: `The sandbox has no ${method} ${path}. It answers: ${SANDBOX_ROUTES.join('; ')}.`, routes: SANDBOX_ROUTES } } },
          label: '-',
        };
    }
  }

  const requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
  const server = http.createServer(
    { requestTimeout: requestTimeoutMs, headersTimeout: Math.min(requestTimeoutMs, 10_000), connectionsCheckingInterval: Math.min(1000, requestTimeoutMs) },
    (req, res) => {
      const started = process.hrtime.bigint();
      handle(req)
        .catch(() => ({ reply: controlError(500, 'The sandbox failed to answer this request. This is a bug in the sandbox; please report it.'), label: 'error' }))
        .then(({ reply, label }) => {
          write(req, res, reply);
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          const path = (req.url ?? '/').split('?')[0];
          log(`${req.method} ${path} -> ${reply.status} (${label}, ${ms.toFixed(1)} ms)`);
        })
        .catch(() => res.destroy());
    },
  );
  // Enough for any test or bench; a runaway client cannot exhaust the machine's sockets.
  server.maxConnections = 512;
  // Slow clients are destroyed, never half-closed (they would hold the 512 slots for good).
  destroyBrokenClients(server);
  baseUrl = await listenLocal(server, options.port ?? 0, listenHost);

  return {
    url: baseUrl,
    inbound,
    inboundMessage,
    messages: () => messages.list(),
    webhooks: () => reporter.list(),
    generatedSecrets,
    now,
    windowOpenUntil: (number) => window.openUntil(number),
    close: () => {
      reporter.close();
      templates.close();
      return closeServer(server);
    },
  };
}

/** Loose on purpose (any written form); only rules out what cannot be a number at all. */
function isPhoneNumber(raw: string): boolean {
  const digits = normalizeNumber(raw);
  return digits.length >= 6 && digits.length <= 15 && !/[a-z]/i.test(raw);
}

function controlError(status: number, message: string): Reply {
  return { status, body: { error: { code: http.STATUS_CODES[status]?.toLowerCase().replace(/\W+/g, '_') ?? 'error', message } } };
}

function write(req: http.IncomingMessage, res: http.ServerResponse, reply: Reply): void {
  const payload = reply.body === undefined ? '' : JSON.stringify(reply.body);
  const headers: Record<string, string | number> = { 'content-length': Buffer.byteLength(payload), ...reply.headers };
  if (payload) headers['content-type'] = `${reply.contentType ?? 'application/json'}; charset=utf-8`;
  // A request we stopped reading (too large) cannot be reused: tell the client to reconnect.
  if (reply.status === 413 || !req.complete) headers.connection = 'close';
  res.writeHead(reply.status, headers);
  res.end(payload);
}
