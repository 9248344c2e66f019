/**
 * WhatsApp template definitions: what an approved template says, so the preview can fill in
 * parameters and lint can check their count. Users keep a catalog file in the workspace
 * (`*.templates.json`); one template is built in: the Vonage/Nexmo test template of seed 001.
 */
export interface TemplateButton {
  type: 'quick_reply' | 'url' | 'phone_number' | 'copy_code';
  text: string;
  url?: string;
  phone_number?: string;
}

export interface TemplateDefinition {
  name: string;
  /** Language code, e.g. `en_US`; absent = any language. */
  language?: string;
  namespace?: string;
  header?: { type: 'text'; text: string } | { type: 'image' | 'video' | 'document' | 'location' };
  body: string;
  footer?: string;
  buttons?: TemplateButton[];
}

export interface TemplateCatalog {
  find(name: string, language?: string): TemplateDefinition | undefined;
  all(): readonly TemplateDefinition[];
}

export const BUILTIN_TEMPLATES: readonly TemplateDefinition[] = [
  {
    name: 'whatsapp:hsm:technology:nexmo:verify',
    namespace: 'whatsapp:hsm:technology:nexmo',
    body: '{{1}} code: {{2}}. Valid for {{3}} minutes.',
  },
];

export function createCatalog(definitions: readonly TemplateDefinition[] = []): TemplateCatalog {
  const all = [...definitions, ...BUILTIN_TEMPLATES];
  return {
    all: () => all,
    find(name, language) {
      const named = all.filter((t) => t.name === name || (t.namespace && `${t.namespace}:${t.name}` === name));
      return named.find((t) => !language || !t.language || t.language === language) ?? named[0];
    },
  };
}

/** The highest `{{n}}` in a template text (0 when none). */
export function parameterCount(text: string | undefined): number {
  if (!text) return 0;
  let max = 0;
  for (const m of text.matchAll(/\{\{\s*(\d+)\s*\}\}/g)) max = Math.max(max, Number(m[1]));
  return max;
}
