/** Template sends: the name exists in the catalog, the parameters fit its text, the limits hold. */
import { parameterCount } from '../templates';
import type { TemplateRef } from '../model';
import { fromPointer } from '../pointer';
import { shown, type LintContext, type LintRule } from './context';

export const MAX_TEMPLATE_NAME = 512;
export const MAX_TEMPLATE_BODY = 1024;

export function fillTemplate(body: string, params: readonly string[]): string {
  return body.replace(/\{\{\s*(\d+)\s*\}\}/g, (whole, n: string) => params[Number(n) - 1] ?? whole);
}

function valueAt(root: unknown, pointer: string): unknown {
  let v = root;
  for (const seg of fromPointer(pointer)) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[seg as string] : undefined;
  return v;
}

/**
 * Where missing body parameters belong, so the underline is short: the parameters array, else the
 * body component that lacks one (or the components array that lacks a body), else the template's key.
 */
function missingParameters(ctx: LintContext, t: TemplateRef): { pointer: string; onKey?: boolean } {
  const array = /^(.*?\/parameters)\/\d+(?:\/|$)/.exec(t.parameters[0]?.pointer ?? '');
  if (array) return { pointer: array[1] };
  const template = valueAt(ctx.value, t.pointer);
  const components = (template as Record<string, unknown> | undefined)?.components;
  if (Array.isArray(components)) {
    const i = components.findIndex((c) => String((c as Record<string, unknown> | null)?.type).toLowerCase() === 'body');
    if (i === -1) return { pointer: `${t.pointer}/components` };
    const body = `${t.pointer}/components/${i}`;
    return Array.isArray((components[i] as Record<string, unknown>).parameters) ? { pointer: `${body}/parameters` } : { pointer: body };
  }
  if (Array.isArray((template as Record<string, unknown> | undefined)?.parameters)) return { pointer: `${t.pointer}/parameters` };
  return { pointer: t.pointer, onKey: true };
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
      // Too many: underline the first extra one; too few: where they belong.
      ...(given > expected ? { pointer: t.parameters[expected].pointer } : missingParameters(ctx, t)),
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
