/**
 * Sending from the editor: "Send Message" (palette, editor title, code lens), "Copy as cURL" and
 * "Mark as Read". Secrets come from SecretStorage; results are explained (deliver.ts).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SendResult } from '../pipeline/send';
import { domain, validation } from './lazy-domain';
import type { SendDeps } from './send-deps';
import { deliver, responseTimeoutMs } from './deliver';
import type { ResolvedProfile } from './profiles';
import { applyHttpSettings } from './http-settings';
import { PAYLOAD_SELECTOR, isPayloadDocument, isPayloadUri } from './payload-files';
import { PAYLOAD_PATTERNS } from './payload-suffixes';
import type { Profiles } from './profiles';
import { requireTrust } from './trust';
import { COMMANDS } from './ids';

export async function documentFor(uri: vscode.Uri | undefined, purpose: string): Promise<vscode.TextDocument | undefined> {
  const doc = vscode.window.activeTextEditor?.document;
  if (!(uri instanceof vscode.Uri) && doc && isPayloadDocument(doc)) return doc;
  // A payload file VS Code would not open as text (binary, unknown encoding) has a tab but no text editor.
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  const target = uri instanceof vscode.Uri ? uri : tab instanceof vscode.TabInputText && isPayloadUri(tab.uri) ? tab.uri : undefined;
  if (!target) {
    void vscode.window.showWarningMessage(`Open a payload file (${PAYLOAD_PATTERNS}) to ${purpose}.`);
    return undefined;
  }
  try {
    return await vscode.workspace.openTextDocument(target);
  } catch {
    void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(target)} cannot be read as text (binary, or not UTF-8). A payload file holds one JSON object.`);
    return undefined;
  }
}

/** The profile a document goes with: its provider decides; says why when there is none. */
export async function profileForDocument(doc: vscode.TextDocument, deps: SendDeps): Promise<ResolvedProfile | undefined> {
  const file = vscode.workspace.asRelativePath(doc.uri);
  // The provider decides the profile; the validation that decides whether to send comes back from prepareSend.
  const webhook = deps.validations.get(doc).webhook;
  if (webhook) {
    void vscode.window.showErrorMessage(domain().webhookRefusal(file, webhook.label));
    return undefined;
  }
  const providerId = validation().resolveProvider(doc.uri.path, undefined)?.id ?? deps.validations.get(doc).provider?.id;
  if (!providerId) {
    const first = deps.validations.get(doc).problems.find((p) => p.severity === 'error' && p.code !== 'unknown-provider');
    void vscode.window.showErrorMessage(
      first ? `Not sent: ${file}: ${first.message}` : `Not sent: ${file} is not a payload file of a known provider. Name it with a provider suffix, e.g. .vonage.json.`,
    );
    return undefined;
  }
  try {
    return await deps.profiles.resolveFor(providerId);
  } catch (e) {
    void vscode.window.showErrorMessage(`Not sent: the sandbox could not start (${(e as Error).message}).`);
    return undefined;
  }
}

/** Send one document; returns the result (the command returns it too, for tests and scripts). */
export async function sendDocument(doc: vscode.TextDocument, deps: SendDeps): Promise<SendResult | undefined> {
  if (!requireTrust('Sending')) return undefined;
  const file = vscode.workspace.asRelativePath(doc.uri);
  const text = doc.getText();
  const templates = await deps.templates.ready();
  const resolved = await profileForDocument(doc, deps);
  if (!resolved) return undefined;
  const { profile } = resolved;
  const prepared = domain().prepareSend({ text, fileName: file, profile, variables: await deps.environments.variables(), templates });
  if (!prepared.ok) {
    const errors = prepared.validation.problems.filter((p) => p.severity === 'error');
    if (prepared.reason === 'invalid' && errors.length > 0) {
      const show = 'Show Problems';
      void vscode.window
        .showErrorMessage(
          `Not sent: ${file} has ${errors.length} error${errors.length === 1 ? '' : 's'} (first: ${errors[0].message}) Fix ${errors.length === 1 ? 'it' : 'them'} and send again.`,
          show,
        )
        .then((a) => {
          if (a === show) void vscode.commands.executeCommand('workbench.actions.view.problems');
        });
      return undefined;
    }
    const select = 'Select Environment';
    void vscode.window.showErrorMessage(prepared.message, ...(prepared.reason === 'placeholders' ? [select] : [])).then((a) => {
      if (a === select) void vscode.commands.executeCommand(COMMANDS.selectEnvironment);
    });
    return undefined;
  }

  return deliver({ prepared, resolved, file, title: `Sending ${path.basename(doc.uri.path)} with ${profile.name}` }, deps);
}

class SendCodeLens implements vscode.CodeLensProvider {
  constructor(private readonly profiles: Profiles) {}

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const top = new vscode.Range(0, 0, 0, 0);
    return [
      new vscode.CodeLens(top, { title: `$(send) Send with ${this.profiles.activeName()}`, command: COMMANDS.sendMessage, arguments: [doc.uri] }),
      new vscode.CodeLens(top, { title: '$(open-preview) Preview', command: COMMANDS.openPreviewToSide, arguments: [doc.uri] }),
      new vscode.CodeLens(top, { title: '$(terminal) Copy as cURL', command: COMMANDS.copyAsCurl, arguments: [doc.uri] }),
    ];
  }
}

export function register(deps: SendDeps): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.sendMessage, async (uri?: vscode.Uri) => {
      const doc = await documentFor(uri, 'send it');
      return doc ? sendDocument(doc, deps) : undefined;
    }),
    vscode.languages.registerCodeLensProvider(PAYLOAD_SELECTOR, new SendCodeLens(deps.profiles)),
    vscode.commands.registerCommand(COMMANDS.copyAsCurl, async (uri?: vscode.Uri) => {
      const doc = await documentFor(uri, 'copy it as a cURL command');
      if (!doc) return undefined;
      const file = vscode.workspace.asRelativePath(doc.uri);
      const check = deps.validations.get(doc);
      const provider = check.provider?.id;
      if (!provider) {
        // As for Send: an empty or broken file says what is wrong with it, not just "unknown provider".
        const first = check.problems.find((p) => p.severity === 'error' && p.code !== 'unknown-provider');
        void vscode.window.showErrorMessage(
          first ? `Cannot copy as cURL: ${file}: ${first.message}` : `${file} is not a payload file of a known provider. Name it with a provider suffix, e.g. .vonage.json.`,
        );
        return undefined;
      }
      const resolved = await deps.profiles.resolveFor(provider);
      if (!resolved) return undefined;
      // Placeholders stay `$NAME` references and no secret is read: the command is safe to share.
      const prepared = domain().prepareSend({ text: doc.getText(), fileName: file, profile: resolved.profile, variables: {}, keepPlaceholders: true, templates: await deps.templates.ready() });
      if (!prepared.ok) {
        void vscode.window.showErrorMessage(prepared.message);
        return undefined;
      }
      const curl = await domain().curlFor(prepared, resolved.profile, resolved.sandbox ? resolved.secrets : undefined);
      await vscode.env.clipboard.writeText(curl);
      void vscode.window.showInformationMessage(
        resolved.sandbox
          ? `curl command for ${file} copied: it carries the built-in sandbox's throwaway credentials and runs as pasted while the sandbox runs.`
          : `curl command for ${file} copied (${resolved.profile.name}); credentials appear as $VARIABLES.`,
      );
      return curl;
    }),
    vscode.commands.registerCommand(COMMANDS.markAsRead, async (messageId?: string, provider?: string) => {
      if (!requireTrust('Marking messages as read')) return undefined;
      const doc = vscode.window.activeTextEditor?.document;
      const fromFile = doc && isPayloadDocument(doc) ? deps.validations.get(doc).provider?.id : undefined;
      const readable = domain()
        .PROVIDERS.filter((p) => p.buildMarkRead)
        .map((p) => p.id);
      const prov = provider ?? fromFile ?? (await vscode.window.showQuickPick(readable, { title: 'Mark as read: which API received the message?' }));
      if (!prov) return undefined;
      const id =
        messageId ??
        (await vscode.window.showInputBox({
          title: 'Mark as read',
          prompt: 'The id of the message your customer sent (from the inbound webhook)',
          ignoreFocusOut: true,
          validateInput: (v) => (v.trim() ? undefined : 'Enter a message id.'),
        }));
      if (!id) return undefined;
      const resolved = await deps.profiles.resolveFor(prov);
      if (!resolved) return undefined;
      applyHttpSettings();
      const result = await domain().markRead(id.trim(), resolved.profile, resolved.secrets, { http: { timeoutMs: responseTimeoutMs() } });
      if (result.ok) void vscode.window.showInformationMessage(`Marked ${id} as read (${resolved.profile.name}, HTTP ${result.status}).`);
      else void vscode.window.showErrorMessage(`Could not mark ${id} as read: ${result.problem}`);
      return result;
    }),
  ];
}
