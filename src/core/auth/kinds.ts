/**
 * The shape of an auth method: which secret it needs, where the editor keeps it and where the CLI
 * reads it. Core knows how each kind goes on the wire (auth/apply.ts); which provider takes which
 * method, under which environment variables, is each provider's fact (providers/common/auth.ts).
 */
export type AuthKind = 'jwt' | 'basic' | 'bearer' | 'd360' | 'token';

/** The names secrets go by in SecretStorage and in `Secrets`. */
export const SECRET_FIELDS = ['privateKey', 'apiSecret', 'token', 'd360ApiKey'] as const;
export type SecretField = (typeof SECRET_FIELDS)[number];

export interface AuthDef {
  kind: AuthKind;
  /** For pickers and messages, e.g. "JWT (application id + private key)". */
  label: string;
  secret: {
    field: SecretField;
    /** In words, e.g. "private key". */
    label: string;
    /** The environment variable the CLI reads it from. */
    env: string;
    /** A variable naming a file that holds it instead (the private key). */
    envFile?: string;
  };
  /** The non-secret identifier it also needs, kept in the profile (settings) or read from the environment. */
  identity?: { field: 'applicationId' | 'apiKey'; label: string; env: string };
}
