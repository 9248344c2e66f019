/** Where a long-running command listens (--port, --host, --allow-remote), and why it could not. */
import { UsageError } from './output';

export const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export const ADDRESS_OPTIONS = { port: { type: 'string' }, host: { type: 'string' }, 'allow-remote': { type: 'boolean' } } as const;

/** --port (0: a free one) and --host (loopback unless --allow-remote); `beyond` says what a remote host would risk. */
export function listenAddress(values: { port?: string; host?: string; 'allow-remote'?: boolean }, beyond: string): { port: number; host: string } {
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be a number from 0 to 65535 (0 picks a free port), not ${JSON.stringify(String(values.port).slice(0, 20))}.`);
  const host = values.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host) && !values['allow-remote']) throw new UsageError(`--host ${JSON.stringify(host.slice(0, 40))} ${beyond}; add --allow-remote if you mean it.`);
  return { port, host };
}

/** One sentence for a failure to listen. */
export function listenFailure(command: string, e: unknown, port: number, host: string): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return `mwb ${command}: port ${port} on ${host} is in use; pick another with --port, or --port 0 for a free one.`;
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return `mwb ${command}: cannot listen on ${host}: it is not an address of this machine.`;
  return `mwb ${command}: ${(e as Error).message}`;
}
