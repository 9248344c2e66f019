/**
 * WhatsApp template definitions in Meta's own format (what `POST /{WABA-ID}/message_templates`
 * takes and `GET` returns), and the catalog of them that lint and preview look templates up in.
 * Catalog entries in the older Message Workbench shape (`body`, `header`, `buttons` at the top)
 * are read too and turned into Meta's format here, so everything downstream sees one format.
 * One template is built in: the Vonage/Nexmo test template of seed 001.
 */

/** `example` of a HEADER or BODY component (Meta's names, positional and named forms). */
export interface TemplateExample {
  header_text?: string[];
  header_text_named_params?: { param_name: string; example: string }[];
  header_handle?: string[];
  body_text?: string[][];
  body_text_named_params?: { param_name: string; example: string }[];
}

export interface TemplateButtonDefinition {
  /** QUICK_REPLY, URL, PHONE_NUMBER, COPY_CODE, OTP, FLOW, CATALOG, MPM, ... (any case). */
  type: string;
  text?: string;
  url?: string;
  phone_number?: string;
  /** URL: the example value of its variable (or the whole URL); COPY_CODE: the example code. */
  example?: string | string[];
  otp_type?: string;
  [key: string]: unknown;
}

export interface TemplateComponentDefinition {
  /** HEADER, BODY, FOOTER, BUTTONS, CAROUSEL, LIMITED_TIME_OFFER (any case). */
  type: string;
  /** HEADER: TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION. */
  format?: string;
  text?: string;
  example?: TemplateExample;
  buttons?: TemplateButtonDefinition[];
  cards?: { components: TemplateComponentDefinition[] }[];
  /** AUTHENTICATION BODY: Meta adds its security sentence. */
  add_security_recommendation?: boolean;
  /** AUTHENTICATION FOOTER: "This code expires in N minutes." */
  code_expiration_minutes?: number;
  limited_time_offer?: { text?: string; has_expiration?: boolean };
  [key: string]: unknown;
}

export interface TemplateDefinition {
  name: string;
  /** Language code, e.g. `en_US`; absent (older catalogs only) = any language. */
  language?: string;
  category?: string;
  /** POSITIONAL (`{{1}}`, the default) or NAMED (`{{first_name}}`). */
  parameter_format?: string;
  /** On-Premises / legacy namespace. */
  namespace?: string;
  /** Set on templates pulled from the account. */
  id?: string;
  status?: string;
  rejected_reason?: string;
  components: TemplateComponentDefinition[];
  [key: string]: unknown;
}

/** A catalog entry in the format Message Workbench used before Meta's. */
export interface LegacyCatalogEntry {
  name: string;
  language?: string;
  namespace?: string;
  category?: string;
  header?: { type: 'text'; text: string } | { type: 'image' | 'video' | 'document' | 'location' };
  body: string;
  footer?: string;
  buttons?: { type: 'quick_reply' | 'url' | 'phone_number' | 'copy_code'; text: string; url?: string; phone_number?: string }[];
}

export interface TemplateLookup {
  /** The definition in the asked language, or (no language asked, or only one without a language) the best guess. */
  definition?: TemplateDefinition;
  /** Whether `definition` is in exactly the language asked (or the entry is language-free). */
  exact: boolean;
  /** Every language the catalog has this name in. */
  languages: string[];
}

export interface TemplateCatalog {
  find(name: string, language?: string): TemplateDefinition | undefined;
  lookup(name: string, language?: string): TemplateLookup;
  all(): readonly TemplateDefinition[];
  /** True when some catalog file was pulled from the account: a name it lacks does not exist there. */
  readonly pulled: boolean;
}

export const BUILTIN_TEMPLATES: readonly TemplateDefinition[] = [
  {
    name: 'whatsapp:hsm:technology:nexmo:verify',
    namespace: 'whatsapp:hsm:technology:nexmo',
    components: [{ type: 'BODY', text: '{{1}} code: {{2}}. Valid for {{3}} minutes.' }],
  },
];

function isLegacy(v: TemplateDefinition | LegacyCatalogEntry): v is LegacyCatalogEntry {
  return !Array.isArray((v as TemplateDefinition).components) && typeof (v as LegacyCatalogEntry).body === 'string';
}

/** An older catalog entry in Meta's format. */
export function fromLegacy(e: LegacyCatalogEntry): TemplateDefinition {
  const components: TemplateComponentDefinition[] = [];
  if (e.header) components.push(e.header.type === 'text' ? { type: 'HEADER', format: 'TEXT', text: e.header.text } : { type: 'HEADER', format: e.header.type.toUpperCase() });
  components.push({ type: 'BODY', text: e.body });
  if (e.footer !== undefined) components.push({ type: 'FOOTER', text: e.footer });
  if (e.buttons?.length) {
    components.push({
      type: 'BUTTONS',
      buttons: e.buttons.map((b) => ({
        type: b.type.toUpperCase(),
        text: b.text,
        ...(b.url !== undefined ? { url: b.url } : {}),
        ...(b.phone_number !== undefined ? { phone_number: b.phone_number } : {}),
      })),
    });
  }
  const def: TemplateDefinition = { name: e.name, components };
  if (e.language !== undefined) def.language = e.language;
  if (e.namespace !== undefined) def.namespace = e.namespace;
  if (e.category !== undefined) def.category = e.category;
  return def;
}

export function toDefinition(entry: TemplateDefinition | LegacyCatalogEntry): TemplateDefinition {
  return isLegacy(entry) ? fromLegacy(entry) : entry;
}

function qualifiedName(t: TemplateDefinition): string | undefined {
  return t.namespace ? `${t.namespace}:${t.name}` : undefined;
}

export function createCatalog(definitions: readonly (TemplateDefinition | LegacyCatalogEntry)[] = [], options: { pulled?: boolean } = {}): TemplateCatalog {
  const all = [...definitions.map(toDefinition), ...BUILTIN_TEMPLATES];
  const named = (name: string) => all.filter((t) => t.name === name || qualifiedName(t) === name);
  const lookup = (name: string, language?: string): TemplateLookup => {
    const candidates = named(name);
    const languages = [...new Set(candidates.map((t) => t.language).filter((l): l is string => !!l))];
    const exact = candidates.find((t) => !language || !t.language || t.language === language);
    return { definition: exact ?? candidates[0], exact: exact !== undefined, languages };
  };
  return {
    all: () => all,
    lookup,
    find: (name, language) => lookup(name, language).definition,
    pulled: options.pulled === true,
  };
}

/** The highest `{{n}}` in a template text (0 when none). */
export function parameterCount(text: string | undefined): number {
  if (!text) return 0;
  let max = 0;
  for (const m of text.matchAll(/\{\{\s*(\d+)\s*\}\}/g)) max = Math.max(max, Number(m[1]));
  return max;
}
