/**
 * The auth methods the providers take, each with its secret and its environment variables. Vonage
 * v1 and the legacy API share theirs; a provider lists the ones it accepts in its ProviderDef.
 */
import type { AuthDef } from '../../core/auth/kinds';

export const VONAGE_JWT: AuthDef = {
  kind: 'jwt',
  label: 'JWT (application id + private key)',
  secret: { field: 'privateKey', label: 'private key', env: 'VONAGE_PRIVATE_KEY', envFile: 'VONAGE_PRIVATE_KEY_PATH' },
  identity: { field: 'applicationId', label: 'application id', env: 'VONAGE_APPLICATION_ID' },
};

export const VONAGE_BASIC: AuthDef = {
  kind: 'basic',
  label: 'Basic (API key + secret)',
  secret: { field: 'apiSecret', label: 'API secret', env: 'VONAGE_API_SECRET' },
  identity: { field: 'apiKey', label: 'API key', env: 'VONAGE_API_KEY' },
};

export const META_BEARER: AuthDef = {
  kind: 'bearer',
  label: 'Bearer access token (Meta)',
  secret: { field: 'token', label: 'access token', env: 'WHATSAPP_TOKEN' },
};

export const D360_KEY: AuthDef = {
  kind: 'd360',
  label: 'D360-API-KEY (360dialog)',
  secret: { field: 'd360ApiKey', label: 'D360 API key', env: 'D360_API_KEY' },
};

export const GATEWAY_TOKEN: AuthDef = {
  kind: 'token',
  label: 'token in the request body',
  secret: { field: 'token', label: 'gateway token', env: 'GATEWAY_TOKEN' },
};
