/** `mwb send [--json] [--profile NAME] [--endpoint URL] [--dry-run] FILE` */
import { parseArgs } from 'node:util';
import * as path from 'node:path';
import type { Secrets } from '../../core/profile';
import { envSecretValues, secretsFromEnv, EnvSecretError } from '../../core/auth/env-secrets';
import { redact } from '../../core/auth/apply';
import { dryRun, prepareSend, sendPrepared, type SendResult } from '../../pipeline/send';
import type { HttpRequest } from '../../core/http/types';
import { ALL_AUTH } from '../../providers/registry';
import { CliFailure, loadForSend, type Loaded } from '../load-payload';
import { loadTemplateCatalog } from '../template-catalog';
import { cliVariables, VariableError } from '../../core/variables';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UsageError, err, out } from '../output';

export const usage = 'mwb send [--json] [--profile NAME] [--endpoint URL] [--timeout SECONDS] [--dry-run] [--var NAME=VALUE]... [--vars-file FILE] FILE';

function showRequest(req: HttpRequest): string {
  const lines = [`${req.method} ${req.url}`, ...Object.entries(req.headers).map(([k, v]) => `${k}: ${v}`)];
  if (req.body !== undefined) {
    let body = req.body;
    try {
      body = JSON.stringify(JSON.parse(req.body), null, 2);
    } catch {
      // shown as it is
    }
    lines.push('', body);
  }
  return lines.join('\n');
}

function parsedOr(body: string | undefined): unknown {
  try {
    return body === undefined ? undefined : JSON.parse(body);
  } catch {
    return body;
  }
}

function jsonResult(r: Pick<SendResult, 'ok' | 'outcome' | 'status' | 'messageId' | 'durationMs' | 'attempts' | 'problem'>) {
  return { ok: r.ok, outcome: r.outcome, status: r.status, messageId: r.messageId, durationMs: r.durationMs, attempts: r.attempts, problem: r.problem };
}

/** `--timeout SECONDS`: the deadline of the whole send (default 30 s). */
export function timeoutMs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(seconds > 0) || seconds > 3600) throw new UsageError(`--timeout must be a number of seconds between 0 and 3600 (got "${value}").`);
  return Math.round(seconds * 1000);
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      profile: { type: 'string' },
      endpoint: { type: 'string' },
      timeout: { type: 'string' },
      'dry-run': { type: 'boolean' },
      var: { type: 'string', multiple: true },
      'vars-file': { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('send needs exactly one FILE.');
  const timeout = timeoutMs(values.timeout);
  const secretsSeen = envSecretValues(ALL_AUTH);
  const say = (text: string) => out(redact(text, secretsSeen));
  const complain = (text: string) => err(redact(text, secretsSeen));
  const fail = (problem: string, exit: number): number => {
    if (values.json) say(JSON.stringify(jsonResult({ ok: false, outcome: 'not-sent', status: null, messageId: null, durationMs: 0, attempts: 0, problem }), null, 2));
    complain(`mwb send: ${problem}`);
    return exit;
  };

  let loaded: Loaded;
  try {
    loaded = loadForSend(positionals[0], values);
  } catch (e) {
    if (e instanceof CliFailure) return fail(e.message, e.exit);
    throw e;
  }
  const { file, text, profile } = loaded;
  let variables: Record<string, string>;
  try {
    variables = cliVariables({ vars: values.var, varsFile: values['vars-file'], env: process.env });
  } catch (e) {
    if (e instanceof VariableError) return fail(e.message, EXIT_USAGE);
    throw e;
  }
  const prepared = prepareSend({ text, fileName: file, profile, variables, templates: loadTemplateCatalog(path.dirname(path.resolve(file))) });
  if (!prepared.ok) return fail(prepared.message, prepared.reason === 'profile' ? EXIT_USAGE : EXIT_PROBLEMS);

  let secrets: Secrets;
  try {
    secrets = secretsFromEnv(prepared.auth);
  } catch (e) {
    if (e instanceof EnvSecretError) return fail(e.message, EXIT_USAGE);
    throw e;
  }

  if (values['dry-run']) {
    const shown = await dryRun(prepared, profile, secrets, secretsSeen);
    if (values.json) say(JSON.stringify({ profile: profile.name, request: { ...shown.request, body: parsedOr(shown.request.body) }, ...(shown.problem ? { problem: shown.problem } : {}) }, null, 2));
    else say(showRequest(shown.request));
    if (shown.problem) {
      complain(`mwb send: (dry run, no credentials added) ${shown.problem}`);
      return EXIT_USAGE;
    }
    complain(`(dry run: nothing was sent; profile "${profile.name}", credentials redacted)`);
    return EXIT_OK;
  }

  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  let result: SendResult;
  try {
    result = await sendPrepared(prepared, profile, secrets, { http: { signal: controller.signal, timeoutMs: timeout } });
  } finally {
    process.removeListener('SIGINT', onSignal);
  }
  const exit = result.ok ? EXIT_OK : result.stage === 'auth' ? EXIT_USAGE : EXIT_PROBLEMS;
  for (const note of result.notes) complain(note);
  if (values.json) {
    say(JSON.stringify(jsonResult(result), null, 2));
    if (!result.ok) complain(`mwb send: ${result.problem}`);
    return exit;
  }
  const timing = `${result.durationMs} ms, ${result.attempts} attempt${result.attempts === 1 ? '' : 's'}`;
  if (result.ok) say(`Sent with profile "${profile.name}": HTTP ${result.status}, message id ${result.messageId ?? '(none returned)'} (${timing}).`);
  else if (result.outcome === 'unknown') complain(`mwb send: outcome unknown${result.status ? ` (HTTP ${result.status})` : ''}, ${timing}.\n${result.problem}`);
  else complain(`mwb send: not sent${result.status ? ` (HTTP ${result.status})` : ''}${result.attempts ? `, ${timing}` : ''}.\n${result.problem}`);
  return exit;
}
