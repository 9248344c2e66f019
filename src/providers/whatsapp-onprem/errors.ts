/** On-Premises error codes from 360dialog's documentation (seed 004), with what to do. */
import type { CatalogEntry } from '../../core/http/outcome';

export const ONPREM_ERRORS: Record<string, CatalogEntry> = {
  '400': { meaning: 'Bad request.', advice: 'Check data types (booleans vs strings) and that the JSON is well-formed: run `mwb validate` on the payload.' },
  '402': { meaning: 'Payment problem: the WhatsApp Business Account has no payment method.', advice: 'Contact 360dialog support to set up payment.' },
  '408': { meaning: 'The message was pending for too long and timed out.', advice: 'Send it again (retrying is safe here).' },
  '470': {
    meaning: 'More than 24 hours have passed since the customer last wrote: the customer care window is closed (or the number has no WhatsApp account).',
    advice: 'Send an approved template message to re-open the conversation.',
  },
  '500': {
    meaning: 'Structure unavailable: the WhatsApp client could not display the template (HSM).',
    advice: "Check the template's format: components and parameters must match its approved definition.",
  },
  '1000': {
    meaning: 'The media could not be processed (unsupported format, e.g. audio/mpeg sent as image, a video without audio track, or full storage).',
    advice: "Make the message type match the file's MIME type; if storage is full, contact 360dialog support.",
  },
  '1009': { meaning: 'Invalid latitude.', advice: 'Latitude must be between -90 and 90.' },
  '1013': { meaning: 'User is not valid: the number has no WhatsApp account.', advice: "Check the recipient's number; reach the customer another way." },
  '1014': {
    meaning: 'The media URL could not be fetched (missing file, or double URL-encoded).',
    advice: 'Check that the URL works in a browser and is encoded once; prefer uploading the media and sending its id.',
  },
  '2001': { meaning: 'The template does not exist in this language.', advice: 'Check the template name and language code (e.g. "en" vs "en_US") and the namespace.' },
};

/** Seed 004: 470 means the 24 h customer care window is closed. */
export const WINDOW_CLOSED_CODES = ['470'] as const;

export function explainError(code: string | undefined): CatalogEntry | undefined {
  return code === undefined ? undefined : ONPREM_ERRORS[code];
}
