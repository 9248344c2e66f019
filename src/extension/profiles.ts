/**
 * Profiles: where sends go. User profiles live in settings (`messageWorkbench.profiles`, no
 * secrets); the built-in "Sandbox" profile serves every provider from the local simulator.
 * The active profile is shown in the status bar.
 */
import * as vscode from 'vscode';
import type { AuthKind } from '../core/auth/kinds';
import type { Profile, Secrets } from '../core/profile';
import type { SecretStore } from './secret-store';
import { domain } from './lazy-domain';
import { isPayloadDocument } from './payload-files';
import { SANDBOX_PROFILE, type SandboxHost } from './sandbox-host';
import { COMMANDS, SECTION, SETTINGS } from './ids';

const CONFIRMED_HOSTS = 'messageWorkbench.confirmedHosts';

export interface ResolvedProfile {
  profile: Profile;
  secrets: Secrets;
  sandbox: boolean;
}

export class Profiles implements vscode.Disposable {
  private readonly status = vscode.window.createStatusBarItem('messageWorkbench.profile', vscode.StatusBarAlignment.Left, 50);
  private readonly listeners: vscode.Disposable[] = [];

  constructor(
    private readonly store: SecretStore,
    private readonly sandbox: SandboxHost,
    private readonly state: vscode.Memento,
  ) {
    this.status.name = 'Message Workbench: profile';
    this.status.command = COMMANDS.selectProfile;
    this.listeners.push(
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(SECTION) && this.refreshStatus()),
      vscode.window.onDidChangeActiveTextEditor(() => this.refreshStatus()),
    );
    this.refreshStatus();
  }

  /** Profiles from settings, with the reason for each one that is malformed. */
  userProfiles(): { profiles: Profile[]; problems: string[] } {
    const list = vscode.workspace.getConfiguration(SECTION).get<unknown[]>(SETTINGS.profiles) ?? [];
    const profiles: Profile[] = [];
    const problems: string[] = [];
    (Array.isArray(list) ? list : []).forEach((item, i) => {
      const where = `Setting messageWorkbench.profiles[${i}]`;
      const p = domain().checkProfile(item, where);
      // Same name, same SecretStorage keys: its credentials would overwrite the sandbox's.
      if (typeof p !== 'string' && p.name === SANDBOX_PROFILE) problems.push(`${where}: the name "${SANDBOX_PROFILE}" belongs to the built-in sandbox profile; give this profile another name.`);
      else if (typeof p === 'string') problems.push(p);
      else profiles.push(p);
    });
    return { profiles, problems };
  }

  activeName(): string {
    return vscode.workspace.getConfiguration(SECTION).get<string>(SETTINGS.activeProfile) || SANDBOX_PROFILE;
  }

  async setActive(name: string): Promise<void> {
    const target = vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await vscode.workspace.getConfiguration(SECTION).update(SETTINGS.activeProfile, name, target);
    this.refreshStatus();
  }

  refreshStatus(): void {
    const name = this.activeName();
    this.status.text = `$(${name === SANDBOX_PROFILE ? 'beaker' : 'broadcast'}) ${name}`;
    this.status.tooltip =
      name === SANDBOX_PROFILE ? 'Message Workbench sends to the built-in local sandbox. Click to choose a profile.' : `Message Workbench sends with profile "${name}". Click to choose another.`;
    const editor = vscode.window.activeTextEditor;
    if (editor && isPayloadDocument(editor.document)) this.status.show();
    else this.status.hide();
  }

  /** The built-in sandbox profile for a provider, starting the sandbox if needed. */
  async sandboxProfile(providerId: string, auth?: AuthKind): Promise<ResolvedProfile> {
    const { sandbox, credentials } = await this.sandbox.ensure();
    const provider = domain().providerOf(providerId);
    const kind = auth ?? provider.auth[0].kind;
    const profile: Profile = {
      name: SANDBOX_PROFILE,
      provider: provider.id,
      auth: kind,
      endpoint: provider.sandboxEndpoint(sandbox.url, kind),
      applicationId: credentials.applicationId,
      apiKey: credentials.apiKey,
      ...provider.sandboxProfile,
    };
    return { profile, secrets: credentials.secrets, sandbox: true };
  }

  /** Secrets of a user profile, from SecretStorage only. */
  async secretsOf(profile: Profile): Promise<Secrets> {
    return this.store.all(profile.name);
  }

  /**
   * The profile to send a file of `provider` with: the active one when it serves that provider,
   * else the user's pick among those that do. Undefined when the user cancels.
   */
  async resolveFor(provider: string): Promise<ResolvedProfile | undefined> {
    const active = this.activeName();
    const { profiles } = this.userProfiles();
    let chosen: Profile | undefined;
    if (active === SANDBOX_PROFILE) return this.sandboxProfile(provider);
    chosen = profiles.find((p) => p.name === active && p.provider === provider);
    if (!chosen) {
      const candidates = profiles.filter((p) => p.provider === provider);
      const pick = await vscode.window.showQuickPick([{ label: SANDBOX_PROFILE, description: 'built-in local sandbox' }, ...candidates.map((p) => ({ label: p.name, description: p.endpoint }))], {
        title: `Send this ${provider} payload with which profile?`,
        placeHolder: `The active profile "${active}" is not a ${provider} profile`,
      });
      if (!pick) return undefined;
      if (pick.label === SANDBOX_PROFILE) return this.sandboxProfile(provider);
      chosen = candidates.find((p) => p.name === pick.label)!;
    }
    if (!(await this.confirmHost(chosen))) return undefined;
    return { profile: chosen, secrets: await this.secretsOf(chosen), sandbox: false };
  }

  /**
   * The profile a recorded send used, by its name, if it still exists for that provider (after the
   * same host check as any send). A string says why not.
   */
  async byName(name: string, provider: string, auth: AuthKind): Promise<ResolvedProfile | string | undefined> {
    if (name === SANDBOX_PROFILE) return this.sandboxProfile(provider, auth);
    const found = this.userProfiles().profiles.find((p) => p.name === name);
    if (!found) return `Profile "${name}" no longer exists in the settings (messageWorkbench.profiles).`;
    if (found.provider !== provider) return `Profile "${name}" is now a ${found.provider} profile; this message was sent with it as a ${provider} profile.`;
    if (!(await this.confirmHost(found))) return undefined;
    return { profile: found, secrets: await this.secretsOf(found), sandbox: false };
  }

  /** Remember the host a profile's secrets were set for. */
  async rememberHost(profile: Profile): Promise<void> {
    const hosts = this.state.get<Record<string, string>>(CONFIRMED_HOSTS) ?? {};
    hosts[profile.name] = new URL(profile.endpoint).host;
    await this.state.update(CONFIRMED_HOSTS, hosts);
  }

  /**
   * A profile whose endpoint now names another host than the one its secrets were set for (a
   * workspace setting can do that) sends them only after the user says yes.
   */
  private async confirmHost(profile: Profile): Promise<boolean> {
    const hosts = this.state.get<Record<string, string>>(CONFIRMED_HOSTS) ?? {};
    const host = new URL(profile.endpoint).host;
    const known = hosts[profile.name];
    if (!known || known === host) {
      if (!known) await this.rememberHost(profile);
      return true;
    }
    const yes = 'Send to ' + host;
    const answer = await vscode.window.showWarningMessage(
      `Profile "${profile.name}" now points at ${host}, but its credentials were set for ${known}. A workspace setting may have changed it. Send the credentials to ${host}?`,
      { modal: true },
      yes,
    );
    if (answer !== yes) return false;
    await this.rememberHost(profile);
    return true;
  }

  dispose(): void {
    this.status.dispose();
    this.listeners.forEach((d) => d.dispose());
  }
}
