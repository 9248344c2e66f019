/** WhatsApp On-Premises API as served by 360dialog (seed 004): POST /messages with D360-API-KEY. */
import { joinUrl, jsonRequest, type HttpRequest } from '../../core/http/types';
import type { Profile } from '../../core/profile';

export function buildRequest(payload: unknown, profile: Profile): HttpRequest {
  return jsonRequest('POST', joinUrl(profile.endpoint, '/messages'), payload);
}

/** Seed 004: `PUT /messages/{message-id}` `{"status":"read"}`, for incoming messages only. */
export function buildMarkRead(messageId: string, profile: Profile): HttpRequest {
  return jsonRequest('PUT', joinUrl(profile.endpoint, `/messages/${encodeURIComponent(messageId)}`), { status: 'read' });
}
