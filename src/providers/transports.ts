/** How each provider goes on the wire: request, mark-as-read, response reading. One line per provider. */
import type { ProviderId } from '../core/model';
import type { Profile } from '../core/profile';
import type { BuildContext, HttpReply, HttpRequest } from '../core/http/types';
import type { CatalogEntry, ReadResult } from '../core/http/outcome';
import * as vonageReq from './vonage/request';
import * as vonageRes from './vonage/response';
import * as vonageErr from './vonage/errors';
import * as legacyReq from './vonage-legacy/request';
import * as legacyRes from './vonage-legacy/response';
import * as legacyErr from './vonage-legacy/errors';
import * as cloudReq from './whatsapp/request';
import * as cloudRes from './whatsapp/response';
import * as cloudErr from './whatsapp/errors';
import * as onpremReq from './whatsapp-onprem/request';
import * as onpremRes from './whatsapp-onprem/response';
import * as onpremErr from './whatsapp-onprem/errors';
import * as gatewayReq from './gateway/request';
import * as gatewayRes from './gateway/response';
import * as gatewayErr from './gateway/errors';

export interface Transport {
  buildRequest(payload: unknown, profile: Profile, context?: BuildContext): HttpRequest;
  /** Undefined when the API has no mark-as-read. */
  buildMarkRead?(messageId: string, profile: Profile): HttpRequest;
  readResponse(reply: HttpReply): ReadResult;
  /** Look up an error code (or, for Vonage and the gateway, words from the error) in the catalog. */
  explainError(code: string | undefined): CatalogEntry | undefined;
}

export const TRANSPORTS: Record<ProviderId, Transport> = {
  vonage: { buildRequest: vonageReq.buildRequest, buildMarkRead: vonageReq.buildMarkRead, readResponse: vonageRes.readResponse, explainError: (c) => vonageErr.explainError(Number(c) || 0, c) },
  'vonage-legacy': { buildRequest: legacyReq.buildRequest, readResponse: legacyRes.readResponse, explainError: (c) => legacyErr.explainError(Number(c) || 0, c) },
  whatsapp: { buildRequest: cloudReq.buildRequest, buildMarkRead: cloudReq.buildMarkRead, readResponse: cloudRes.readResponse, explainError: cloudErr.explainError },
  'whatsapp-onprem': { buildRequest: onpremReq.buildRequest, buildMarkRead: onpremReq.buildMarkRead, readResponse: onpremRes.readResponse, explainError: onpremErr.explainError },
  gateway: { buildRequest: gatewayReq.buildRequest, readResponse: gatewayRes.readResponse, explainError: gatewayErr.explainError },
};

export function transportFor(id: ProviderId): Transport {
  return TRANSPORTS[id];
}
