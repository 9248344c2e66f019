/** The legacy API's limits and channels, read by its schema and its rules (kept apart so the rules do not build the schema). */
export const MAX_LEGACY_SMS_TEXT = 1000;
export const LEGACY_CHANNELS = ['sms', 'whatsapp', 'viber_service', 'messenger', 'mms'] as const;
