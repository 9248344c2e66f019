/**
 * Environments: values for `{{NAME}}` placeholders. Plain values live in settings
 * (`messageWorkbench.environments`); secret values live in SecretStorage, their names in state.
 */
import * as vscode from 'vscode';
import type { SecretStore } from './secret-store';
import { COMMANDS, SECTION, SETTINGS, settingKey } from './ids';

/** State key: per environment, the names of its values kept in SecretStorage. */
const SECRET_VALUE_NAMES = 'messageWorkbench.environmentSecretNames';

export function register(environments: Environments): vscode.Disposable[] {
  return [vscode.commands.registerCommand(COMMANDS.selectEnvironment, () => environments.select()), vscode.commands.registerCommand(COMMANDS.setEnvironmentSecret, () => environments.setSecret())];
}

export class Environments {
  constructor(
    private readonly store: SecretStore,
    private readonly state: vscode.Memento,
  ) {}

  private config() {
    return vscode.workspace.getConfiguration(SECTION);
  }

  /** Environments from settings, and those that so far hold only secret values (set with "Set Secret Environment Value"). */
  names(): string[] {
    const envs = this.config().get<Record<string, unknown>>(SETTINGS.environments) ?? {};
    const secretOnly = Object.keys(this.state.get<Record<string, string[]>>(SECRET_VALUE_NAMES) ?? {});
    return [...new Set([...Object.keys(envs), ...secretOnly])];
  }

  active(): string | undefined {
    return this.config().get<string>(SETTINGS.activeEnvironment) || this.names()[0];
  }

  private secretNames(env: string): string[] {
    return (this.state.get<Record<string, string[]>>(SECRET_VALUE_NAMES) ?? {})[env] ?? [];
  }

  /** Every value of the active environment, secrets included (used only to fill a request). */
  async variables(): Promise<Record<string, string>> {
    const env = this.active();
    if (!env) return {};
    const plain = (this.config().get<Record<string, Record<string, unknown>>>(SETTINGS.environments) ?? {})[env] ?? {};
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(plain)) if (typeof v === 'string' || typeof v === 'number') out[k] = String(v);
    for (const name of this.secretNames(env)) {
      const v = await this.store.get(`env:${env}`, name);
      if (v !== undefined) out[name] = v;
    }
    return out;
  }

  /** The active environment's secret values, for the domain to keep out of results, history and the log. */
  async secretValues(): Promise<string[]> {
    const env = this.active();
    if (!env) return [];
    const values = await Promise.all(this.secretNames(env).map((name) => this.store.get(`env:${env}`, name)));
    return values.filter((v): v is string => typeof v === 'string' && v.length > 0);
  }

  async select(): Promise<void> {
    const names = this.names();
    if (names.length === 0) {
      const settings = 'Open Settings';
      const secret = 'Set Secret Value';
      void vscode.window
        .showInformationMessage(
          `No environments yet. Add one in settings: "${settingKey(SETTINGS.environments)}": { "dev": { "TO_NUMBER": "447700900000" } }, or store a secret value.`,
          settings,
          secret,
        )
        .then((a) => {
          if (a === settings) void vscode.commands.executeCommand('workbench.action.openSettings', settingKey(SETTINGS.environments));
          if (a === secret) void this.setSecret();
        });
      return;
    }
    const pick = await vscode.window.showQuickPick(names, { title: 'Active environment for {{placeholders}}' });
    if (pick) await this.config().update(SETTINGS.activeEnvironment, pick, vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);
  }

  /** Store one secret placeholder value in SecretStorage (never in settings). */
  async setSecret(): Promise<void> {
    const env = this.active() ?? (await vscode.window.showInputBox({ title: 'Environment name', value: 'dev', ignoreFocusOut: true }));
    if (!env) return;
    const name = await vscode.window.showInputBox({
      title: `Secret value in environment "${env}": name`,
      prompt: 'The placeholder name, as in {{NAME}}',
      ignoreFocusOut: true,
      validateInput: (v) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(v) ? undefined : 'A name is letters, digits and _, not starting with a digit.'),
    });
    if (!name) return;
    const value = await vscode.window.showInputBox({ title: `Value of {{${name}}} in "${env}"`, password: true, ignoreFocusOut: true });
    if (value === undefined) return;
    await this.store.set(`env:${env}`, name, value);
    const all = this.state.get<Record<string, string[]>>(SECRET_VALUE_NAMES) ?? {};
    all[env] = [...new Set([...(all[env] ?? []), name])];
    await this.state.update(SECRET_VALUE_NAMES, all);
    void vscode.window.showInformationMessage(`{{${name}}} is stored in SecretStorage for environment "${env}".`);
  }
}
