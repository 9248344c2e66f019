/**
 * Checking a webhook payload file (`*.whatsapp-webhook.json`, ...): its provider's schema, and the
 * events it holds. Called from the pipeline's validateText, as the template catalog is.
 */
import type { ParsedDocument } from '../core/parse';
import type { Problem } from '../core/problem';
import { schemaProblems } from '../core/schema-check';
import type { WebhookEvent } from '../core/webhook-event';
import type { WebhookDef } from '../providers/webhook-types';
import { webhookById, webhookForFile } from './registry';

export interface WebhookCheck {
  providerId: string;
  label: string;
  events: WebhookEvent[];
}

/** The webhook definition a file is checked against, when it is a webhook file; `providerId` (--provider) picks among them. */
export function webhookFileDef(fileName: string | undefined, providerId?: string): WebhookDef | undefined {
  const bySuffix = webhookForFile(fileName);
  if (!bySuffix) return undefined;
  return providerId ? webhookById(providerId) : bySuffix;
}

export function checkWebhook(doc: ParsedDocument, def: WebhookDef, runSchema = true): { problems: Problem[]; webhook: WebhookCheck } {
  const problems: Problem[] = runSchema ? schemaProblems(doc, def.schema) : [];
  let events: WebhookEvent[] = [];
  try {
    events = def.events(doc.value);
  } catch {
    events = []; // a body too broken to read; the schema problems say why
  }
  if (events.length === 0 && !problems.some((p) => p.severity === 'error')) {
    const at = Math.max(0, doc.text.search(/\S/));
    problems.push({
      severity: 'warning',
      code: 'webhook-no-events',
      message: `This ${def.label} holds no message and no status, so a handler has nothing to do with it.`,
      pointer: '',
      start: at,
      end: at + 1,
      source: 'lint',
    });
  }
  return { problems, webhook: { providerId: def.providerId, label: def.label, events } };
}
