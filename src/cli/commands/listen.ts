/**
 * `mwb listen [--port N] [--host H] [--forward-to URL] [--json]`: a local webhook receiver until
 * stopped; `mwb listen replay ID [--to URL]` re-sends a stored request; `mwb listen list` shows them.
 */
import { parseArgs } from 'node:util';
import * as os from 'node:os';
import * as path from 'node:path';
import { createReceiver } from '../../webhooks/receiver';
import { diskStore } from '../../webhooks/store';
import { humanLines, jsonLine, safe } from '../../webhooks/lines';
import { describeSecrets, webhookSecretsFromEnv } from '../../webhooks/env-secrets';
import { closeAgent, postBytes } from '../../webhooks/post';
import { webhookById } from '../../webhooks/registry';
import { untilSignal } from '../until-signal';
import { ADDRESS_OPTIONS, listenAddress, listenFailure } from '../listen-address';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UsageError, err, out } from '../output';

export const usage =
  'mwb listen [--port N] [--host 127.0.0.1] [--forward-to URL] [--forward-unverified] [--json] [--store DIR] [--keep N] | mwb listen replay ID [--to URL] [--resign] [--json] | mwb listen list [--json]';

/** Where requests are kept between runs: --store, else $MWB_HOME/webhooks, else ~/.mwb/webhooks. */
function storeDir(given: string | undefined, env: Record<string, string | undefined>): string {
  return path.resolve(given ?? path.join(env.MWB_HOME ?? path.join(os.homedir(), '.mwb'), 'webhooks'));
}

/** The store, or a usage error that names the folder and what to do (no stack trace). */
function openStore(dir: string, keep?: number) {
  try {
    return diskStore(dir, keep);
  } catch (e) {
    throw new UsageError(`cannot keep requests in ${dir} (${(e as NodeJS.ErrnoException).code ?? 'error'}); pass --store DIR, a folder you can write.`);
  }
}

function checkUrl(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw new UsageError(`${flag} must be a URL like http://localhost:3000/webhook, not "${safe(value, 60)}".`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new UsageError(`${flag} must be an http or https URL, not ${u.protocol}.`);
  return value;
}

export function run(argv: string[]): Promise<number> {
  if (argv[0] === 'replay') return replay(argv.slice(1), process.env);
  if (argv[0] === 'list') return list(argv.slice(1), process.env);
  return listen(argv, process.env, untilSignal());
}

/** Runs the receiver until `stopped` resolves (tests pass their own). */
export async function listen(argv: string[], env: Record<string, string | undefined>, stopped: Promise<void>): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...ADDRESS_OPTIONS,
      'forward-to': { type: 'string' },
      'forward-unverified': { type: 'boolean' },
      json: { type: 'boolean' },
      store: { type: 'string' },
      keep: { type: 'string' },
    },
  });
  if (positionals.length > 0) throw new UsageError(`listen takes no arguments (got "${safe(positionals[0], 40)}"); did you mean "mwb listen replay ID"?`);
  const keep = values.keep === undefined ? 200 : Number(values.keep);
  if (!Number.isInteger(keep) || keep < 1 || keep > 100_000) throw new UsageError('--keep must be a whole number from 1 to 100000.');
  const { port, host } = listenAddress(values, 'would let other machines post to the receiver (a tunnel such as ngrok or VS Code port forwarding reaches 127.0.0.1 already)');
  const forwardTo = checkUrl('--forward-to', values['forward-to']);
  const secrets = webhookSecretsFromEnv(env);
  const json = values.json === true;

  let receiver;
  try {
    receiver = await createReceiver({
      host,
      port,
      secrets,
      store: openStore(storeDir(values.store, env), keep),
      forwardTo,
      forwardUnverified: values['forward-unverified'] === true,
      log: (line) => err(`mwb listen: ${line}`),
      onRequest: (r) => {
        if (json) out(jsonLine(r));
        else for (const line of humanLines(r)) out(line);
      },
    });
  } catch (e) {
    err(listenFailure('listen', e, port, host));
    return EXIT_USAGE;
  }
  const s = describeSecrets(secrets);
  err(`mwb listen: receiving webhooks at ${receiver.url} (any path; Meta's verification GET too). Stop with Ctrl+C.`);
  if (s.set.length) err(`Checking: ${s.set.join('; ')}.`);
  if (s.unset.length) err(`Not set (those requests are stored but not verified${forwardTo && !values['forward-unverified'] ? ', and not forwarded' : ''}): ${s.unset.join('; ')}.`);
  if (forwardTo) err(`Forwarding ${values['forward-unverified'] ? 'every request that is not refused' : 'verified requests'} to ${forwardTo}, with their original headers and bytes.`);
  await stopped;
  await receiver.close();
  await closeAgent();
  return EXIT_OK;
}

export async function replay(argv: string[], env: Record<string, string | undefined>): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { to: { type: 'string' }, resign: { type: 'boolean' }, json: { type: 'boolean' }, store: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError('replay needs exactly one ID (see `mwb listen list`).');
  const store = openStore(storeDir(values.store, env));
  const stored = store.get(positionals[0]);
  if (!stored) {
    err(`mwb listen replay: no stored request "${safe(positionals[0], 40)}" in ${storeDir(values.store, env)}; \`mwb listen list\` shows the ids.`);
    return EXIT_PROBLEMS;
  }
  const to = checkUrl('--to', values.to) ?? stored.forwarded?.url;
  if (!to) throw new UsageError(`request ${stored.id} was not forwarded anywhere; give --to URL.`);
  const body = Buffer.from(stored.bodyBase64, 'base64');
  let headers = stored.headers;
  if (values.resign) {
    const def = stored.provider ? webhookById(stored.provider) : undefined;
    if (!def) throw new UsageError(`request ${stored.id} is of no known provider, so it cannot be re-signed.`);
    const { authorization: _a, 'x-hub-signature': _s1, 'x-hub-signature-256': _s2, ...rest } = headers;
    headers = { ...rest, ...(await def.headers(body, webhookSecretsFromEnv(env), Date.now())) };
  }
  const answer = await postBytes(to, body, headers, stored.method === 'GET' ? 'GET' : 'POST');
  await closeAgent();
  if (values.json) out(JSON.stringify({ id: stored.id, to, ok: answer.ok, status: answer.status ?? null, body: answer.body ?? null, error: answer.error ?? null, durationMs: answer.durationMs }));
  else {
    if (answer.status === undefined) err(`mwb listen replay: ${to}: ${answer.error}`);
    else {
      out(`${answer.status} from ${to} (${answer.durationMs} ms)`);
      if (answer.body) out(safe(answer.body, 2000));
    }
  }
  return answer.ok ? EXIT_OK : EXIT_PROBLEMS;
}

async function list(argv: string[], env: Record<string, string | undefined>): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean' }, store: { type: 'string' } } });
  if (positionals.length > 0) throw new UsageError('list takes no arguments.');
  const items = openStore(storeDir(values.store, env)).list();
  for (const r of items) {
    if (values.json) out(jsonLine(r));
    else for (const line of humanLines(r)) out(line);
  }
  if (!values.json) err(`${items.length} stored request${items.length === 1 ? '' : 's'} in ${storeDir(values.store, env)}.`);
  return EXIT_OK;
}
