/**
 * The payload file suffixes, kept here without the domain so activation need not load it; a unit
 * test holds this list equal to the providers' own suffixes (src/providers/registry.ts).
 */
export const PAYLOAD_SUFFIXES = ['.vonage.json', '.vonage-legacy.json', '.whatsapp.json', '.whatsapp-onprem.json', '.gateway.json'] as const;

/** Template definition files (Meta's format); a unit test holds this equal to src/templates/template-file.ts. */
export const DEFINITION_FILE_SUFFIXES = ['.whatsapp-template.json', '.template.json'] as const;

/** Webhook payload files (what a provider posts to you); a unit test holds this equal to the providers' webhook suffixes. */
export const WEBHOOK_FILE_SUFFIXES = ['.vonage-webhook.json', '.vonage-legacy-webhook.json', '.whatsapp-webhook.json', '.whatsapp-onprem-webhook.json'] as const;

/** For messages: "*.vonage.json, *.vonage-legacy.json, ...". */
export const PAYLOAD_PATTERNS = PAYLOAD_SUFFIXES.map((s) => `*${s}`).join(', ');
