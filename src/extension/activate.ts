/** Entry point: composes the features; each feature module registers itself and returns disposables. */
import * as vscode from 'vscode';
import { exportsFor, type TestHooks } from './api';
import { registerTestSecrets } from './test-hooks';
import { SecretStore } from './secret-store';
import * as convertPayload from './convert-payload';
import * as credentialCommands from './credential-commands';
import * as diagnostics from './diagnostics';
import * as environmentCommands from './environments';
import { Environments } from './environments';
import { History } from './history';
import * as jwtCommands from './jwt-commands';
import * as newPayload from './new-payload';
import * as preview from './preview';
import * as problemStatus from './problem-status';
import { Profiles } from './profiles';
import * as quickFixes from './quick-fixes';
import * as sandboxCommands from './sandbox-commands';
import { SandboxHost } from './sandbox-host';
import * as send from './send';
import * as bulkSend from './bulk-send';
import * as historyCommands from './history-commands';
import * as pullTemplates from './pull-templates';
import * as submitTemplate from './submit-template';
import * as newMessageFromTemplate from './new-message-from-template';
import { WorkspaceTemplates } from './workspace-templates';
import { Validations } from './validation';

export function activate(context: vscode.ExtensionContext): TestHooks | undefined {
  const log = vscode.window.createOutputChannel('Message Workbench', { log: true });
  const templates = new WorkspaceTemplates();
  const validations = new Validations(templates);
  const credentials = new SecretStore(context.secrets);
  const sandbox = new SandboxHost(context.globalState, credentials, log);
  const profiles = new Profiles(credentials, sandbox, context.globalState);
  const environments = new Environments(credentials, context.globalState);
  const history = new History(context.workspaceState);
  const sendDeps = { profiles, environments, templates, history, log, validations };
  const problems = problemStatus.register(validations);
  context.subscriptions.push(
    log,
    templates,
    sandbox,
    profiles,
    ...diagnostics.register(validations, templates),
    ...problems.disposables,
    ...quickFixes.register(validations),
    ...convertPayload.register(validations, log),
    ...newPayload.register(context),
    ...preview.register(context, { validations, templates }),
    ...send.register(sendDeps),
    ...bulkSend.register(sendDeps, context.extensionMode),
    ...historyCommands.register(sendDeps),
    ...credentialCommands.register(credentials, profiles, sandbox),
    ...jwtCommands.register(profiles),
    ...sandboxCommands.register(sandbox),
    ...environmentCommands.register(environments),
    ...pullTemplates.register({ profiles, templates, log }),
    ...submitTemplate.register({ profiles, templates, log, sandbox }),
    ...newMessageFromTemplate.register(templates),
  );
  if (context.extensionMode === vscode.ExtensionMode.Test) context.subscriptions.push(registerTestSecrets(credentials));
  return exportsFor(context.extensionMode, {
    history: () => history.entries(),
    sandboxUrl: async () => (await sandbox.ensure()).sandbox.url,
    previewStats: preview.previewStats,
    problemStatus: () => problems.status.shown,
  });
}
