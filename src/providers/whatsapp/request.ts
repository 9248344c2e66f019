/** WhatsApp Cloud API: Meta's Graph path with a Bearer token, or 360dialog Cloud's /messages with D360-API-KEY. */
import { joinUrl, jsonRequest, type HttpRequest } from '../../core/http/types';
import { ProfileError, type Profile } from '../../core/profile';

/** The Graph API version used when a profile names none. */
export const DEFAULT_GRAPH_VERSION = 'v21.0';

/** Meta's Graph API, and 360dialog's Cloud API relay. */
export const GRAPH_API = 'https://graph.facebook.com';
export const D360_CLOUD_API = 'https://waba-v2.360dialog.io';
/** Where the sandbox serves 360dialog Cloud (Meta's Graph paths are at its root). */
export const D360_SANDBOX_BASE = '/360';

export function messagesUrl(profile: Profile): string {
  if (profile.auth === 'd360') return joinUrl(profile.endpoint, '/messages');
  if (!profile.phoneNumberId) {
    throw new ProfileError(
      `Profile "${profile.name}" has no phoneNumberId: Meta's Cloud API sends from /{version}/{phone-number-id}/messages. Set phoneNumberId in the profile (or WHATSAPP_PHONE_NUMBER_ID for the CLI); it is shown in Meta's WhatsApp Manager under API setup.`,
    );
  }
  const version = profile.graphVersion ?? DEFAULT_GRAPH_VERSION;
  return joinUrl(profile.endpoint, `/${encodeURIComponent(version)}/${encodeURIComponent(profile.phoneNumberId)}/messages`);
}

export function buildRequest(payload: unknown, profile: Profile): HttpRequest {
  return jsonRequest('POST', messagesUrl(profile), payload);
}

export function buildMarkRead(messageId: string, profile: Profile): HttpRequest {
  return jsonRequest('POST', messagesUrl(profile), { messaging_product: 'whatsapp', status: 'read', message_id: messageId });
}
