/** Cloud API error codes (Meta; 360dialog Cloud passes them through) and what to do about each. */
import type { CatalogEntry } from '../../core/http/outcome';

export const CLOUD_ERRORS: Record<string, CatalogEntry> = {
  '0': { meaning: 'Authentication failed.', advice: "Check the access token (WHATSAPP_TOKEN or the profile's credentials)." },
  '3': { meaning: 'The app lacks the capability or permission for this call.', advice: 'Give the app the whatsapp_business_messaging permission.' },
  '10': { meaning: 'Permission denied.', advice: 'The token does not have permission for this phone number id; use a token of the business that owns it.' },
  '100': { meaning: 'Invalid parameter.', advice: 'A field is missing, misspelled or of the wrong type: run `mwb validate` on the payload.' },
  '190': { meaning: 'The access token has expired or is invalid.', advice: 'Create a new access token (a system user token does not expire) and store it again.' },
  '200': { meaning: 'Permission error.', advice: 'The token lacks permission for this WhatsApp Business Account.' },
  '368': { meaning: 'Temporarily blocked for policy violations.', advice: "Check the account's quality and policy status in WhatsApp Manager." },
  '4': { meaning: 'Too many API calls by this app.', advice: 'Slow down and try again later.' },
  '80007': { meaning: 'The WhatsApp Business Account hit its rate limit.', advice: 'Slow down and try again later.' },
  '130429': { meaning: 'Cloud API throughput limit reached.', advice: 'Send more slowly; retry after a short wait.' },
  '130472': { meaning: 'The recipient is part of an experiment that limits marketing messages.', advice: 'Nothing to fix in the payload: this recipient cannot receive it now.' },
  '131000': { meaning: "Something went wrong on Meta's side.", advice: 'Send again; if it persists, check the WhatsApp Business status page.' },
  '131005': { meaning: 'Access denied.', advice: 'The token lacks permission for this phone number.' },
  '131008': { meaning: 'A required parameter is missing.', advice: 'Add the parameter named in the detail to the payload.' },
  '131009': { meaning: 'A parameter value is not valid.', advice: 'Fix the value named in the detail (e.g. the phone number, or a button title over 20 characters).' },
  '131016': { meaning: 'The service is overloaded.', advice: 'Try again later.' },
  '131021': { meaning: 'The recipient is the sender.', advice: 'Send to a different number than the business phone number.' },
  '131026': { meaning: 'The message could not be delivered (the number may not be on WhatsApp, or on an old app version).', advice: 'Check the number; reach the customer another way.' },
  '131030': { meaning: 'The recipient is not on the allowed list of the test number.', advice: "Add the number to the allowed list in Meta's API setup, or use a production number." },
  '131031': { meaning: 'The business account is locked.', advice: 'Check the account status in WhatsApp Manager.' },
  '131042': { meaning: 'A payment problem on the business account.', advice: 'Fix the payment method in WhatsApp Manager.' },
  '131045': { meaning: 'The sending phone number is not registered.', advice: 'Register the phone number before sending.' },
  '131047': {
    meaning: 'Re-engagement: more than 24 hours have passed since the customer last wrote, so the customer care window is closed.',
    advice: 'Send an approved template message (type "template") to restart the conversation.',
  },
  '131051': { meaning: 'The message type is not supported.', advice: 'Use one of the supported types (text, image, interactive, template, ...).' },
  '131052': { meaning: "The media could not be downloaded from the customer's message.", advice: 'Ask the customer to send it again.' },
  '131053': { meaning: 'The media could not be uploaded (unsupported type or unreachable URL).', advice: 'Check that the media URL is public https and the MIME type matches the message type.' },
  '131056': { meaning: 'Too many messages to the same recipient (pair rate limit).', advice: 'Wait before sending to this number again.' },
  '132000': { meaning: 'The number of template parameters does not match the template.', advice: 'Give exactly as many parameters as the template has {{n}} placeholders.' },
  '132001': { meaning: 'The template does not exist in this language, or is not approved.', advice: 'Check the template name and language code (e.g. en_US vs en) in WhatsApp Manager.' },
  '132005': { meaning: 'The template text is too long once the parameters are filled.', advice: 'Shorten the parameter values.' },
  '132007': { meaning: 'The template format breaks a policy.', advice: 'Check the template content.' },
  '132012': { meaning: 'A template parameter is of the wrong format.', advice: 'Match the parameter types the template was approved with (text, currency, date_time, media).' },
  '132015': { meaning: 'The template is paused for low quality.', advice: 'Edit the template or use another one.' },
  '132016': { meaning: 'The template is disabled.', advice: 'Use another template.' },
  '133010': { meaning: 'The phone number is not registered with the Cloud API.', advice: 'Register it before sending.' },
  '135000': { meaning: 'Generic user error.', advice: 'Check the payload; Meta gave no more detail.' },
  // The On-Premises code for the closed window; some partners still answer it from the Cloud API.
  '470': { meaning: 'The 24-hour customer care window is closed.', advice: 'Send an approved template message instead.' },
};

/** The closed 24 h window: 131047 on the Cloud API; some partners still answer On-Premises' 470. */
export const WINDOW_CLOSED_CODES = ['131047', '470'] as const;

export function explainError(code: string | undefined): CatalogEntry | undefined {
  return code === undefined ? undefined : CLOUD_ERRORS[code];
}
