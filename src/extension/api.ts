/** What `activate` returns: used by our integration tests (and open to other extensions). */
import type { CredentialStore } from './credentials';
import type { HistoryEntry } from './history';
import type { PreviewStats } from './preview';

export interface MessageWorkbenchApi {
  credentials: Pick<CredentialStore, 'set' | 'get' | 'clear'>;
  /** The send history (never holds secrets). */
  history(): HistoryEntry[];
  /** The local sandbox's URL, starting it if needed. */
  sandboxUrl(): Promise<string>;
  /** Edit-to-painted timings of the preview (for the integration tests' report). */
  previewStats(): PreviewStats;
}
