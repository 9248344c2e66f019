/**
 * `mwb sandbox [--port N] [--host 127.0.0.1] [--webhook URL] [--status-delay-ms MS]`: run the local
 * provider simulator until stopped, posting statuses and simulated customer messages to --webhook.
 */
import { parseArgs } from 'node:util';
import { createSandbox } from '../../sandbox/server';
import { credentialsFromEnv } from '../../sandbox/env-credentials';
import { CONTROL_PATHS, describeEndpoints } from '../../sandbox/endpoints';
import { webhookSecretsFromEnv } from '../../webhooks/env-secrets';
import { META_PAIR_LIMIT, type PairLimit } from '../../sandbox/rate-limit';
import { untilSignal } from '../until-signal';
import { ADDRESS_OPTIONS, LOOPBACK, listenAddress, listenFailure } from '../listen-address';
import { EXIT_OK, EXIT_USAGE, UsageError, err, out } from '../output';

export const usage = 'mwb sandbox [--port N] [--host 127.0.0.1 [--allow-remote]] [--webhook URL] [--status-delay-ms MS] [--rate-limit MPS] [--pair-limit SECONDS/BURST|off]';

export function run(argv: string[]): Promise<number> {
  return serve(argv, process.env, untilSignal());
}

/** Runs the sandbox until `stopped` resolves (tests pass their own). */
export async function serve(argv: string[], env: Record<string, string | undefined>, stopped: Promise<void>): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...ADDRESS_OPTIONS,
      webhook: { type: 'string' },
      'status-delay-ms': { type: 'string' },
      'rate-limit': { type: 'string' },
      'pair-limit': { type: 'string' },
    },
  });
  if (positionals.length > 0) throw new UsageError(`sandbox takes no arguments (got "${positionals[0]}").`);
  const { port, host } = listenAddress(values, 'would let other machines reach the sandbox and try its credentials');
  const webhook = values.webhook;
  if (webhook !== undefined && !/^https?:\/\/[^\s/]/.test(webhook)) throw new UsageError(`--webhook must be an http(s) URL, e.g. http://127.0.0.1:3000/webhook, not "${webhook.slice(0, 60)}".`);
  const delay = values['status-delay-ms'] === undefined ? undefined : Number(values['status-delay-ms']);
  if (delay !== undefined && (!Number.isInteger(delay) || delay < 0 || delay > 600_000)) throw new UsageError('--status-delay-ms must be a whole number of milliseconds from 0 to 600000.');
  const mps = values['rate-limit'] === undefined ? 0 : Number(values['rate-limit']);
  if (!Number.isInteger(mps) || mps < 0) throw new UsageError("--rate-limit must be a whole number of messages per second per sender (0: no limit; Meta's default is 80).");
  let pair: PairLimit | false = META_PAIR_LIMIT;
  if (values['pair-limit'] === 'off') pair = false;
  else if (values['pair-limit'] !== undefined) {
    const m = /^(\d+(?:\.\d+)?)(?:\/(\d+))?$/.exec(values['pair-limit']);
    if (!m || Number(m[1]) <= 0) throw new UsageError('--pair-limit takes SECONDS or SECONDS/BURST (Meta: 6/45), or "off".');
    pair = { intervalMs: Math.round(Number(m[1]) * 1000), burst: m[2] ? Math.max(1, Number(m[2])) : META_PAIR_LIMIT.burst };
  }

  let fromEnv;
  try {
    fromEnv = credentialsFromEnv(env);
  } catch (e) {
    err(`mwb sandbox: ${(e as Error).message}`);
    return EXIT_USAGE;
  }
  if (!LOOPBACK.has(host)) err(`mwb sandbox: warning: listening on ${host}, not loopback: other machines can reach the sandbox and try its credentials.`);
  const secrets = webhookSecretsFromEnv(env);

  let sandbox;
  try {
    sandbox = await createSandbox({
      ...fromEnv.credentials,
      host,
      port,
      allowRemote: values['allow-remote'] === true,
      webhook,
      statusDelayMs: delay,
      webhookSecrets: secrets,
      rateLimits: { messagesPerSecond: mps, pair },
      log: (line) => err(line),
    });
  } catch (e) {
    err(listenFailure('sandbox', e, port, host));
    return EXIT_USAGE;
  }

  out(`Sandbox running at ${sandbox.url}`);
  for (const e of describeEndpoints(sandbox.url)) out(`  ${e.provider.padEnd(22)} ${e.endpoint}   (${e.note})`);
  out(`  control                ${sandbox.url}${CONTROL_PATHS.inbound} {"from": "<number>", "text": "..."}, GET ${CONTROL_PATHS.messages}, GET ${CONTROL_PATHS.webhooks}, GET ${CONTROL_PATHS.health}`);
  out(`Send with e.g.: mwb send --endpoint ${sandbox.url} examples/<file>.vonage.json`);
  if (fromEnv.configured.length > 0) err(`Credentials from the environment: ${fromEnv.configured.join('; ')}.`);
  if (fromEnv.missing.length > 0) {
    err(`Not configured (requests with these credentials will get 401): set ${fromEnv.missing.join('; ')} and restart to enable them.`);
  }
  if (webhook) {
    err(
      `Webhooks (statuses, customer messages) go to ${webhook}, ${sandbox.generatedSecrets.length === 0 ? 'signed with WHATSAPP_APP_SECRET and VONAGE_SIGNATURE_SECRET from the environment' : `signed; ${sandbox.generatedSecrets.join(' and ')} not set, so signed with a random secret your handler cannot check: set ${sandbox.generatedSecrets.length === 1 ? 'it' : 'them'} (the same value in your handler or \`mwb listen\`) and restart`}.`,
    );
  } else err("No --webhook: statuses and customer messages are not posted anywhere (a Vonage payload's webhook_url still gets its statuses).");
  err(
    `Rate limits: ${mps > 0 ? `${mps} messages/s per sender` : 'no throughput limit'}; WhatsApp pair limit ${pair ? `1 per ${pair.intervalMs / 1000} s to one number, bursts of ${pair.burst}` : 'off'}.`,
  );
  err('Numbers 447700900000-447700900999 have written recently (24 h window open); others must POST /_sandbox/inbound first. Stop with Ctrl+C.');

  await stopped;
  await sandbox.close();
  err('Sandbox stopped.');
  return EXIT_OK;
}
