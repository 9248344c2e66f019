/**
 * The inbox for real providers: "Show Webhook URL" starts a profile's receiver and says what to
 * register where (Meta's callback URL and verify token, Vonage's inbound and status URLs), through
 * VS Code's port forwarding (`vscode.env.asExternalUri`) or the user's own tunnel; "Set Webhook
 * Secrets" keeps the secrets it checks with in SecretStorage; "Stop" stops the receivers. The status
 * bar shows the inbox while it listens, with what arrived since the conversations were last seen.
 */
import * as vscode from 'vscode';
import type { ConversationStore } from './conversation-store';
import { INBOX_SECRETS, type Inbox, type InboxSecretField } from './inbox';
import type { Profiles } from './profiles';
import { SANDBOX_PROFILE, type SandboxHost } from './sandbox-host';
import { requireTrust } from './trust';
import { COMMANDS } from './ids';

/** Where a provider's dashboard takes the URL, in its own words. */
const WHERE_TO_REGISTER: Record<string, string> = {
  whatsapp: 'Meta app dashboard > WhatsApp > Configuration: Callback URL (and the verify token), then subscribe to "messages".',
  'whatsapp-onprem': '360dialog: set it as the webhook URL of the number (POST /v1/configs/webhook).',
  vonage: 'Vonage Dashboard > Applications > your application > Messages: Inbound URL and Status URL (both this URL).',
  'vonage-legacy': 'Vonage Dashboard > Applications > your application > Messages: Inbound URL and Status URL (both this URL).',
};

async function pickProfile(profiles: Profiles, given: unknown, title: string): Promise<{ name: string; provider?: string } | undefined> {
  const users = profiles.userProfiles().profiles;
  if (given === SANDBOX_PROFILE) return { name: given };
  const named = typeof given === 'string' ? users.find((p) => p.name === given) : undefined;
  if (named) return { name: named.name, provider: named.provider };
  const pick = await vscode.window.showQuickPick(
    [
      ...users.filter((p) => p.provider !== 'gateway').map((p) => ({ label: p.name, description: p.provider, provider: p.provider })),
      { label: SANDBOX_PROFILE, description: 'the built-in sandbox posts here by itself', provider: undefined },
    ],
    { title, placeHolder: "Which profile's webhooks?" },
  );
  return pick && { name: pick.label, provider: pick.provider };
}

export interface WebhookUrlResult {
  local: string;
  /** What VS Code's port forwarding made of it, when asked. */
  external?: string;
}

async function showWebhookUrl(inbox: Inbox, profiles: Profiles, given: unknown, choice?: string): Promise<WebhookUrlResult | undefined> {
  const target = await pickProfile(profiles, given, 'Inbox: receive webhooks');
  if (!target) return undefined;
  const receiver = await inbox.ensure(target.name, target.name === SANDBOX_PROFILE);
  const local = `${receiver.url}/webhook`;
  const where = target.provider ? WHERE_TO_REGISTER[target.provider] : undefined;
  const secrets = await inbox.secrets(target.name);
  const unset = (Object.keys(INBOX_SECRETS) as InboxSecretField[]).filter((f) => !secrets[f]).map((f) => INBOX_SECRETS[f].variable);
  const items = [
    { label: '$(globe) Forward the port with VS Code', description: 'vscode.env.asExternalUri', id: 'forward' },
    { label: '$(link-external) I use my own tunnel (ngrok, cloudflared)...', description: `it must point at port ${new URL(receiver.url).port}`, id: 'tunnel' },
    { label: '$(copy) Copy the local URL', description: local, id: 'copy' },
    { label: '$(key) Set the secrets it checks with...', description: unset.length ? `not set: ${unset.join(', ')}` : 'all set', id: 'secrets' },
  ];
  const pick = choice
    ? items.find((i) => i.id === choice)
    : await vscode.window.showQuickPick(items, { title: `Inbox for "${target.name}" listens at ${local}`, placeHolder: where ?? "Point the provider's webhooks at this URL", ignoreFocusOut: true });
  if (!pick) return { local };
  if (pick.id === 'copy') {
    await vscode.env.clipboard.writeText(local);
    return { local };
  }
  if (pick.id === 'secrets') {
    await vscode.commands.executeCommand(COMMANDS.setWebhookSecrets, target.name);
    return { local };
  }
  if (pick.id === 'forward') {
    // The receiver's root, then our path: a proxy (code-server, Codespaces) maps the root to its own base path.
    const root = (await vscode.env.asExternalUri(vscode.Uri.parse(`${receiver.url}/`))).toString(true);
    const external = `${root.replace(/\/?$/, '/')}webhook`;
    await vscode.env.clipboard.writeText(external);
    const isLocal = /^https?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(external);
    void vscode.window.showInformationMessage(
      isLocal
        ? `VS Code runs on this machine, so the URL stays ${external} (copied): a provider on the internet cannot reach it. Use the Ports view (Forward a Port, visibility Public) or your own tunnel.`
        : `Copied ${external}: register it with the provider${where ? ` (${where})` : ''}. In the Ports view, make the port Public so the provider can reach it.`,
    );
    return { local, external };
  }
  const base = await vscode.window.showInputBox({
    title: "Your tunnel's public URL",
    prompt: `Start it first, e.g. \`ngrok http ${new URL(receiver.url).port}\` or \`cloudflared tunnel --url ${receiver.url}\`, then paste the https URL it prints`,
    placeHolder: 'https://abc123.ngrok-free.app',
    ignoreFocusOut: true,
    validateInput: (v) => (/^https:\/\/[^\s/]+/.test(v.trim()) ? undefined : "The tunnel's https URL."),
  });
  if (!base) return { local };
  const external = `${base.trim().replace(/\/+$/, '')}/webhook`;
  await vscode.env.clipboard.writeText(external);
  void vscode.window.showInformationMessage(`Copied ${external}: register it with the provider${where ? ` (${where})` : ''}.`);
  return { local, external };
}

async function setWebhookSecrets(inbox: Inbox, profiles: Profiles, given: unknown): Promise<boolean> {
  if (!requireTrust('Setting webhook secrets')) return false;
  const target = await pickProfile(profiles, given, 'Inbox: set the secrets webhooks are checked with');
  if (!target) return false;
  if (target.name === SANDBOX_PROFILE) {
    void vscode.window.showInformationMessage("The Sandbox profile's webhook secrets are generated, and the sandbox signs with them: nothing to set.");
    return false;
  }
  const secrets = await inbox.secrets(target.name);
  const pick = await vscode.window.showQuickPick(
    (Object.keys(INBOX_SECRETS) as InboxSecretField[]).map((f) => ({ label: INBOX_SECRETS[f].label, description: secrets[f] ? 'set' : 'not set', field: f })),
    { title: `Webhook secrets of "${target.name}" (kept in SecretStorage)` },
  );
  if (!pick) return false;
  const value = await vscode.window.showInputBox({ title: pick.label, prompt: "Leave empty to remove it. Kept in VS Code's SecretStorage, never in settings.", password: true, ignoreFocusOut: true });
  if (value === undefined) return false;
  await inbox.setSecret(target.name, pick.field, value.trim() || undefined);
  void vscode.window.showInformationMessage(`${pick.label} of "${target.name}" ${value.trim() ? 'saved' : 'removed'}.`);
  return true;
}

/** The status bar item: shown while an inbox listens, with what arrived since the conversations were last seen. */
function statusItem(inbox: Inbox, store: ConversationStore): vscode.Disposable[] {
  const item = vscode.window.createStatusBarItem('messageWorkbench.inbox', vscode.StatusBarAlignment.Left, 49);
  item.name = 'Message Workbench: inbox';
  item.command = COMMANDS.openConversations;
  const refresh = async () => {
    const listening = inbox.listening();
    if (listening.length === 0) return item.hide();
    const fresh = store.book.unseen();
    const urls = await Promise.all(listening.map(async (p) => `${p} at ${(await inbox.urlOf(p)) ?? '?'}`));
    item.text = fresh > 0 ? `$(inbox) ${fresh} new` : '$(inbox) Inbox';
    item.tooltip = `Webhook inbox listening: ${urls.join('; ')}.${fresh > 0 ? ` ${fresh} new since you last looked.` : ''} Click to open the conversations.`;
    item.show();
  };
  return [item, inbox.onDidChangeState(refresh), store.onDidChange(refresh)];
}

export function register(inbox: Inbox, profiles: Profiles, store: ConversationStore, sandbox: SandboxHost): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.showWebhookUrl, (profile?: unknown, choice?: string) => showWebhookUrl(inbox, profiles, profile, choice)),
    vscode.commands.registerCommand(COMMANDS.setWebhookSecrets, (profile?: unknown) => setWebhookSecrets(inbox, profiles, profile)),
    vscode.commands.registerCommand(COMMANDS.stopInbox, async (profile?: unknown) => {
      const names = typeof profile === 'string' ? inbox.listening().filter((p) => p === profile) : inbox.listening();
      await inbox.stop(typeof profile === 'string' ? profile : undefined);
      // The sandbox posts to its inbox: it stops with it, and both start again with the next send.
      if (names.includes(SANDBOX_PROFILE)) await sandbox.stop();
      void vscode.window.showInformationMessage(
        names.length ? `Inbox stopped (${names.join(', ')}). The Sandbox's starts again with its next send; others with Show Webhook URL.` : 'The inbox is not listening.',
      );
    }),
    ...statusItem(inbox, store),
  ];
}
