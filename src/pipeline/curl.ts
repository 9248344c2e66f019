/**
 * Copy as cURL / `mwb curl`: the same request as a send, as a shell command. With a real profile
 * every credential is a `$VARIABLE` (the text can be shared); with the built-in sandbox, whose
 * credentials are local and throwaway, the command carries them and runs as pasted.
 */
import { authorize, AuthError } from '../core/auth/apply';
import { toCurl, toRunnableCurl } from '../core/http/curl';
import type { Profile, Secrets } from '../core/profile';
import type { Prepared } from './send';

export async function curlFor(prepared: Extract<Prepared, { ok: true }>, profile: Profile, sandboxSecrets?: Secrets): Promise<string> {
  if (!sandboxSecrets) return toCurl(prepared.request, profile, prepared.auth);
  try {
    const authorized = await authorize(prepared.request, profile, prepared.auth, sandboxSecrets);
    const expiry = prepared.auth.kind === 'jwt' ? ' The JWT in it is valid for 15 minutes.' : '';
    return toRunnableCurl(authorized.request, `For the built-in sandbox (local, throwaway credentials); it runs while the sandbox runs.${expiry}`);
  } catch (e) {
    if (e instanceof AuthError) return toCurl(prepared.request, profile, prepared.auth);
    throw e;
  }
}
