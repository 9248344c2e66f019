/** Vonage Messages v1: what @vonage/messages sends (POST /v1/messages, JSON body, snake_case keys). */
import { joinUrl, jsonRequest, type HttpRequest } from '../../core/http/types';
import type { Profile } from '../../core/profile';

/** Production base URL of Vonage's APIs (v1 and the legacy beta/v0.1 alike). */
export const VONAGE_API = 'https://api.nexmo.com';

export function buildRequest(payload: unknown, profile: Profile): HttpRequest {
  return jsonRequest('POST', joinUrl(profile.endpoint, '/v1/messages'), payload);
}

export function buildMarkRead(messageId: string, profile: Profile): HttpRequest {
  return jsonRequest('PATCH', joinUrl(profile.endpoint, `/v1/messages/${encodeURIComponent(messageId)}`), { status: 'read' });
}
