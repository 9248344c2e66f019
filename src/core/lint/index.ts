/** The provider-neutral lint rules, in the order they run. */
import type { LintRule } from './context';
import { credentialInPayload } from './credentials';
import { listLimits, uniqueButtons } from './interactive';
import { phoneFormat } from './phone';
import { restrictedDestinations } from './restricted';
import { smsRules } from './sms';
import { templateRules } from './template';
import { wrongProvider } from './wrong-provider';

export const COMMON_RULES: readonly LintRule[] = [wrongProvider, phoneFormat, restrictedDestinations, uniqueButtons, listLimits, templateRules, smsRules, credentialInPayload];
