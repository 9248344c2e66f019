/** What sending from the editor needs: shared by Send Message, re-send and deliver. */
import type * as vscode from 'vscode';
import type { ConversationStore } from './conversation-store';
import type { Environments } from './environments';
import type { Inbox } from './inbox';
import type { History } from './history';
import type { Profiles } from './profiles';
import type { Validations } from './validation';
import type { WorkspaceTemplates } from './workspace-templates';

export interface SendDeps {
  profiles: Profiles;
  environments: Environments;
  templates: WorkspaceTemplates;
  history: History;
  log: vscode.LogOutputChannel;
  /** The per-version validation the diagnostics already computed (lint only, no schema). */
  validations: Validations;
  /** Where sends join their threads and status webhooks move them (absent: no conversations). */
  conversations?: ConversationStore;
  /** Whose inboxes listen: a send with such a profile follows its statuses. */
  inbox?: Inbox;
}
