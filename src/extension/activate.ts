/** Entry point: composes the features; each feature module registers itself and returns disposables. */
import * as vscode from 'vscode';
import type { MessageWorkbenchApi } from './api';
import { CredentialStore } from './credentials';
import * as diagnostics from './diagnostics';
import * as quickFixes from './quick-fixes';
import { WorkspaceTemplates } from './template-catalog';
import { Validations } from './validation';

export function activate(context: vscode.ExtensionContext): MessageWorkbenchApi {
  const templates = new WorkspaceTemplates();
  const validations = new Validations(templates);
  const credentials = new CredentialStore(context.secrets);
  context.subscriptions.push(
    templates,
    ...diagnostics.register(validations, templates),
    ...quickFixes.register(validations),
  );
  return { credentials };
}

export function deactivate(): void {}
