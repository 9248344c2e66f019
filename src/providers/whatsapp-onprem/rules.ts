/** On-Premises rules: WhatsApp's shared ones, and the notice that the API is retired. */
import type { LintRule } from '../../core/lint/context';
import { WHATSAPP_RULES } from '../whatsapp/rules';
import { onpremRetired } from './retired';

export const ONPREM_RULES: LintRule[] = [onpremRetired, ...WHATSAPP_RULES];
