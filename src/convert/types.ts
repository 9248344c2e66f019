/** What a conversion gives back: the new payload, and what of the old one it could not carry over. */
export interface ConversionNote {
  /** Where in the source payload the thing that changed or was lost stands (JSON pointer). */
  pointer: string;
  message: string;
}

export interface Conversion {
  /** The payload in the target API's shape; strings (and `{{NAME}}` placeholders in them) copied as they were. */
  payload: Record<string, unknown>;
  notes: ConversionNote[];
}
