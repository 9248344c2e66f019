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
import { SANDBOX_PROFILE, SandboxHost } from './sandbox-host';
import { Inbox } from './inbox';
import * as inboxCommands from './inbox-commands';
import { ConversationStore } from './conversation-store';
import * as conversations from './conversations';
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
  // The workspace's own storage keeps its inbox and its conversations; without a folder open, the window's.
  const storage = (context.storageUri ?? context.globalStorageUri).fsPath;
  // The sandbox keeps its own clock (tests move it to close a 24 h window); its inbox and threads read it.
  const now = (profile: string): number => (profile === SANDBOX_PROFILE ? sandbox.now() : Date.now());
  const inbox = new Inbox(credentials, storage, context.workspaceState, log, { now });
  const sandbox = new SandboxHost(context.globalState, credentials, log, inbox);
  const store = new ConversationStore(storage, inbox, log, now);
  const profiles = new Profiles(credentials, sandbox, context.globalState);
  const environments = new Environments(credentials, context.globalState);
  const history = new History(context.workspaceState);
  const problems = problemStatus.register(validations);
  const sendDeps = { profiles, environments, templates, history, log, validations, conversations: store, inbox };
  const conversationView = conversations.register(context, { store, inbox, sandbox, profiles, templates, log });
  context.subscriptions.push(
    log,
    templates,
    inbox,
    sandbox,
    store,
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
    ...sandboxCommands.register(sandbox, validations),
    ...inboxCommands.register(inbox, profiles, store, sandbox),
    ...conversationView.disposables,
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
    conversations: () => store.book.toJSON().threads,
    conversationStats: conversations.conversationStats,
    conversationAction: conversationView.act,
    advanceSandboxClock: (ms: number) => sandbox.advanceClock(ms),
  });
}
