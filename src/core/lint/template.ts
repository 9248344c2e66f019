/** Template sends: the name exists in the catalog, the parameters fit its text, the limits hold. */
import { parameterCount } from '../templates';
import { shown, type LintRule } from './context';

export const MAX_TEMPLATE_NAME = 512;
export const MAX_TEMPLATE_BODY = 1024;

export function fillTemplate(body: string, params: readonly string[]): string {
  return body.replace(/\{\{\s*(\d+)\s*\}\}/g, (whole, n: string) => params[Number(n) - 1] ?? whole);
}

export const templateRules: LintRule = (ctx) => {
  const t = ctx.model?.template;
  if (!t) return;
  const namePointer = `${t.pointer}/name`;
  if (t.name.length > MAX_TEMPLATE_NAME) {
    ctx.report({ severity: 'error', code: 'template-name-length', pointer: namePointer, message: `The template name is ${t.name.length} characters; WhatsApp allows at most ${MAX_TEMPLATE_NAME}.` });
  }
  const def = ctx.templates.find(t.name, t.language);
  if (!def) {
    ctx.report({ severity: 'info', code: 'unknown-template', pointer: namePointer, message: `Template ${shown(t.name)} is not in the workspace's template catalog, so its parameters can't be checked and the preview can't show its text. Add it to a *.templates.json file.` });
    return;
  }
  const expected = parameterCount(def.body);
  const given = t.parameters.length;
  if (expected !== given) {
    ctx.report({
      severity: 'error',
      code: 'template-parameters',
      // Too many: underline the first extra one; too few: the template.
      pointer: given > expected ? t.parameters[expected].pointer : t.pointer,
      message: `Template "${def.name}" takes ${expected} body parameter${expected === 1 ? '' : 's'} (${def.body}); this payload gives ${given}. ${given < expected ? `Add ${expected - given}.` : `Remove ${given - expected}.`}`,
    });
  }
  const filled = fillTemplate(def.body, t.parameters.map((p) => p.text));
  // A parameter the schema already finds too long is its own fault: not reported twice.
  const oversized = t.parameters.some((p) => p.text.length > MAX_TEMPLATE_BODY && ctx.reported(p.pointer, 'schema'));
  if (filled.length > MAX_TEMPLATE_BODY && !oversized) {
    ctx.report({ severity: 'error', code: 'template-body-length', pointer: t.pointer, message: `With these parameters the template body is ${filled.length} characters; WhatsApp allows at most ${MAX_TEMPLATE_BODY}. Shorten the parameters.` });
  }
};
