/**
 * `mwb convert [--to whatsapp|vonage] [--out FILE | --write [--force]] [--json] [--provider ID] FILE`:
 * an On-Premises payload to the Cloud API, a Vonage beta/v0.1 payload to v1. The new payload goes
 * to stdout (so it can be piped or redirected), or to `--out FILE`, or with `--write` beside the
 * source under the new provider's suffix; an existing file is only replaced with `--force`.
 * What could not be carried over, and the new payload's own problems, go to stderr.
 */
import { parseArgs } from 'node:util';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LineIndex } from '../../core/position';
import { readPayloadFile } from '../../core/read-file';
import { CONVERT_TARGETS, convertText, convertedFileName } from '../../convert';
import { PROVIDER_IDS, providerById } from '../../providers/registry';
import { loadTemplateCatalog } from '../template-catalog';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UsageError, err, out, printJson } from '../output';

export const usage = 'mwb convert [--to whatsapp|vonage] [--out FILE | --write] [--force] [--json] [--provider ID] FILE';

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { to: { type: 'string' }, out: { type: 'string' }, write: { type: 'boolean' }, force: { type: 'boolean' }, json: { type: 'boolean' }, provider: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError('convert takes exactly one FILE.');
  if (values.to !== undefined && !CONVERT_TARGETS.includes(values.to)) throw new UsageError(`--to must be one of: ${CONVERT_TARGETS.join(', ')}.`);
  if (values.out !== undefined && values.write) throw new UsageError('give --out FILE or --write, not both.');
  if (values.provider && !providerById(values.provider)) throw new UsageError(`unknown provider "${values.provider}"; use one of: ${PROVIDER_IDS.join(', ')}.`);
  const [file] = positionals;

  const read = readPayloadFile(file);
  if (!read.ok) {
    err(`mwb convert: ${read.kind === 'io' ? read.message : `${file}: ${read.message}`}`);
    return read.kind === 'io' ? EXIT_USAGE : EXIT_PROBLEMS;
  }
  const templates = loadTemplateCatalog(path.dirname(path.resolve(file)));
  const outcome = convertText(read.text, { fileName: file, target: values.to, providerId: values.provider, templates });
  if (!outcome.ok) {
    err(`mwb convert: ${file}: ${outcome.reason}`);
    for (const p of outcome.problems ?? []) err(`  ${p.message}`);
    return outcome.usage ? EXIT_USAGE : EXIT_PROBLEMS;
  }
  const { result } = outcome;
  const target = values.out ?? (values.write ? convertedFileName(file, result.from) : undefined);
  if (target !== undefined) {
    if (fs.existsSync(target) && !values.force) {
      err(`mwb convert: ${target} already exists; add --force to replace it.`);
      return EXIT_USAGE;
    }
    try {
      fs.writeFileSync(target, result.text);
    } catch (e) {
      err(`mwb convert: cannot write ${target}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`);
      return EXIT_USAGE;
    }
  }

  const lines = new LineIndex(result.text);
  const problems = result.problems.map((p) => ({ severity: p.severity, code: p.code, message: p.message, pointer: p.pointer, ...lines.lineColumn(p.start) }));
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (values.json) {
    printJson({ file, from: result.from, to: result.to, output: target ?? null, payload: result.payload, notes: result.notes, problems });
  } else {
    if (target === undefined) out(result.text);
    const shownAs = target ?? '(stdout)';
    for (const n of result.notes) err(`${file}: note: ${n.message}${n.pointer ? ` [at ${n.pointer}]` : ''}`);
    for (const p of problems) err(`${shownAs}:${p.line}:${p.column}: ${p.severity}: ${p.message} [${p.code}${p.pointer ? ` at ${p.pointer}` : ''}]`);
    err(`${file} (${result.from}) -> ${shownAs} (${result.to}): ${result.notes.length} note(s), ${errors} error(s) in the new payload.`);
  }
  return errors > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
