/** `mwb sandbox [--port N] [--host 127.0.0.1]`: run the local provider simulator until stopped. */
import { parseArgs } from 'node:util';
import { createSandbox } from '../../sandbox/server';
import { credentialsFromEnv } from '../../sandbox/env-credentials';
import { CONTROL_PATHS, describeEndpoints } from '../../sandbox/endpoints';
import { EXIT_OK, EXIT_USAGE, UsageError, err, out } from '../output';

export const usage = 'mwb sandbox [--port N] [--host 127.0.0.1]';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export function run(argv: string[]): Promise<number> {
  return serve(argv, process.env, untilSignal());
}

/** Resolves on the first SIGINT or SIGTERM, so the sandbox can close its connections cleanly. */
function untilSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** Runs the sandbox until `stopped` resolves (tests pass their own). */
export async function serve(argv: string[], env: Record<string, string | undefined>, stopped: Promise<void>): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { port: { type: 'string' }, host: { type: 'string' } } });
  if (positionals.length > 0) throw new UsageError(`sandbox takes no arguments (got "${positionals[0]}").`);
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535 (0 picks a free port), not "${values.port}".`);
  const host = values.host ?? '127.0.0.1';

  let fromEnv;
  try {
    fromEnv = credentialsFromEnv(env);
  } catch (e) {
    err(`mwb sandbox: ${(e as Error).message}`);
    return EXIT_USAGE;
  }
  if (!LOOPBACK.has(host)) err(`mwb sandbox: warning: listening on ${host}, not loopback: other machines can reach the sandbox and try its credentials.`);

  let sandbox;
  try {
    sandbox = await createSandbox({ ...fromEnv.credentials, host, port, log: (line) => err(line) });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') err(`mwb sandbox: port ${port} on ${host} is in use; pick another with --port, or --port 0 for a free one.`);
    else if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') err(`mwb sandbox: cannot listen on ${host}: it is not an address of this machine.`);
    else err(`mwb sandbox: ${(e as Error).message}`);
    return EXIT_USAGE;
  }

  out(`Sandbox running at ${sandbox.url}`);
  for (const e of describeEndpoints(sandbox.url)) out(`  ${e.provider.padEnd(22)} ${e.endpoint}   (${e.note})`);
  out(`  control                ${sandbox.url}${CONTROL_PATHS.inbound} {"from": "<number>"}, GET ${CONTROL_PATHS.messages}, GET ${CONTROL_PATHS.health}`);
  out(`Send with e.g.: mwb send --endpoint ${sandbox.url} examples/<file>.vonage.json`);
  if (fromEnv.configured.length > 0) err(`Credentials from the environment: ${fromEnv.configured.join('; ')}.`);
  if (fromEnv.missing.length > 0) {
    err(`Not configured (requests with these credentials will get 401): set ${fromEnv.missing.join('; ')} and restart to enable them.`);
  }
  err('Numbers 447700900000-447700900999 have written recently (24 h window open); others must POST /_sandbox/inbound first. Stop with Ctrl+C.');

  await stopped;
  await sandbox.close();
  err('Sandbox stopped.');
  return EXIT_OK;
}
