/** WhatsApp On-Premises API as served by 360dialog (seed 004): POST /messages with D360-API-KEY. */
import { joinUrl, jsonRequest, RequestError, type BuildContext, type HttpRequest } from '../../core/http/types';
import type { Profile } from '../../core/profile';

/** 360dialog's On-Premises base URL (seed 004), and where the sandbox serves it. */
export const ONPREM_API = 'https://waba.360dialog.io/v1';
export const ONPREM_SANDBOX_BASE = '/onprem/v1';

function isMarkRead(payload: unknown): boolean {
  const p = payload as Record<string, unknown> | undefined;
  return !!p && typeof p === 'object' && p.status === 'read' && p.to === undefined && p.type === undefined;
}

export function buildRequest(payload: unknown, profile: Profile, context: BuildContext = {}): HttpRequest {
  // A mark-as-read file is only the body: the id of the message goes into the URL.
  if (isMarkRead(payload)) {
    const id = context.variables?.MESSAGE_ID ?? (context.keepPlaceholders ? '{{MESSAGE_ID}}' : undefined);
    if (!id) {
      throw new RequestError(
        'This file marks a message as read, and On-Premises takes that message\'s id in the URL (PUT /messages/{message-id}). Give MESSAGE_ID the id from the inbound webhook (in the CLI, an environment variable), or use "Mark Message as Read".',
      );
    }
    const segment = id === '{{MESSAGE_ID}}' ? id : encodeURIComponent(id);
    return jsonRequest('PUT', joinUrl(profile.endpoint, `/messages/${segment}`), payload);
  }
  return jsonRequest('POST', joinUrl(profile.endpoint, '/messages'), payload);
}

/** Seed 004: `PUT /messages/{message-id}` `{"status":"read"}`, for incoming messages only. */
export function buildMarkRead(messageId: string, profile: Profile): HttpRequest {
  return jsonRequest('PUT', joinUrl(profile.endpoint, `/messages/${encodeURIComponent(messageId)}`), { status: 'read' });
}
