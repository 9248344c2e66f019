/** What `activate` returns: used by our integration tests (and open to other extensions). */
import type { CredentialStore } from './credentials';

export interface MessageWorkbenchApi {
  credentials: Pick<CredentialStore, 'set' | 'get' | 'clear'>;
}
