/** Legacy v0.1 answers 202 {"message_uuid"} like v1, and errors as RFC 7807 problems. */
export { readResponse } from '../vonage/response';
