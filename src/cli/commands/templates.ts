/**
 * `mwb templates pull|push`: the account's WhatsApp templates into the workspace catalog, and a
 * definition file submitted to the account. JSON to stdout, sentences to stderr.
 */
import { parseArgs } from 'node:util';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { redact } from '../../core/auth/apply';
import { envSecretValues, EnvSecretError, secretsFromEnv } from '../../core/auth/env-secrets';
import { LineIndex } from '../../core/position';
import { ProfileError, safeUrl, type Profile } from '../../core/profile';
import { defaultProfile } from '../../pipeline/profiles';
import { providerById } from '../../providers/registry';
import { CliFailure as Failure, namedProfile } from '../load-payload';
import { readPayloadFile } from '../../core/read-file';
import { readCatalog } from '../../core/template-catalog-file';
import { validateText } from '../../pipeline/validate';
import { PULLED_CATALOG_FILE, pulledCatalogText, pullTemplates, pushTemplate, statusCounts, templateApiTarget, TemplateApiError, type TemplateApiTarget } from '../../templates/account-api';
import { DEFINITION_KIND } from '../../templates/template-file';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UsageError, err, printJson } from '../output';

// pull writes whatsapp.templates.json in the current folder unless --out says otherwise.
export const usage = 'mwb templates pull [--profile NAME | --endpoint URL] [--out FILE] | mwb templates push [--profile NAME | --endpoint URL] FILE';

const WHATSAPP = providerById('whatsapp')!;

/** The profile: `--profile` from the nearest .vscode/settings.json, else the WhatsApp default from the environment. */
function profileFor(options: { profile?: string; endpoint?: string }, near: string): Profile {
  if (options.endpoint !== undefined) {
    const url = safeUrl(options.endpoint);
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw new UsageError(`--endpoint must be an http(s) URL such as https://graph.facebook.com (got "${options.endpoint}").`);
  }
  if (options.profile) {
    const found = namedProfile(near, options.profile, options.endpoint);
    // Outside VS Code the WABA id may come from the environment, like the other non-secret facts.
    return { ...found, wabaId: found.wabaId ?? (process.env.WHATSAPP_WABA_ID || undefined) };
  }
  try {
    return defaultProfile(WHATSAPP, { endpoint: options.endpoint, env: process.env });
  } catch (e) {
    if (e instanceof ProfileError) throw new Failure(e.message, EXIT_USAGE);
    throw e;
  }
}

function target(profile: Profile): TemplateApiTarget {
  try {
    return templateApiTarget(profile);
  } catch (e) {
    if (e instanceof ProfileError) throw new Failure(e.message, EXIT_USAGE);
    throw e;
  }
}

function secretsOf(t: TemplateApiTarget) {
  try {
    return secretsFromEnv(t.auth);
  } catch (e) {
    if (e instanceof EnvSecretError) throw new Failure(e.message, EXIT_USAGE);
    throw e;
  }
}

function apiFailure(e: unknown): never {
  if (e instanceof TemplateApiError) throw new Failure(e.message, e.stage === 'auth' ? EXIT_USAGE : EXIT_PROBLEMS);
  throw e;
}

/** Where a URL points, without its query (which may carry a token). */
const shown = (url: string) => url.split('?')[0];

async function pull(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { profile: { type: 'string' }, endpoint: { type: 'string' }, out: { type: 'string' } } });
  if (positionals.length > 0) throw new UsageError(`pull takes no FILE (found "${positionals[0]}"); use --out FILE.`);
  const out = path.resolve(values.out ?? PULLED_CATALOG_FILE);
  if (!out.endsWith('.templates.json')) throw new UsageError(`--out must end with .templates.json, so the lint and the editor find it (got "${values.out}").`);
  // Overwrite only a catalog pulled before: a hand-written one holds work that is not in the account.
  if (fs.existsSync(out)) {
    let previous: string;
    try {
      previous = fs.readFileSync(out, 'utf8');
    } catch {
      throw new Failure(`Cannot read ${out}.`, EXIT_USAGE);
    }
    if (previous.trim() && !readCatalog(previous).pulled) throw new Failure(`${out} exists and was not written by a pull; it is not overwritten. Choose another --out, or move it away.`, EXIT_USAGE);
  }
  const profile = profileFor(values, out);
  const t = target(profile);
  const result = await pullTemplates(t, secretsOf(t)).catch(apiFailure);
  try {
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const tmp = `${out}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, pulledCatalogText(t.url, result.templates, new Date()));
    fs.renameSync(tmp, out);
  } catch (e) {
    throw new Failure(`Cannot write ${out} (${(e as NodeJS.ErrnoException).code ?? 'error'}).`, EXIT_USAGE);
  }
  const byStatus = statusCounts(result.templates);
  printJson({
    file: out,
    source: shown(t.url),
    api: t.kind,
    count: result.templates.length,
    pages: result.pages,
    byStatus,
    templates: result.templates.map((d) => ({
      name: d.name,
      language: d.language,
      category: d.category,
      status: d.status,
      ...(d.rejected_reason && d.rejected_reason !== 'NONE' ? { rejected_reason: d.rejected_reason } : {}),
    })),
  });
  const rejected = result.templates.filter((d) => d.status === 'REJECTED');
  err(
    `Pulled ${result.templates.length} template${result.templates.length === 1 ? '' : 's'} (${result.pages} page${result.pages === 1 ? '' : 's'}) from ${shown(t.url)} into ${path.relative(process.cwd(), out) || out}: ${
      Object.entries(byStatus)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ') || 'none'
    }.`,
  );
  for (const d of rejected) err(`  rejected: ${d.name} (${d.language}): ${d.rejected_reason ?? 'no reason given'}`);
  return EXIT_OK;
}

async function push(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { profile: { type: 'string' }, endpoint: { type: 'string' } } });
  if (positionals.length !== 1) throw new UsageError('push needs exactly one definition FILE.');
  const file = positionals[0];
  const read = readPayloadFile(file);
  if (!read.ok) throw new Failure(read.kind === 'io' ? read.message : `${file}: ${read.message}`, read.kind === 'io' ? EXIT_USAGE : EXIT_PROBLEMS);
  // Whatever its name, the file is submitted as a definition: checked by Meta's rules first.
  const result = validateText(read.text, { fileName: file, providerId: DEFINITION_KIND });
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    const lines = new LineIndex(read.text);
    for (const p of errors) {
      const at = lines.lineColumn(p.start);
      err(`${file}:${at.line}:${at.column}: error: ${p.message} [${p.code}${p.pointer ? ` at ${p.pointer}` : ''}]`);
    }
    printJson({ ok: false, outcome: 'not-sent', file, problems: errors.map((p) => ({ code: p.code, pointer: p.pointer, message: p.message, ...lines.lineColumn(p.start) })) });
    err(`Not submitted: ${file} has ${errors.length} error${errors.length === 1 ? '' : 's'} Meta would reject it for.`);
    return EXIT_PROBLEMS;
  }
  const profile = profileFor(values, file);
  const t = target(profile);
  const outcome = await pushTemplate(t, result.doc.value as Record<string, unknown>, secretsOf(t)).catch(apiFailure);
  printJson({ ok: outcome.outcome === 'created', file, url: shown(t.url), ...outcome });
  err(outcome.message);
  return outcome.outcome === 'created' ? EXIT_OK : EXIT_PROBLEMS;
}

export async function run(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  const secrets = envSecretValues(WHATSAPP.auth);
  try {
    if (sub === 'pull') return await pull(rest);
    if (sub === 'push') return await push(rest);
  } catch (e) {
    if (e instanceof Failure) {
      err(redact(`mwb templates ${sub}: ${e.message}`, secrets));
      return e.exit;
    }
    throw e;
  }
  throw new UsageError(sub ? `unknown subcommand "${sub}": use pull or push.` : 'templates needs pull or push.');
}
