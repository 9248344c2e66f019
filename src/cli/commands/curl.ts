/** `mwb curl [--profile NAME] [--endpoint URL] FILE`: the same request as `mwb send`, as a curl command. */
import { parseArgs } from 'node:util';
import * as path from 'node:path';
import { prepareSend } from '../../pipeline/send';
import { curlFor } from '../../pipeline/curl';
import { redact } from '../../core/auth/apply';
import { loadTemplateCatalog } from '../template-catalog';
import { envSecretValues } from '../../core/auth/env-secrets';
import { cliVariables, VariableError } from '../../core/variables';
import { ALL_AUTH } from '../../providers/registry';
import { CliFailure, loadForSend, type Loaded } from '../load-payload';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UsageError, err, out } from '../output';

export const usage = 'mwb curl [--profile NAME] [--endpoint URL] [--var NAME=VALUE]... [--vars-file FILE] FILE';

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { profile: { type: 'string' }, endpoint: { type: 'string' }, var: { type: 'string', multiple: true }, 'vars-file': { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError('curl needs exactly one FILE.');
  const secrets = envSecretValues(ALL_AUTH);
  let loaded: Loaded;
  try {
    loaded = loadForSend(positionals[0], values);
  } catch (e) {
    if (e instanceof CliFailure) {
      err(redact(`mwb curl: ${e.message}`, secrets));
      return e.exit;
    }
    throw e;
  }
  let variables: Record<string, string>;
  try {
    // Placeholders with a declared value are filled; the others become $NAME in the command.
    variables = cliVariables({ vars: values.var, varsFile: values['vars-file'], env: process.env });
  } catch (e) {
    if (!(e instanceof VariableError)) throw e;
    err(redact(`mwb curl: ${e.message}`, secrets));
    return EXIT_USAGE;
  }
  const prepared = prepareSend({
    text: loaded.text,
    fileName: loaded.file,
    profile: loaded.profile,
    variables,
    keepPlaceholders: true,
    templates: loadTemplateCatalog(path.dirname(path.resolve(loaded.file))),
  });
  if (!prepared.ok) {
    err(redact(`mwb curl: ${prepared.message}`, secrets));
    return prepared.reason === 'profile' ? EXIT_USAGE : EXIT_PROBLEMS;
  }
  out(redact(await curlFor(prepared, loaded.profile), secrets));
  return EXIT_OK;
}
