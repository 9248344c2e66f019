/** What sending from the editor needs: shared by Send Message, re-send and deliver. */
import type * as vscode from 'vscode';
import type { Environments } from './environments';
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
}
