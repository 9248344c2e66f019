/** SecretStorage for the integration suite: a command registered only under ExtensionMode.Test, never in package.json. */
import * as vscode from 'vscode';
import { TEST_SECRETS_COMMAND } from './api';
import type { SecretStore } from './secret-store';

export function registerTestSecrets(store: SecretStore): vscode.Disposable {
  return vscode.commands.registerCommand(TEST_SECRETS_COMMAND, (op: 'get' | 'set' | 'clear', profile: string, field?: string, value?: string) => {
    if (op === 'get' && field) return store.get(profile, field);
    if (op === 'set' && field && value !== undefined) return store.set(profile, field, value);
    if (op === 'clear') return store.clear(profile);
    return undefined;
  });
}
