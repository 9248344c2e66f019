/** Every provider-neutral lint rule, in the order they run; each provider adds its own (ProviderDef.rules). */
import type { LintRule } from '../core/lint/context';
import { credentialInPayload } from '../core/lint/secrets-in-payload';
import { listLimits, uniqueButtons } from '../core/lint/interactive';
import { phoneFormat } from '../core/lint/phone';
import { placeholderSecret } from '../core/lint/placeholder-secret';
import { restrictedDestinations } from '../core/lint/restricted';
import { smsRules } from '../core/lint/sms';
import { templateRules } from '../core/lint/template';
import { wrongProvider } from './rules/wrong-provider';

export const COMMON_RULES: readonly LintRule[] = [wrongProvider, phoneFormat, restrictedDestinations, uniqueButtons, listLimits, templateRules, smsRules, credentialInPayload, placeholderSecret];
