/** Workspace trust: sending and secrets are off in an untrusted workspace, with the reason. */
import * as vscode from 'vscode';

export function requireTrust(what: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  const manage = 'Manage Workspace Trust';
  void vscode.window
    .showWarningMessage(`${what} is off in Restricted Mode: this workspace is not trusted, and its settings could send your credentials elsewhere. Trust the workspace to enable it.`, manage)
    .then((a) => {
      if (a === manage) void vscode.commands.executeCommand('workbench.trust.manage');
    });
  return false;
}
