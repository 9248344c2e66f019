/** Gateway rules a generated JSON Schema can't express. */
import type { LintRule } from '../../core/lint/context';
import { MAX_INTERACTIVE_BODY } from './limits';

/** A header, footer or buttons turn the message interactive, and WhatsApp caps an interactive body at 1024 characters. */
export const interactiveBodyLength: LintRule = (ctx) => {
  const m = ctx.model;
  if (!m?.text || m.kind !== 'buttons') return;
  const length = m.text.text.length;
  if (length <= MAX_INTERACTIVE_BODY) return;
  // Over 4096 the schema also complains, with plain text's limit; this message says the limit that applies.
  ctx.supersede(m.text.pointer, 'schema');
  const why = [m.header && 'a header', m.footer && 'a footer', m.buttons && 'buttons']
    .filter(Boolean)
    .join(', ')
    .replace(/, ([^,]*)$/, ' and $1');
  ctx.report({
    severity: 'error',
    code: 'interactive-body-length',
    pointer: m.text.pointer,
    message: `\`message\` is ${length} characters; with ${why || 'a header, footer or buttons'} it is sent as an interactive message, whose body WhatsApp caps at ${MAX_INTERACTIVE_BODY}. Shorten it, or drop the header, footer and buttons to send plain text (up to 4096).`,
  });
};

export const GATEWAY_RULES: LintRule[] = [interactiveBodyLength];
