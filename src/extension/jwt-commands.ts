/** Generate a Vonage application JWT (copied to the clipboard) and decode any JWT. */
import * as vscode from 'vscode';
import type { Profiles } from './profiles';
import { domain } from './lazy-domain';
import { SANDBOX_PROFILE } from './sandbox-host';
import { requireTrust } from './trust';
import { COMMANDS } from './ids';

export function register(profiles: Profiles): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.generateJwt, async () => {
      if (!requireTrust('Generating a JWT')) return undefined;
      const jwtProfiles = profiles.userProfiles().profiles.filter((p) => p.auth === 'jwt');
      const pick = await vscode.window.showQuickPick([SANDBOX_PROFILE, ...jwtProfiles.map((p) => p.name)], { title: 'Generate a JWT for which profile?' });
      if (!pick) return undefined;
      const user = jwtProfiles.find((p) => p.name === pick);
      const resolved = pick === SANDBOX_PROFILE || !user ? await profiles.sandboxProfile('vonage') : { profile: user, secrets: await profiles.secretsOf(user) };
      if (!resolved.secrets.privateKey) {
        void vscode.window.showErrorMessage(`Profile "${pick}" has no private key: run "Message Workbench: Set Credentials" or "Import Private Key".`);
        return undefined;
      }
      const ttlText = await vscode.window.showInputBox({
        title: 'Lifetime in seconds',
        value: String(domain().DEFAULT_TTL_SECONDS),
        validateInput: (v) => (/^\d+$/.test(v) && Number(v) > 0 && Number(v) <= domain().MAX_TTL_SECONDS ? undefined : `A whole number of seconds, at most ${domain().MAX_TTL_SECONDS} (24 h).`),
      });
      if (!ttlText) return undefined;
      try {
        const token = await domain().signVonageJwt({ applicationId: resolved.profile.applicationId ?? '', privateKey: resolved.secrets.privateKey, ttlSeconds: Number(ttlText) });
        await vscode.env.clipboard.writeText(token);
        const expires = new Date(Date.now() + Number(ttlText) * 1000);
        void vscode.window.showInformationMessage(`JWT for "${pick}" copied to the clipboard. It expires in ${Math.round(Number(ttlText) / 60)} minutes, at ${expires.toLocaleTimeString()}.`);
        return true;
      } catch (e) {
        void vscode.window.showErrorMessage((e as Error).message);
        return undefined;
      }
    }),
    vscode.commands.registerCommand(COMMANDS.decodeJwt, async (given?: string) => {
      const editor = vscode.window.activeTextEditor;
      const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection).trim() : undefined;
      const token = given ?? (await vscode.window.showInputBox({ title: 'Decode a JWT', value: selected, prompt: 'The token (it is decoded locally, not verified)', ignoreFocusOut: true }));
      if (!token) return undefined;
      try {
        const decoded = domain().decodeToken(token);
        const doc = await vscode.workspace.openTextDocument({
          language: 'jsonc',
          content: `// ${decoded.validity}. The signature is not verified.\n${JSON.stringify({ header: decoded.header, claims: decoded.claims }, null, 2)}\n`,
        });
        await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
        return decoded;
      } catch (e) {
        const why = (e as Error).message;
        void vscode.window.showErrorMessage(/not a JWT/i.test(why) ? why : `Not a JWT: ${why}`);
        return undefined;
      }
    }),
  ];
}
