/**
 * A local webhook receiver: answers Meta's verification GET, checks each POST as its provider signs
 * it, stores every request (accepted or not), tells `onRequest`, and passes verified requests on to
 * the user's own server with their original headers and bytes. `mwb listen` runs it; the extension
 * can run the same one with its workspace storage as the store.
 */
import * as http from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { WebhookSecrets } from '../providers/webhook-types';
import { detectWebhook, webhookById } from './registry';
import { diskStore, memoryStore, type StoredRequest, type WebhookStore } from './store';
import { postBytes, type HandlerAnswer } from './post';
import { closeServer, destroyBrokenClients, listenLocal } from '../core/http/local-server';

export interface ReceiverOptions {
  /** Loopback unless the caller asks otherwise. */
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  secrets?: WebhookSecrets;
  /** A store, or a directory to keep one in; default: memory only. */
  store?: WebhookStore | string;
  /** Verified requests are passed on to this URL. */
  forwardTo?: string;
  /** Also pass on requests that could not be verified (no secret set, or On-Premises, which signs nothing). */
  forwardUnverified?: boolean;
  /** Milliseconds since the epoch (tests move it). */
  now?: () => number;
  /** Told about every stored request, with its events. */
  onRequest?: (request: StoredRequest) => void;
  /** One line per refused connection (slow or broken clients); never headers or bodies. */
  log?: (line: string) => void;
  maxBodyBytes?: number;
  /** A client must send its whole request within this time, or the connection is destroyed. */
  requestTimeoutMs?: number;
}

export interface Receiver {
  url: string;
  close(): Promise<void>;
  /** Stored requests, oldest first. */
  list(): StoredRequest[];
  get(id: string): StoredRequest | undefined;
}

/** Meta's webhook bodies are a few KB; a megabyte leaves room and bounds memory. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

type Body = { ok: true; bytes: Buffer } | { ok: false; why: 'too-large' | 'timeout' | 'aborted' };

function readRaw(req: http.IncomingMessage, limit: number, timeoutMs: number): Promise<Body> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) return resolve({ ok: false, why: 'too-large' });
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (b: Body) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(b);
    };
    // The server's requestTimeout also ends a slow upload; this makes the answer and the log ours.
    const timer = setTimeout(() => finish({ ok: false, why: 'timeout' }), timeoutMs);
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) return finish({ ok: false, why: 'too-large' });
      chunks.push(chunk);
    });
    req.on('end', () => finish({ ok: true, bytes: Buffer.concat(chunks) }));
    req.on('error', () => finish({ ok: false, why: 'aborted' }));
    req.on('aborted', () => finish({ ok: false, why: 'aborted' }));
  });
}

function flatHeaders(req: http.IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const isJson = (contentType: string | undefined) => /^application\/([\w.+-]*\+)?json\s*(;|$)/i.test(contentType ?? '');

interface Answer {
  status: number;
  body: string;
  contentType: string;
  /** Close the connection after answering (we stopped reading the request). */
  close?: boolean;
}

const json = (status: number, value: unknown, close = false): Answer => ({ status, body: JSON.stringify(value), contentType: 'application/json', close });

export async function createReceiver(options: ReceiverOptions = {}): Promise<Receiver> {
  const now = options.now ?? Date.now;
  const secrets = options.secrets ?? {};
  const store: WebhookStore = typeof options.store === 'string' ? diskStore(options.store) : (options.store ?? memoryStore());
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const log = options.log ?? (() => undefined);

  async function record(req: http.IncomingMessage, body: Buffer, r: Omit<StoredRequest, 'id' | 'receivedAt' | 'method' | 'path' | 'headers' | 'bodyBase64'>): Promise<StoredRequest> {
    const stored: StoredRequest = {
      id: randomBytes(6).toString('hex'),
      receivedAt: new Date(now()).toISOString(),
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: flatHeaders(req),
      bodyBase64: body.toString('base64'),
      ...r,
    };
    try {
      await store.add(stored);
    } catch (e) {
      log(`could not store request ${stored.id}: ${(e as Error).message}`);
    }
    try {
      options.onRequest?.(stored);
    } catch {
      // A listener's bug must not take the receiver down.
    }
    return stored;
  }

  /** Meta's subscription check: GET ?hub.mode=subscribe&hub.verify_token=...&hub.challenge=... */
  async function verificationGet(req: http.IncomingMessage, query: URLSearchParams): Promise<Answer> {
    const expected = secrets.whatsappVerifyToken;
    const token = query.get('hub.verify_token') ?? '';
    const challenge = query.get('hub.challenge') ?? '';
    let reason: string | undefined;
    if (query.get('hub.mode') !== 'subscribe') reason = 'hub.mode is not "subscribe".';
    else if (!expected) reason = 'WHATSAPP_VERIFY_TOKEN is not set, so no verify token can match: set it to the token you typed in the Meta app dashboard.';
    else if (!sameSecret(token, expected)) reason = 'hub.verify_token does not equal WHATSAPP_VERIFY_TOKEN.';
    const ok = reason === undefined;
    await record(req, Buffer.alloc(0), { provider: 'whatsapp', verified: ok, ...(reason ? { reason } : {}), status: ok ? 200 : 403, events: [] });
    return ok ? { status: 200, body: challenge, contentType: 'text/plain; charset=utf-8' } : { status: 403, body: 'Forbidden', contentType: 'text/plain; charset=utf-8' };
  }

  async function post(req: http.IncomingMessage, res: http.ServerResponse): Promise<Answer> {
    const read = await readRaw(req, maxBody, timeoutMs);
    if (!read.ok) {
      const empty = Buffer.alloc(0);
      if (read.why === 'too-large') {
        const reason = `The body is larger than ${maxBody} bytes; webhooks are a few KB. Not read, not forwarded.`;
        await record(req, empty, { provider: null, verified: false, reason, status: 413, events: [] });
        return json(413, { error: reason }, true);
      }
      const reason = read.why === 'timeout' ? `Slow client: the body did not arrive within ${timeoutMs / 1000} s; connection destroyed.` : 'The client went away before sending the whole body.';
      log(`${req.method} ${req.url}: ${reason}`);
      await record(req, empty, { provider: null, verified: false, reason, status: 408, events: [] });
      res.once('finish', () => req.socket.destroy());
      return json(408, { error: reason }, true);
    }
    const bytes = read.bytes;
    if (!isJson(req.headers['content-type'])) {
      const reason = `Content-Type is ${req.headers['content-type'] ? JSON.stringify(req.headers['content-type'].slice(0, 60)) : 'missing'}; webhooks are sent as application/json.`;
      await record(req, bytes, { provider: null, verified: false, reason, status: 415, events: [] });
      return json(415, { error: reason });
    }
    let value: unknown;
    try {
      value = JSON.parse(bytes.toString('utf8'));
    } catch {
      const reason = bytes.length === 0 ? 'The body is empty; a webhook is a JSON object.' : 'The body is not JSON.';
      await record(req, bytes, { provider: null, verified: false, reason, status: 400, events: [] });
      return json(400, { error: reason });
    }
    const def = detectWebhook(value, req.headers);
    if (!def) {
      const reason = 'Not a webhook of a known provider (WhatsApp Cloud, On-Premises, Vonage v1 or v0.1).';
      await record(req, bytes, { provider: null, verified: false, reason, status: 400, events: [] });
      return json(400, { error: reason });
    }
    const verification = await def.verify({ body: bytes, headers: req.headers }, secrets, now());
    let events: StoredRequest['events'] = [];
    try {
      events = def.events(value);
    } catch {
      events = [];
    }
    const base = { provider: def.providerId, verified: verification.verified, ...(verification.verified === true ? {} : { reason: verification.reason }) };
    if (verification.verified === false) {
      await record(req, bytes, { ...base, status: 401, events });
      return json(401, { error: verification.reason });
    }
    const forward = options.forwardTo && (verification.verified === true || options.forwardUnverified);
    if (!forward) {
      const stored = await record(req, bytes, { ...base, status: 200, events });
      return json(200, { received: true, id: stored.id });
    }
    const answer: HandlerAnswer = await postBytes(options.forwardTo!, bytes, flatHeaders(req));
    const forwarded = { url: options.forwardTo!, durationMs: answer.durationMs, ...(answer.status !== undefined ? { status: answer.status } : {}), ...(answer.error ? { error: answer.error } : {}) };
    const status = answer.status ?? 502;
    await record(req, bytes, { ...base, status, events, forwarded });
    if (answer.status === undefined) return json(502, { error: `Forwarding to ${options.forwardTo} failed: ${answer.error}` });
    return { status: answer.status, body: answer.body ?? '', contentType: answer.contentType ?? 'text/plain; charset=utf-8' };
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<Answer> {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://receiver');
    } catch {
      return json(400, { error: 'Malformed request target.' });
    }
    if (req.method === 'GET' && url.searchParams.has('hub.mode')) return verificationGet(req, url.searchParams);
    if (req.method === 'POST') return post(req, res);
    if (req.method === 'GET' || req.method === 'HEAD') return { status: 200, body: 'mwb listen: POST webhooks here.\n', contentType: 'text/plain; charset=utf-8' };
    return { ...json(405, { error: `${req.method} is not a webhook: providers POST (and Meta verifies with GET).` }), close: true };
  }

  const server = http.createServer({ requestTimeout: timeoutMs, headersTimeout: Math.min(timeoutMs, 10_000), connectionsCheckingInterval: Math.min(1000, timeoutMs) }, (req, res) => {
    handle(req, res)
      .catch((e: Error) => json(500, { error: `The receiver failed on this request: ${e.message}` }))
      .then((a) => {
        if (res.headersSent || res.destroyed) return;
        const headers: Record<string, string | number> = { 'content-type': a.contentType, 'content-length': Buffer.byteLength(a.body) };
        if (a.close) headers.connection = 'close';
        res.writeHead(a.status, headers);
        res.end(req.method === 'HEAD' ? undefined : a.body);
        if (a.close) res.once('finish', () => req.socket.destroy());
      })
      .catch(() => res.destroy());
  });
  server.keepAliveTimeout = 5_000;
  destroyBrokenClients(server, (timeout, code) =>
    log(timeout ? `Slow client: no complete request within ${timeoutMs / 1000} s; connection destroyed.` : `Malformed request (${code ?? 'parse error'}); connection destroyed.`),
  );
  const url = await listenLocal(server, options.port ?? 0, options.host ?? '127.0.0.1');
  return { url, list: () => store.list(), get: (id) => store.get(id), close: () => closeServer(server) };
}

/** The webhook definition of a stored request's provider (for re-signing a replay). */
export function storedDef(request: StoredRequest) {
  return request.provider ? webhookById(request.provider) : undefined;
}
