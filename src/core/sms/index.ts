/** SMS maths: encoding, segments and GSM equivalents. The preview, lint and `mwb sms` import from here. */
export { analyzeSms, GSM_MULTI, GSM_SINGLE, UCS2_MULTI, UCS2_SINGLE } from './analyze';
export type { NonGsmChar, SmsAnalysis, SmsEncoding, SmsEncodingType, SmsOptions, SmsPart } from './analyze';
export { GSM_BASIC, GSM_EXTENSION, gsmCost, isGsmText } from './gsm-charset';
export { gsmReplacement } from './gsm-replacements';
export { withGsmEquivalents } from './with-equivalents';
export { jsonStringBody, jsonStringOffsets } from './json-string-offsets';
