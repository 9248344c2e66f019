/** The legacy Messages API (beta, then v0.1): same host and auth as v1, older body shape. */
import { joinUrl, jsonRequest, type HttpRequest } from '../../core/http/types';
import type { Profile } from '../../core/profile';

export const LEGACY_PATH = '/v0.1/messages';

export function buildRequest(payload: unknown, profile: Profile): HttpRequest {
  // An endpoint that already names the beta path (seed 001) keeps it.
  const url = /\/beta\/messages\/?$/.test(profile.endpoint) ? profile.endpoint.replace(/\/+$/, '') : joinUrl(profile.endpoint, LEGACY_PATH);
  return jsonRequest('POST', url, payload);
}
