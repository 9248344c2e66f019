/** Set, import and clear a profile's credentials, and choose the active profile. */
import * as vscode from 'vscode';
import type { Profile } from '../core/profile';
import type { SecretStore } from './secret-store';
import { domain } from './lazy-domain';
import type { Profiles } from './profiles';
import { SANDBOX_PROFILE, type SandboxHost } from './sandbox-host';
import { requireTrust } from './trust';
import { COMMANDS, SETTINGS, settingKey } from './ids';

const ADD_PROFILE = '$(add) Add a profile in settings...';

async function pickUserProfile(profiles: Profiles, title: string): Promise<Profile | undefined> {
  const { profiles: list, problems } = profiles.userProfiles();
  if (problems.length > 0) void vscode.window.showWarningMessage(problems.join(' '));
  const pick = await vscode.window.showQuickPick([...list.map((p) => ({ label: p.name, description: `${p.provider} · ${p.auth} · ${p.endpoint}` })), { label: ADD_PROFILE, description: '' }], {
    title,
  });
  if (!pick) return undefined;
  if (pick.label === ADD_PROFILE) {
    await openProfileSettings();
    return undefined;
  }
  return list.find((p) => p.name === pick.label);
}

/**
 * The setting itself (its description, and "Edit in settings.json", which writes the key for
 * you) rather than a bare settings.json that says nothing about the shape; the example follows.
 */
async function openProfileSettings(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.openSettings', settingKey(SETTINGS.profiles));
  void vscode.window.showInformationMessage(
    `Add a profile to "${settingKey(SETTINGS.profiles)}", e.g. { "name": "Vonage prod", "provider": "vonage", "auth": "jwt", "applicationId": "<uuid>" }. Secrets never go in settings: set them with "Set Credentials".`,
  );
}

async function readPem(uri: vscode.Uri): Promise<string | undefined> {
  const bytes = await vscode.workspace.fs.readFile(uri);
  if (bytes.length > 64 * 1024) {
    void vscode.window.showErrorMessage(`${uri.fsPath} is ${Math.round(bytes.length / 1024)} KB: too big to be a private key. Choose the private.key file of your Vonage application.`);
    return undefined;
  }
  return new TextDecoder().decode(bytes);
}

async function storePrivateKey(store: SecretStore, profile: Profile, pem: string, from: string): Promise<boolean> {
  const problem = domain().privateKeyProblem(pem);
  if (problem) {
    void vscode.window.showErrorMessage(`${from}: ${problem}`);
    return false;
  }
  await store.set(profile.name, 'privateKey', pem.trim() + '\n');
  return true;
}

export function register(store: SecretStore, profiles: Profiles, sandbox: SandboxHost): vscode.Disposable[] {
  const importKey = async (profile?: Profile): Promise<boolean> => {
    const target = profile ?? (await pickUserProfile(profiles, 'Import a private key for which profile?'));
    if (!target) return false;
    const files = await vscode.window.showOpenDialog({
      title: 'Choose the private key (private.key)',
      canSelectMany: false,
      openLabel: 'Import Key',
      filters: { 'Private key': ['key', 'pem', 'txt'], 'All files': ['*'] },
    });
    if (!files?.[0]) return false;
    const pem = await readPem(files[0]);
    if (pem === undefined || !(await storePrivateKey(store, target, pem, files[0].fsPath))) return false;
    await profiles.rememberHost(target);
    void vscode.window.showInformationMessage(`The private key is now in SecretStorage for "${target.name}". The file is not referenced again: you can move it somewhere safe.`);
    return true;
  };

  return [
    vscode.commands.registerCommand(COMMANDS.selectProfile, async () => {
      const { profiles: list } = profiles.userProfiles();
      const active = profiles.activeName();
      const pick = await vscode.window.showQuickPick(
        [
          { label: SANDBOX_PROFILE, description: 'built-in local sandbox (no account needed)', picked: active === SANDBOX_PROFILE },
          ...list.map((p) => ({ label: p.name, description: `${p.provider} · ${p.endpoint}`, picked: active === p.name })),
          { label: ADD_PROFILE, description: '' },
        ],
        { title: 'Message Workbench: active profile', placeHolder: `Now: ${active}` },
      );
      if (!pick) return;
      if (pick.label === ADD_PROFILE) await openProfileSettings();
      else await profiles.setActive(pick.label);
    }),

    vscode.commands.registerCommand(COMMANDS.setCredentials, async () => {
      if (!requireTrust('Setting credentials')) return;
      const profile = await pickUserProfile(profiles, 'Set credentials for which profile?');
      if (!profile) return;
      const secretInput = async (title: string, prompt: string, validate?: (v: string) => string | undefined) =>
        vscode.window.showInputBox({ title, prompt, password: true, ignoreFocusOut: true, validateInput: (v) => (!v.trim() ? 'Enter a value, or press Escape.' : validate?.(v.trim())) });
      const auth = domain().authDefOf(profile.provider, profile.auth);
      if (!auth) return;
      if (auth.kind === 'jwt') {
        const idProblem = domain().applicationIdProblem(profile.applicationId);
        if (idProblem) {
          void vscode.window.showErrorMessage(`Profile "${profile.name}": ${idProblem} Set "applicationId" in the profile's settings (it is not a secret).`);
          return;
        }
        const how = await vscode.window.showQuickPick(['Import from a file...', 'Paste the PEM text...'], { title: `Private key for "${profile.name}"` });
        if (!how) return;
        if (how.startsWith('Import')) {
          await importKey(profile);
          return;
        }
        const pem = await vscode.window.showInputBox({
          title: 'Paste the private key',
          prompt: 'The whole PEM, from its BEGIN PRIVATE KEY line to its END line',
          password: true,
          ignoreFocusOut: true,
          validateInput: (v) => domain().privateKeyProblem(v.replace(/\\n/g, '\n')),
        });
        if (!pem || !(await storePrivateKey(store, profile, pem.replace(/\\n/g, '\n'), 'The pasted key'))) return;
      } else {
        const identity = auth.identity ? profile[auth.identity.field] : undefined;
        const prompt = auth.identity ? `The ${auth.secret.label} of ${auth.identity.label} ${identity ?? `(set "${auth.identity.field}" in the profile)`}` : `The ${auth.secret.label} (${auth.label})`;
        const value = await secretInput(`${auth.secret.label[0].toUpperCase()}${auth.secret.label.slice(1)} for "${profile.name}"`, prompt, (v) =>
          /\s/.test(v) ? 'A credential has no spaces.' : undefined,
        );
        if (!value) return;
        await store.set(profile.name, auth.secret.field, value.trim());
      }
      await profiles.rememberHost(profile);
      void vscode.window.showInformationMessage(`Credentials for "${profile.name}" are stored in SecretStorage. They will be sent only to ${new URL(profile.endpoint).host}.`);
    }),

    vscode.commands.registerCommand(COMMANDS.importPrivateKey, () => (requireTrust('Importing a key') ? importKey() : false)),

    vscode.commands.registerCommand(COMMANDS.clearCredentials, async () => {
      const { profiles: list } = profiles.userProfiles();
      const sandboxItem = `${SANDBOX_PROFILE} (regenerate its keys)`;
      const pick = await vscode.window.showQuickPick([...list.map((p) => p.name), sandboxItem], { title: 'Clear the credentials of which profile?' });
      if (!pick) return;
      // Exact match: a user profile may be named "Sandbox staging".
      const name = pick === sandboxItem ? SANDBOX_PROFILE : pick;
      const yes = 'Clear';
      if ((await vscode.window.showWarningMessage(`Remove every secret of "${name}" from SecretStorage?`, { modal: true }, yes)) !== yes) return;
      await store.clear(name);
      if (name === SANDBOX_PROFILE) await sandbox.stop();
      void vscode.window.showInformationMessage(`Cleared the credentials of "${name}".`);
    }),
  ];
}
