/**
 * The payload file suffixes, kept here without the domain so activation need not load it; a unit
 * test holds this list equal to the providers' own suffixes (src/providers/registry.ts).
 */
export const PAYLOAD_SUFFIXES = ['.vonage.json', '.vonage-legacy.json', '.whatsapp.json', '.whatsapp-onprem.json', '.gateway.json'] as const;

/** For messages: "*.vonage.json, *.vonage-legacy.json, ...". */
export const PAYLOAD_PATTERNS = PAYLOAD_SUFFIXES.map((s) => `*${s}`).join(', ');
