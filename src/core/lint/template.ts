/**
 * Template sends: the template exists in the catalog (in that language, approved), its parts get
 * the parameters its definition takes (template-parts.ts), and the limits hold.
 */
import { fillVariables } from '../template-variables';
import { sendOf } from '../template-send';
import { viewTemplate } from '../template-view';
import { setValueEdits } from '../edits';
import { fromPointer } from '../pointer';
import type { TemplateRef } from '../model';
import { shown, type LintContext, type LintRule } from './context';
import { checkTemplateParts } from './template-parts';

export const MAX_TEMPLATE_NAME = 512;
export const MAX_TEMPLATE_BODY = 1024;

/** Statuses a template can be sent in (Meta answers 132001, 132015 or 132016 otherwise). */
const SENDABLE = new Set(['APPROVED']);

function valueAt(root: unknown, pointer: string): unknown {
  let v = root;
  for (const seg of fromPointer(pointer)) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[seg] : undefined;
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
  const found = ctx.templates.lookup(t.name, t.language);
  const def = found.definition;
  if (!def) {
    // A pulled catalog is the account's whole list: a name it lacks would be refused (132001).
    ctx.report(
      ctx.templates.pulled
        ? {
            severity: 'warning',
            code: 'unknown-template',
            pointer: namePointer,
            message: `Template ${shown(t.name)} is not among the account's templates in the pulled catalog, so WhatsApp would refuse it (error 132001). Check the name, or pull again (\`mwb templates pull\`) if it was created since.`,
          }
        : {
            severity: 'info',
            code: 'unknown-template',
            pointer: namePointer,
            message: `Template ${shown(t.name)} is not in the workspace's template catalog, so its parameters can't be checked and the preview can't show its text. Pull your templates (\`mwb templates pull\`) or add it to a *.templates.json file.`,
          },
    );
    return;
  }
  if (!found.exact && t.language) {
    const languagePointer = t.send ? `${t.pointer}/language/code` : t.pointer;
    const only = found.languages.length === 1 ? found.languages[0] : undefined;
    ctx.report({
      severity: ctx.templates.pulled ? 'error' : 'warning',
      code: 'template-language',
      pointer: languagePointer,
      message: `Template ${shown(t.name)} has no ${t.language} translation${found.languages.length ? `; it exists in ${found.languages.join(', ')}` : ''}. WhatsApp matches the language exactly (error 132001 otherwise).`,
      fixes:
        only && t.send
          ? [
              {
                title: `Use "${only}"`,
                edits: setValueEdits(
                  ctx.doc.text,
                  fromPointer(languagePointer).map((s) => (/^\d+$/.test(s) ? Number(s) : s)),
                  only,
                ),
              },
            ]
          : undefined,
    });
    return;
  }
  const view = viewTemplate(def);
  if (view.status && !SENDABLE.has(view.status)) {
    const why = view.status === 'REJECTED' ? `was rejected${view.rejectedReason && view.rejectedReason !== 'NONE' ? ` (${view.rejectedReason})` : ''}` : `is ${view.status.toLowerCase()}`;
    ctx.report({
      severity: 'warning',
      code: 'template-status',
      pointer: namePointer,
      message: `Template ${shown(t.name)} (${def.language ?? 'any language'}) ${why}; only an APPROVED template can be sent (WhatsApp answers 132001${view.status === 'PAUSED' ? ', 132015' : view.status === 'DISABLED' ? ', 132016' : ''}).`,
    });
  }
  checkTemplateParts(ctx, view, sendOf(t), t, missingParameters(ctx, t));
  if (!view.body) return;
  const values = new Map<string, string>();
  t.parameters.forEach((p, i) => values.set(String(i + 1), p.text));
  for (const p of t.send?.body?.params ?? []) if (p.name !== undefined && p.text !== undefined) values.set(p.name, p.text);
  const filled = fillVariables(view.body.text, values).text;
  // A parameter the schema already finds too long is its own fault: not reported twice.
  const oversized = t.parameters.some((p) => p.text.length > MAX_TEMPLATE_BODY && ctx.reported(p.pointer, 'schema'));
  if (filled.length > MAX_TEMPLATE_BODY && !oversized) {
    ctx.report({
      severity: 'error',
      code: 'template-body-length',
      pointer: t.pointer,
      message: `With these parameters the template body is ${filled.length} characters; WhatsApp allows at most ${MAX_TEMPLATE_BODY}. Shorten the parameters.`,
    });
  }
};
