/** Vonage v1 limits read by both the schema and the rules (kept apart so the rules do not build the schema). */
export const MAX_SMS_SENDER_ID = 11;
