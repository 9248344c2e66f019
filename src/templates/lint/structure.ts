/** Definition rules about the template as a whole: its name, and which components it has. */
import { replaceStringEdit } from '../../core/edits';
import { shown } from '../../core/lint/context';
import { upper } from './located';
import type { DefinitionRule } from './rule';

export const MAX_NAME = 512;
const NAME = /^[a-z0-9_]+$/;

/**
 * `template-name`: lowercase letters, digits and underscores, at most 512 characters.
 * Source: Meta, templates overview (SOURCES.overview): "Template names ... can only contain
 * lowercase alphanumeric characters and underscores", and the 512-character name field.
 */
export const templateName: DefinitionRule = (ctx, def) => {
  const name = def.value.name;
  if (typeof name !== 'string') return; // the schema's
  const r = ctx.range('/name');
  if (name === '') {
    ctx.report({ severity: 'error', code: 'template-name', pointer: '/name', message: 'The template name is empty: give it a name of lowercase letters, digits and underscores.' });
    return;
  }
  if (name.length > MAX_NAME) {
    ctx.report({ severity: 'error', code: 'template-name', pointer: '/name', message: `The template name is ${name.length} characters; Meta allows at most ${MAX_NAME}. Shorten it.` });
    return;
  }
  if (NAME.test(name)) return;
  const fixed = name.toLowerCase().replace(/[^a-z0-9_]+/g, '_');
  ctx.report({
    severity: 'error',
    code: 'template-name',
    pointer: '/name',
    message: `Template name ${shown(name)} may hold only lowercase letters, digits and underscores (Meta rejects it otherwise). Use ${shown(fixed)}.`,
    fixes: NAME.test(fixed) ? [{ title: `Rename to "${fixed}"`, edits: [replaceStringEdit(r.start, r.end, fixed)] }] : undefined,
  });
};

const SINGLE = ['HEADER', 'BODY', 'FOOTER', 'BUTTONS', 'CAROUSEL', 'LIMITED_TIME_OFFER'];

/**
 * `template-components`: one BODY (every template has one), at most one of each other kind, and the
 * text a HEADER TEXT, BODY or FOOTER shows. Source: Meta, template components (SOURCES.components).
 */
export const templateComponents: DefinitionRule = (ctx, def) => {
  const seen = new Map<string, string>();
  const auth = def.category === 'AUTHENTICATION';
  for (const c of def.components) {
    if (SINGLE.includes(c.type) && seen.has(c.type)) {
      ctx.report({
        severity: 'error',
        code: 'template-components',
        pointer: `${c.pointer}/type`,
        message: `A second ${c.type} component: a template has at most one (the first is ${seen.get(c.type)}). Merge them or remove this one.`,
      });
      continue;
    }
    seen.set(c.type, c.pointer);
    const needsText = (c.type === 'HEADER' && (c.value.format === undefined || upper(c.value.format) === 'TEXT')) || (!auth && (c.type === 'BODY' || c.type === 'FOOTER'));
    if (needsText && c.value.text === undefined) {
      ctx.report({
        severity: 'error',
        code: 'template-components',
        pointer: `${c.pointer}/text`,
        message: `This ${c.type}${c.type === 'HEADER' ? ' (format TEXT)' : ''} has no "text": add the text it shows.`,
      });
    }
  }
  if (!seen.has('BODY') && Array.isArray(def.value.components)) {
    ctx.report({
      severity: 'error',
      code: 'template-components',
      pointer: '/components',
      onKey: true,
      message: `The template has no BODY component; every template needs one. Add {"type": "BODY", ${auth ? '"add_security_recommendation": true' : '"text": "..."'}}.`,
    });
  }
};
