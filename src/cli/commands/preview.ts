/** `mwb preview [--html] FILE`: the preview as a self-contained page, or as text. */
import { parseArgs } from 'node:util';
import * as path from 'node:path';
import { readPayloadFile } from '../../core/read-file';
import { validateText } from '../../pipeline/validate';
import { clockTime } from '../../preview/clock';
import { previewCss } from '../../preview/css';
import { renderPreview } from '../../preview/document';
import { toPage } from '../../preview/page';
import { locateProblems } from '../../preview/problems';
import { toText } from '../../preview/text';
import { renderWebhookPreview } from '../../preview/webhook';
import { PROVIDER_IDS, providerById } from '../../providers/registry';
import { DEFINITION_KIND } from '../../templates/template-file';
import { loadTemplateCatalog } from '../template-catalog';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UsageError, err, out } from '../output';

export const usage = 'mwb preview [--html] [--provider ID] [--remote-media] FILE';

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { html: { type: 'boolean' }, provider: { type: 'string' }, 'remote-media': { type: 'boolean' } },
  });
  if (positionals.length !== 1) throw new UsageError('preview needs exactly one FILE.');
  if (values.provider && values.provider !== DEFINITION_KIND && !providerById(values.provider))
    throw new UsageError(`unknown provider "${values.provider}"; use one of: ${[...PROVIDER_IDS, DEFINITION_KIND].join(', ')}.`);
  const file = positionals[0];
  const read = readPayloadFile(file);
  if (!read.ok) {
    err(`mwb: ${read.kind === 'io' ? read.message : `${file}: ${read.message}`}`);
    return read.kind === 'io' ? EXIT_USAGE : EXIT_PROBLEMS;
  }
  const templates = loadTemplateCatalog(path.dirname(path.resolve(file)));
  const result = validateText(read.text, { fileName: file, providerId: values.provider, templates });
  const problems = locateProblems(read.text, result.problems);
  const remote = values['remote-media'] === true;
  if (result.webhook) {
    const page = renderWebhookPreview({ fileName: path.basename(file), label: result.webhook.label, events: result.webhook.events, problems });
    out(values.html ? toPage(page, { title: `Preview: ${path.basename(file)}`, css: previewCss(), remoteImages: false }) : toText(page));
    return result.doc.empty ? EXIT_PROBLEMS : EXIT_OK;
  }
  const definition = result.templateFile === 'definition' ? result.doc.value : undefined;
  const tree = renderPreview({ fileName: path.basename(file), model: result.model, problems, definition, doc: result.doc }, { templates, loadRemoteMedia: remote, time: clockTime() });
  out(values.html ? toPage(tree, { title: `Preview: ${path.basename(file)}`, css: previewCss(), remoteImages: remote }) : toText(tree));
  return result.model || definition !== undefined ? EXIT_OK : EXIT_PROBLEMS;
}
