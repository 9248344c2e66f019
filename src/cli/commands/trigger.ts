/**
 * `mwb trigger [--provider ID] FILE --to URL`: posts a webhook payload file to your handler as the
 * provider would (compact JSON, the provider's headers, signed over the exact bytes sent when
 * WHATSAPP_APP_SECRET / VONAGE_SIGNATURE_SECRET is set) and prints the handler's answer. Exit 0 on
 * a 2xx answer, 1 otherwise: how to test a handler with no phone.
 */
import { parseArgs } from 'node:util';
import { LineIndex } from '../../core/position';
import { parseDocument } from '../../core/parse';
import { readPayloadFile } from '../../core/read-file';
import { checkWebhook } from '../../webhooks/validate';
import { detectWebhook, webhookById, webhookForFile, webhookSuffixList, WEBHOOKS } from '../../webhooks/registry';
import { webhookSecretsFromEnv } from '../../webhooks/env-secrets';
import { closeAgent, postBytes } from '../../webhooks/post';
import { safe } from '../../webhooks/lines';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UsageError, err, out } from '../output';

export const usage = 'mwb trigger [--provider ID] [--json] [--escape-unicode] FILE --to URL';

/** Meta writes non-ASCII characters and "/" escaped (\u00e9, \/); --escape-unicode sends the same, to test a handler against it. */
export function escapeLikeMeta(compact: string): string {
  return compact.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).replace(/\//g, '\\/');
}

export async function run(argv: string[]): Promise<number> {
  return trigger(argv, process.env);
}

export async function trigger(argv: string[], env: Record<string, string | undefined>): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { provider: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' }, 'escape-unicode': { type: 'boolean' } },
  });
  if (positionals.length !== 1) throw new UsageError('trigger needs exactly one webhook payload FILE.');
  if (!values.to) throw new UsageError('trigger needs --to URL: your handler, e.g. --to http://localhost:3000/webhook.');
  let to: URL;
  try {
    to = new URL(values.to);
  } catch {
    throw new UsageError(`--to must be a URL like http://localhost:3000/webhook, not "${safe(values.to, 60)}".`);
  }
  if (to.protocol !== 'http:' && to.protocol !== 'https:') throw new UsageError(`--to must be an http or https URL, not ${to.protocol}.`);
  if (values.provider && !webhookById(values.provider)) throw new UsageError(`no webhooks for provider "${safe(values.provider, 30)}"; use one of: ${WEBHOOKS.map((w) => w.providerId).join(', ')}.`);
  const file = positionals[0];
  const read = readPayloadFile(file);
  if (!read.ok) {
    err(`mwb trigger: ${read.kind === 'io' ? read.message : `${file}: ${read.message}`}`);
    return read.kind === 'io' ? EXIT_USAGE : EXIT_PROBLEMS;
  }
  let value: unknown;
  try {
    value = JSON.parse(read.text);
  } catch {
    const first = parseDocument(read.text).problems[0];
    const at = first ? new LineIndex(read.text).lineColumn(first.start) : { line: 1, column: 1 };
    err(`mwb trigger: ${file}:${at.line}:${at.column}: not valid JSON${first ? `: ${first.message}` : ''}. Nothing was sent.`);
    return EXIT_PROBLEMS;
  }
  const def = values.provider ? webhookById(values.provider) : (webhookForFile(file) ?? detectWebhook(value));
  if (!def) {
    err(`mwb trigger: ${file}: cannot tell which provider's webhook this is. Name it with a webhook suffix (${webhookSuffixList()}) or pass --provider ID. Nothing was sent.`);
    return EXIT_PROBLEMS;
  }
  const checked = checkWebhook(parseDocument(read.text), def);
  const errors = checked.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    const lines = new LineIndex(read.text);
    err(`mwb trigger: warning: ${file} is not a valid ${def.label} (${errors.length} error${errors.length === 1 ? '' : 's'}); sending it anyway, as a provider never would:`);
    for (const p of errors.slice(0, 5)) {
      const at = lines.lineColumn(p.start);
      err(`  ${file}:${at.line}:${at.column}: ${p.message}`);
    }
  }
  const compact = JSON.stringify(value);
  const body = Buffer.from(values['escape-unicode'] ? escapeLikeMeta(compact) : compact, 'utf8');
  const secrets = webhookSecretsFromEnv(env);
  const headers = await def.headers(body, secrets, Date.now());
  const signed = 'x-hub-signature-256' in headers || 'authorization' in headers;
  if (!signed && def.secretVariable) err(`mwb trigger: ${def.secretVariable} is not set, so the request is unsigned; a handler that verifies signatures will refuse it.`);
  const answer = await postBytes(to.toString(), body, headers);
  await closeAgent();
  if (values.json) {
    out(
      JSON.stringify({
        provider: def.providerId,
        to: to.toString(),
        bytes: body.length,
        signed,
        ok: answer.ok,
        status: answer.status ?? null,
        contentType: answer.contentType ?? null,
        body: answer.body ?? null,
        error: answer.error ?? null,
        durationMs: answer.durationMs,
      }),
    );
  } else if (answer.status === undefined) {
    err(`mwb trigger: ${to}: ${answer.error}`);
  } else {
    out(`HTTP ${answer.status} from ${to} (${answer.durationMs} ms; sent ${body.length} bytes as ${def.label}${signed ? ', signed' : ', unsigned'})`);
    if (answer.body) out(safe(answer.body, 4000));
    if (!answer.ok) err(`mwb trigger: the handler answered ${answer.status}; a provider treats that as a failed delivery and retries.`);
  }
  return answer.ok ? EXIT_OK : EXIT_PROBLEMS;
}
