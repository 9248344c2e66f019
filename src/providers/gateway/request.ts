/** Token gateway (seed 003): the endpoint is the full URL; the token joins the JSON body at send time. */
import { jsonRequest, type HttpRequest } from '../../core/http/types';
import type { Profile } from '../../core/profile';

/** Where the sandbox serves a gateway (a real one is wherever its owner put it). */
export const GATEWAY_SANDBOX_PATH = '/gateway/send';

export function buildRequest(payload: unknown, profile: Profile): HttpRequest {
  return jsonRequest('POST', profile.endpoint, payload);
}
