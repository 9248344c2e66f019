/** What `activate` returns: used by our integration tests (and open to other extensions). */
import type { SecretStore } from './secret-store';
import type { HistoryEntry } from './history';
import type { PreviewStats } from './preview';

export interface MessageWorkbenchApi {
  credentials: Pick<SecretStore, 'set' | 'get' | 'clear'>;
  /** The send history (never holds secrets). */
  history(): HistoryEntry[];
  /** The local sandbox's URL, starting it if needed. */
  sandboxUrl(): Promise<string>;
  /** Edit-to-painted timings of the preview (for the integration tests' report). */
  previewStats(): PreviewStats;
}
