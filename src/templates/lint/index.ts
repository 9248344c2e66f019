/** Meta's template rules, in the order they run over a definition file. */
import type { LintContext } from '../../core/lint/context';
import { buttonCount, buttonFields, buttonOrder } from './buttons';
import { examples } from './examples';
import { authentication, carousel, limitedTimeOffer } from './kinds';
import { locate } from './located';
import type { DefinitionRule } from './rule';
import { templateComponents, templateName } from './structure';
import { textLengths } from './text';
import { headerFooterVariables, urlVariable, variableDensity, variableFormat, variableKinds, variablePlacement, variableSequence } from './variables';

export const DEFINITION_RULES: readonly DefinitionRule[] = [
  templateName,
  templateComponents,
  textLengths,
  variableFormat,
  variableKinds,
  variableSequence,
  variablePlacement,
  variableDensity,
  headerFooterVariables,
  examples,
  buttonCount,
  buttonOrder,
  buttonFields,
  urlVariable,
  authentication,
  limitedTimeOffer,
  carousel,
];

/**
 * Run every rule. One fault, one report: where the schema already reported a value (wrong type, a
 * value outside its enum), or an earlier rule reported a place, later reports at that place are
 * consequences and are dropped.
 */
export function lintDefinition(ctx: LintContext, onRuleError?: (error: unknown, where: string) => void): void {
  const def = locate(ctx.value);
  if (!def) return;
  const taken = new Set<string>();
  const once: LintContext = {
    ...ctx,
    report(r) {
      if (taken.has(r.pointer) || ctx.reported(r.pointer, 'schema')) return;
      taken.add(r.pointer);
      ctx.report(r);
    },
  };
  for (const rule of DEFINITION_RULES) {
    try {
      rule(once, def);
    } catch (e) {
      // A rule must never take the others down on a half-written file.
      onRuleError?.(e, rule.name || 'a template rule');
    }
  }
}
