/** The one path from text to problems, shared by the editor and `mwb validate`. */
import type { MessageModel } from './model';
import { parseDocument, type ParsedDocument } from './parse';
import { MAX_NESTING, TOO_DEEP_MESSAGE, nestingDepth } from './nesting';
import type { Problem } from './problem';
import { schemaProblems } from './schema-check';
import { createContext } from './lint/context';
import { COMMON_RULES } from './lint';
import { createCatalog, type TemplateCatalog } from './templates';
import { CATALOG_SUFFIX, templateCatalogSchema } from './template-catalog-file';
import type { ProviderDef } from '../providers/types';
import { detectProvider, providerById, providerForFile, suffixList } from '../providers/registry';

export interface ValidateOptions {
  /** Used to pick the provider by suffix. */
  fileName?: string;
  /** Forces a provider (CLI `--provider`). */
  providerId?: string;
  /** Run the zod schema (the CLI does; the editor leaves that to VS Code's JSON service). */
  schema?: boolean;
  templates?: TemplateCatalog;
}

export interface ValidationResult {
  doc: ParsedDocument;
  provider: ProviderDef | undefined;
  model: MessageModel | undefined;
  problems: Problem[];
}

const defaultCatalog = createCatalog();

export function resolveProvider(fileName: string | undefined, value: unknown, providerId?: string): ProviderDef | undefined {
  if (providerId) return providerById(providerId);
  return (fileName ? providerForFile(fileName) : undefined) ?? detectProvider(value);
}

export function validateText(text: string, options: ValidateOptions = {}): ValidationResult {
  if (nestingDepth(text, MAX_NESTING) > MAX_NESTING) {
    const problem: Problem = { severity: 'error', code: 'too-deep', message: TOO_DEEP_MESSAGE, pointer: '', start: 0, end: Math.min(text.length, 1), source: 'lint' };
    return { doc: { text, empty: true, value: undefined, problems: [problem], root: undefined }, provider: undefined, model: undefined, problems: [problem] };
  }
  const doc = parseDocument(text);
  const problems: Problem[] = [...doc.problems];
  if (doc.empty) return { doc, provider: undefined, model: undefined, problems };

  // A template catalog is checked against its own schema; it is not a message.
  if (!options.providerId && options.fileName?.toLowerCase().endsWith(CATALOG_SUFFIX)) {
    if (options.schema !== false) problems.push(...schemaProblems(doc, templateCatalogSchema));
    return { doc, provider: undefined, model: undefined, problems };
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

  if (options.schema !== false) problems.push(...schemaProblems(doc, provider.schema));

  let model: MessageModel | undefined;
  try {
    model = provider.toModel(doc.value);
  } catch (e) {
    if (process.env.MWB_RULE_ERRORS === 'throw') throw e;
    model = undefined; // a payload too broken to map; the schema problems say why
  }
  const ctx = createContext(doc, provider.id, model, options.templates ?? defaultCatalog, problems);
  for (const rule of [...COMMON_RULES, ...(provider.rules ?? [])]) {
    try {
      rule(ctx);
    } catch (e) {
      // A rule must never take the others down on a half-written file (tests make it throw).
      if (process.env.MWB_RULE_ERRORS === 'throw') throw e;
    }
  }
  problems.sort((a, b) => a.start - b.start || a.end - b.end);
  return { doc, provider, model, problems };
}
