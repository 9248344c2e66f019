/**
 * VS Code's network settings for every request the extension makes: `http.proxy`,
 * `http.proxyStrictSSL` and `http.noProxy` (undici does not see the proxy VS Code patches into
 * Node's own http module), and `messageWorkbench.http.timeoutSeconds` as each send's deadline.
 */
import * as vscode from 'vscode';
import type { ProxySettings } from '../core/http/agent';
import { domain } from './lazy-domain';
import { SECTION, SETTINGS } from './ids';

/** The proxy VS Code is set to use, or undefined to keep the environment's (HTTPS_PROXY...). */
export function vscodeProxy(http: Pick<vscode.WorkspaceConfiguration, 'get'>): ProxySettings | undefined {
  const proxy = http.get<string>('proxy')?.trim();
  if (!proxy) return undefined;
  const noProxy = http.get<string[]>('noProxy') ?? [];
  return { httpProxy: proxy, httpsProxy: proxy, noProxy: noProxy.join(','), strictSSL: http.get<boolean>('proxyStrictSSL') ?? true };
}

/** Point the shared HTTP agent at VS Code's proxy settings as they are now; call before each send. */
export function applyHttpSettings(): void {
  domain().configureProxy(vscodeProxy(vscode.workspace.getConfiguration('http')));
}

/** messageWorkbench.http.timeoutSeconds, in ms: the deadline of one whole send. */
export function sendTimeoutMs(): number {
  return (vscode.workspace.getConfiguration(SECTION).get<number>(SETTINGS.httpTimeoutSeconds) ?? 30) * 1000;
}
