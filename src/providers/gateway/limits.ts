/** The gateway's limits, read by its schema and its rules (kept apart so the rules do not build the schema). */
export const MAX_INTERACTIVE_BODY = 1024;
