/** `mwb validate [--json] [--fix] [--provider ID] FILE...` */
import { parseArgs } from 'node:util';
import * as path from 'node:path';
import { LineIndex } from '../../core/position';
import { readPayloadFile } from '../../core/read-file';
import { validateText } from '../../pipeline/validate';
import { applyAutoFixes, type AppliedFix } from '../../core/apply-fixes';
import { replaceFileIfUnchanged } from '../../core/atomic-write';
import { loadTemplateCatalog } from '../template-catalog';
import { PROVIDER_IDS, providerById } from '../../providers/registry';
import { DEFINITION_KIND } from '../../templates/template-file';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UsageError, err, out, printJson } from '../output';

export const usage = 'mwb validate [--json] [--fix] [--provider ID] FILE...';

interface CliProblem {
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  pointer: string;
  line: number;
  column: number;
}

interface FileReport {
  file: string;
  provider: string | null;
  problems: CliProblem[];
  /** With --fix: what was changed (the file is written only when this is not empty). */
  fixed?: AppliedFix[];
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean' }, fix: { type: 'boolean' }, provider: { type: 'string' } } });
  if (positionals.length === 0) throw new UsageError('validate needs at least one FILE.');
  if (values.provider && values.provider !== DEFINITION_KIND && !providerById(values.provider))
    throw new UsageError(`unknown provider "${values.provider}"; use one of: ${[...PROVIDER_IDS, DEFINITION_KIND].join(', ')}.`);

  let exit = EXIT_OK;
  const files: FileReport[] = [];
  for (const file of positionals) {
    const read = readPayloadFile(file);
    if (!read.ok && read.kind === 'io') {
      exit = EXIT_USAGE;
      files.push({ file, provider: null, problems: [{ severity: 'error', code: 'io', message: read.message, pointer: '', line: 1, column: 1 }] });
      if (!values.json) err(`mwb: ${read.message}`);
      continue;
    }
    if (!read.ok) {
      if (exit === EXIT_OK) exit = EXIT_PROBLEMS;
      files.push({ file, provider: values.provider ?? null, problems: [{ severity: 'error', code: read.code, message: read.message, pointer: '', line: 1, column: 1 }] });
      if (!values.json) out(`${file}:1:1: error: ${read.message} [${read.code}]`);
      continue;
    }
    const templates = loadTemplateCatalog(path.dirname(path.resolve(file)));
    const check = (text: string) => validateText(text, { fileName: file, providerId: values.provider, templates });
    let text = read.text;
    let result = check(text);
    const report: FileReport = { file, provider: result.provider?.id ?? result.webhook?.providerId ?? (result.templateFile === 'definition' ? DEFINITION_KIND : null), problems: [] };
    if (values.fix) {
      const fixed = applyAutoFixes(text, (t) => check(t).problems, result.problems);
      report.fixed = fixed.applied;
      if (fixed.applied.length > 0) {
        const bom = read.bytes && UTF8_BOM.every((b, i) => read.bytes![i] === b) ? '\ufeff' : '';
        const written = replaceFileIfUnchanged(file, Buffer.from(bom + fixed.text, 'utf8'), read.bytes ?? Buffer.from(read.text, 'utf8'));
        if (written.ok) {
          text = fixed.text;
          result = check(text);
          if (!values.json) for (const f of fixed.applied) out(`${file}:${f.line}:${f.column}: fixed: ${f.title} [${f.code}]`);
        } else {
          // Not written: what is left is what the file still holds.
          exit = EXIT_USAGE;
          report.fixed = [];
          err(`mwb: ${written.message}`);
        }
      }
    }
    const lines = new LineIndex(text);
    report.problems = result.problems.map((p) => ({ severity: p.severity, code: p.code, message: p.message, pointer: p.pointer, ...lines.lineColumn(p.start) }));
    if (report.problems.some((p) => p.severity === 'error') && exit === EXIT_OK) exit = EXIT_PROBLEMS;
    files.push(report);
    if (!values.json) for (const p of report.problems) out(`${file}:${p.line}:${p.column}: ${p.severity}: ${p.message} [${p.code}${p.pointer ? ` at ${p.pointer}` : ''}]`);
  }
  if (values.json) printJson({ files });
  else {
    const count = (s: string) => files.reduce((n, f) => n + f.problems.filter((p) => p.severity === s).length, 0);
    const fixes = files.reduce((n, f) => n + (f.fixed?.length ?? 0), 0);
    err(
      `${files.length} file${files.length === 1 ? '' : 's'} checked${values.fix ? `, ${fixes} fix${fixes === 1 ? '' : 'es'} applied` : ''}: ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info.`,
    );
  }
  return exit;
}
