/**
 * The one path from text to problems, shared by the editor, `mwb validate`, send and the sandbox:
 * parse -> provider -> schema -> model -> rules. It never throws: a file that cannot be checked
 * gets one problem that says so.
 */
import type { MessageModel } from '../core/model';
import { parseDocument, type ParsedDocument } from '../core/parse';
import { MAX_NESTING, TOO_DEEP_MESSAGE, nestingDepth } from '../core/nesting';
import type { Problem } from '../core/problem';
import { schemaProblems } from '../core/schema-check';
import { capProblems } from '../core/problem-cap';
import { createContext, type LintRule } from '../core/lint/context';
import { createCatalog, type TemplateCatalog } from '../core/templates';
import { templateFileKind, templateFileProblems, type TemplateFileKind } from '../templates/template-file';
import type { ProviderDef } from '../providers/types';
import { detectProvider, providerById, providerForFile, suffixList } from '../providers/registry';
import { COMMON_RULES } from './rules';
import { checkWebhook, webhookFileDef, type WebhookCheck } from '../webhooks/validate';

export interface ValidateOptions {
  /** Used to pick the provider by suffix. */
  fileName?: string;
  /** Forces a provider (CLI `--provider`). */
  providerId?: string;
  /** Run the zod schema (the CLI does; the editor leaves that to VS Code's JSON service). */
  schema?: boolean;
  templates?: TemplateCatalog;
  /**
   * Told when a rule or the model mapping throws (the file is still checked by the others).
   * Tests use it to prove no rule throws on half-written input.
   */
  onRuleError?: (error: unknown, where: string) => void;
}

export interface ValidationResult {
  doc: ParsedDocument;
  provider: ProviderDef | undefined;
  model: MessageModel | undefined;
  problems: Problem[];
  /** Set for a webhook payload file (what a provider posts to you): its provider and events. */
  webhook?: WebhookCheck;
  /** Set when the file is a template definition or catalog (Meta's format) rather than a message. */
  templateFile?: TemplateFileKind;
}

const defaultCatalog = createCatalog();

export function resolveProvider(fileName: string | undefined, value: unknown, providerId?: string): ProviderDef | undefined {
  if (providerId) return providerById(providerId);
  return (fileName ? providerForFile(fileName) : undefined) ?? detectProvider(value);
}

/** One problem for the whole file, with nothing else checked. */
function whole(text: string, code: string, message: string): ValidationResult {
  const problem: Problem = { severity: 'error', code, message, pointer: '', start: 0, end: Math.min(text.length, 1), source: 'lint' };
  return { doc: { text, empty: true, value: undefined, problems: [problem], root: undefined }, provider: undefined, model: undefined, problems: [problem] };
}

export function validateText(text: string, options: ValidateOptions = {}): ValidationResult {
  if (nestingDepth(text, MAX_NESTING) > MAX_NESTING) return whole(text, 'too-deep', TOO_DEEP_MESSAGE);
  try {
    return check(text, options);
  } catch (e) {
    // Never a stack trace for the user: name what happened and keep the editor working.
    options.onRuleError?.(e, 'validateText');
    const what = e instanceof RangeError ? 'it is too deeply nested or too large' : 'of an internal error';
    return whole(text, 'unchecked', `This file could not be checked because ${what}. Simplify it; your text is unchanged.`);
  }
}

function check(text: string, options: ValidateOptions): ValidationResult {
  const doc = parseDocument(text);
  const problems: Problem[] = [...doc.problems];
  if (doc.empty) return { doc, provider: undefined, model: undefined, problems };

  // Template definitions and catalogs are Meta's template format, not messages (src/templates/).
  const templateFile = templateFileKind(options.fileName, options.providerId, doc.value, !!options.fileName && !!providerForFile(options.fileName));
  if (templateFile) {
    templateFileProblems(doc, templateFile, options.schema !== false, problems, options.onRuleError);
    problems.sort((a, b) => a.start - b.start || a.end - b.end);
    return { doc, provider: undefined, model: undefined, problems, templateFile };
  }

  // A webhook body is what a provider posts to you, not a message to send: its own schema and events.
  const webhookDef = webhookFileDef(options.fileName, options.providerId);
  if (webhookDef) {
    const checked = checkWebhook(doc, webhookDef, options.schema !== false);
    problems.push(...checked.problems);
    return { doc, provider: undefined, model: undefined, problems, webhook: checked.webhook };
  }

  const provider = resolveProvider(options.fileName, doc.value, options.providerId);
  if (!provider) {
    problems.push({
      severity: 'error',
      code: 'unknown-provider',
      message: `Can't tell which API this payload is for. Name the file with a provider suffix: ${suffixList()} (on the command line, --provider ID also works).`,
      pointer: '',
      start: doc.text.search(/\S/),
      end: doc.text.search(/\S/) + 1,
      source: 'lint',
    });
    return { doc, provider, model: undefined, problems };
  }

  if (options.schema !== false) problems.push(...schemaProblems(doc, provider.schema, { api: `the ${provider.label}` }));

  let model: MessageModel | undefined;
  try {
    model = provider.toModel(doc.value);
  } catch (e) {
    options.onRuleError?.(e, `${provider.id} model`);
    model = undefined; // a payload too broken to map; the schema problems say why
  }
  const ctx = createContext(doc, provider.id, model, options.templates ?? defaultCatalog, problems);
  const rules: readonly LintRule[] = [...COMMON_RULES, ...provider.rules];
  for (const rule of rules) {
    try {
      rule(ctx);
    } catch (e) {
      // A rule must never take the others down on a half-written file.
      options.onRuleError?.(e, rule.name || 'a lint rule');
    }
  }
  problems.sort((a, b) => a.start - b.start || a.end - b.end);
  return { doc, provider, model, problems: capProblems(problems) };
}
