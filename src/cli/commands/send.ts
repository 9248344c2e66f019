/** `mwb send [--json] [--profile NAME] [--endpoint URL] [--dry-run] FILE` */
import { parseArgs } from 'node:util';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readPayloadFile } from '../../core/read-file';
import { parseDocument } from '../../core/parse';
import { resolveProvider } from '../../core/validate';
import { defaultProfile, findSettingsFile, profilesFromSettings, ProfileError, safeUrl, type Profile, type Secrets } from '../../core/profile';
import { envSecretValues, secretsFromEnv, EnvSecretError } from '../../core/auth/env-secrets';
import { authorize, AuthError, redact, redactRequest } from '../../core/auth/apply';
import { prepareSend, sendPrepared, type SendResult } from '../../core/send';
import type { HttpRequest } from '../../core/http/types';
import { loadTemplateCatalog } from '../templates';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UsageError, err, out } from '../output';

export const usage = 'mwb send [--json] [--profile NAME] [--endpoint URL] [--dry-run] FILE';

export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exit: number,
  ) {
    super(message);
  }
}

export interface Loaded {
  file: string;
  text: string;
  profile: Profile;
}

/** Read FILE and pick its profile: `--profile` from the workspace settings, else the provider's default. */
export function loadForSend(file: string, options: { profile?: string; endpoint?: string }): Loaded {
  const read = readPayloadFile(file);
  if (!read.ok) throw new CliFailure(read.kind === 'io' ? read.message : `${file}: ${read.message}`, read.kind === 'io' ? EXIT_USAGE : EXIT_PROBLEMS);
  if (options.endpoint !== undefined) {
    const url = safeUrl(options.endpoint);
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw new UsageError(`--endpoint must be an http(s) URL such as https://api.nexmo.com (got "${options.endpoint}").`);
  }
  let profile: Profile;
  if (options.profile) {
    const settingsFile = findSettingsFile(path.dirname(path.resolve(file))) ?? findSettingsFile(process.cwd());
    if (!settingsFile) throw new CliFailure(`No profile "${options.profile}": no .vscode/settings.json found above ${file} or the current directory. Add "messageWorkbench.profiles" there, or leave out --profile and pass --endpoint.`, EXIT_USAGE);
    let settingsText: string;
    try {
      settingsText = fs.readFileSync(settingsFile, 'utf8');
    } catch {
      throw new CliFailure(`Cannot read ${settingsFile}.`, EXIT_USAGE);
    }
    const { profiles, problems } = profilesFromSettings(settingsText, settingsFile);
    const found = profiles.find((p) => p.name === options.profile);
    if (!found) {
      const names = profiles.map((p) => `"${p.name}"`).join(', ');
      throw new CliFailure(`No profile "${options.profile}" in ${settingsFile}${names ? `; it has ${names}` : ''}.${problems.length ? `\n${problems.join('\n')}` : ''}`, EXIT_USAGE);
    }
    profile = options.endpoint ? { ...found, endpoint: options.endpoint } : found;
  } else {
    const doc = parseDocument(read.text);
    const provider = resolveProvider(file, doc.value);
    if (!provider) throw new CliFailure(`${file}: cannot tell which API it is for. Name it with a provider suffix (e.g. message.vonage.json) or pass --profile.`, EXIT_PROBLEMS);
    try {
      profile = defaultProfile(provider.id, { endpoint: options.endpoint, env: process.env });
    } catch (e) {
      if (e instanceof ProfileError) throw new CliFailure(e.message, EXIT_USAGE);
      throw e;
    }
  }
  return { file, text: read.text, profile };
}

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

function jsonResult(r: Pick<SendResult, 'ok' | 'status' | 'messageId' | 'durationMs' | 'attempts' | 'problem'>) {
  return { ok: r.ok, status: r.status, messageId: r.messageId, durationMs: r.durationMs, attempts: r.attempts, problem: r.problem };
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, profile: { type: 'string' }, endpoint: { type: 'string' }, 'dry-run': { type: 'boolean' } },
  });
  if (positionals.length !== 1) throw new UsageError('send needs exactly one FILE.');
  const secretsSeen = envSecretValues();
  const say = (text: string) => out(redact(text, secretsSeen));
  const complain = (text: string) => err(redact(text, secretsSeen));
  const fail = (problem: string, exit: number): number => {
    if (values.json) say(JSON.stringify(jsonResult({ ok: false, status: null, messageId: null, durationMs: 0, attempts: 0, problem }), null, 2));
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
  const prepared = prepareSend({ text, fileName: file, profile, variables: process.env, templates: loadTemplateCatalog(path.dirname(path.resolve(file))) });
  if (!prepared.ok) return fail(prepared.message, prepared.reason === 'profile' ? EXIT_USAGE : EXIT_PROBLEMS);

  let secrets: Secrets;
  try {
    secrets = secretsFromEnv(profile);
  } catch (e) {
    if (e instanceof EnvSecretError) return fail(e.message, EXIT_USAGE);
    throw e;
  }

  if (values['dry-run']) {
    try {
      const authorized = await authorize(prepared.request, profile, secrets);
      const shown = redactRequest(authorized.request, [...authorized.secrets, ...secretsSeen]);
      if (values.json) say(JSON.stringify({ profile: profile.name, request: { ...shown, body: parsedOr(shown.body) } }, null, 2));
      else say(showRequest(shown));
      complain(`(dry run: nothing was sent; profile "${profile.name}", credentials redacted)`);
      return EXIT_OK;
    } catch (e) {
      if (!(e instanceof AuthError)) throw e;
      if (values.json) say(JSON.stringify({ profile: profile.name, request: { ...prepared.request, body: parsedOr(prepared.request.body) }, problem: e.message }, null, 2));
      else say(showRequest(prepared.request));
      complain(`mwb send: (dry run, no credentials added) ${e.message}`);
      return EXIT_USAGE;
    }
  }

  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  let result: SendResult;
  try {
    result = await sendPrepared(prepared, profile, secrets, { http: { signal: controller.signal } });
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
  else complain(`mwb send: not sent${result.status ? ` (HTTP ${result.status})` : ''}${result.attempts ? `, ${timing}` : ''}.\n${result.problem}`);
  return exit;
}


