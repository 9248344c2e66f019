/**
 * One keep-alive connection pool per process, and the proxy it goes through: a new Agent per send
 * paid a TCP (and TLS) handshake every time. Loopback never goes through a proxy, so the sandbox
 * and local tests keep working behind a corporate one.
 */
import { Agent, EnvHttpProxyAgent, type Dispatcher } from 'undici';

export interface ProxySettings {
  /** Proxy for https:// targets (HTTPS_PROXY, VS Code's http.proxy). */
  httpsProxy?: string;
  /** Proxy for http:// targets (HTTP_PROXY, VS Code's http.proxy). */
  httpProxy?: string;
  /** Comma-separated hosts that go direct (NO_PROXY, VS Code's http.noProxy). */
  noProxy?: string;
  /** False accepts any certificate from the proxy and, through it, the target (VS Code's http.proxyStrictSSL). */
  strictSSL?: boolean;
}

export const CONNECT_TIMEOUT_MS = 10_000;
/** Idle connections are kept this long; undici also honours a shorter `Keep-Alive: timeout=` from the server. */
const KEEP_ALIVE_MS = 30_000;

/** The proxy environment variables, as curl and undici's EnvHttpProxyAgent read them (lower case wins). */
export function proxyFromEnv(env: Record<string, string | undefined>): ProxySettings {
  const pick = (name: string) => env[name.toLowerCase()] || env[name] || undefined;
  return { httpsProxy: pick('HTTPS_PROXY'), httpProxy: pick('HTTP_PROXY'), noProxy: pick('NO_PROXY') };
}

/** 127.0.0.0/8, ::1, localhost and *.localhost (RFC 6761): this machine, never proxied. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost') || h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const v4 = h.replace(/^::ffff:/, '');
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

let settings: ProxySettings | undefined;
const direct = new Map<number, Agent>();
let proxied: { key: string; dispatcher: Dispatcher } | undefined;

/** Set the proxy for every later request (the extension, from VS Code's settings); undefined: the environment's. */
export function configureProxy(next: ProxySettings | undefined): void {
  settings = next;
}

function currentSettings(): ProxySettings {
  return settings ?? proxyFromEnv(process.env);
}

function directAgent(connectTimeoutMs: number): Agent {
  let agent = direct.get(connectTimeoutMs);
  if (!agent) {
    agent = new Agent({ connect: { timeout: connectTimeoutMs }, keepAliveTimeout: KEEP_ALIVE_MS, keepAliveMaxTimeout: KEEP_ALIVE_MS });
    direct.set(connectTimeoutMs, agent);
  }
  return agent;
}

/** The shared dispatcher for a URL: direct for loopback or when no proxy is set, else through the proxy. */
export function dispatcherFor(url: URL, connectTimeoutMs = CONNECT_TIMEOUT_MS): Dispatcher {
  const s = currentSettings();
  if (isLoopbackHost(url.hostname) || (!s.httpsProxy && !s.httpProxy)) return directAgent(connectTimeoutMs);
  const key = JSON.stringify([s, connectTimeoutMs]);
  if (proxied?.key !== key) {
    const old = proxied?.dispatcher;
    const tls = s.strictSSL === false ? { rejectUnauthorized: false } : {};
    // EnvHttpProxyAgent applies NO_PROXY and picks the proxy by the target's scheme; it tunnels
    // https through CONNECT, so TLS stays end to end with the target.
    // https://github.com/nodejs/undici/blob/main/docs/docs/api/EnvHttpProxyAgent.md
    proxied = {
      key,
      dispatcher: new EnvHttpProxyAgent({
        httpProxy: s.httpProxy ?? '',
        httpsProxy: s.httpsProxy ?? '',
        noProxy: s.noProxy ?? '',
        connect: { timeout: connectTimeoutMs, ...tls },
        requestTls: tls,
        proxyTls: tls,
        keepAliveTimeout: KEEP_ALIVE_MS,
      }),
    };
    if (old) void old.close().catch(() => undefined);
  }
  return proxied.dispatcher;
}

/** Close every shared connection (tests, and a CLI that wants to exit without waiting for idle sockets). */
export async function closeSharedAgents(): Promise<void> {
  const all: Dispatcher[] = [...direct.values(), ...(proxied ? [proxied.dispatcher] : [])];
  direct.clear();
  proxied = undefined;
  await Promise.all(all.map((d) => d.close().catch(() => undefined)));
}
