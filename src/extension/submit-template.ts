/**
 * "Submit Template": the open definition file, checked by Meta's rules first, submitted to the
 * account of the active profile, and Meta's answer explained. In the sandbox the review follows a
 * moment later: its outcome is shown and the pulled catalog refreshed.
 */
import * as vscode from 'vscode';
import { domain, validation } from './lazy-domain';
import type { Profiles } from './profiles';
import { isDefinitionDocument } from './payload-files';
import { pullTemplates, type PullDeps } from './pull-templates';
import { SANDBOX_PROFILE, type SandboxHost } from './sandbox-host';
import { requireTrust } from './trust';
import { COMMANDS, SECTION, SETTINGS } from './ids';

export interface SubmitDeps extends PullDeps {
  profiles: Profiles;
  sandbox: SandboxHost;
}

type PushOutcome = Awaited<ReturnType<ReturnType<typeof domain>['pushTemplate']>>;

export async function submitTemplate(uri: vscode.Uri | undefined, deps: SubmitDeps): Promise<PushOutcome | undefined> {
  if (!requireTrust('Submitting templates')) return undefined;
  const doc = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!doc || !isDefinitionDocument(doc)) {
    void vscode.window.showWarningMessage('Open a template definition (*.template.json or *.whatsapp-template.json) to submit it.');
    return undefined;
  }
  const file = vscode.workspace.asRelativePath(doc.uri);
  // The schema too: the editor's diagnostics leave it to the JSON service, a submission may not.
  const result = validation().validateText(doc.getText(), { fileName: doc.uri.path, providerId: 'whatsapp-template' });
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    const show = 'Show Problems';
    void vscode.window.showErrorMessage(`Not submitted: ${file} has ${errors.length} error${errors.length === 1 ? '' : 's'} Meta would reject it for (first: ${errors[0].message})`, show).then((a) => {
      if (a === show) void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
    return undefined;
  }
  let resolved;
  try {
    resolved = await deps.profiles.resolveFor('whatsapp');
  } catch (e) {
    void vscode.window.showErrorMessage(`Not submitted: the sandbox could not start (${(e as Error).message}).`);
    return undefined;
  }
  if (!resolved) return undefined;
  const { profile, secrets } = resolved;
  const d = domain();
  let outcome: PushOutcome;
  try {
    const target = d.templateApiTarget(profile);
    const timeout = (vscode.workspace.getConfiguration(SECTION).get<number>(SETTINGS.httpTimeoutSeconds) ?? 30) * 1000;
    outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Submitting ${file} with ${profile.name}` }, () =>
      d.pushTemplate(target, result.doc.value as Record<string, unknown>, secrets, { responseTimeoutMs: timeout }),
    );
  } catch (e) {
    void vscode.window.showErrorMessage(`Not submitted: ${(e as Error).message}`);
    return undefined;
  }
  deps.log.info(`submit ${file} with ${profile.name}: ${outcome.outcome}\n${outcome.message}`);
  if (outcome.outcome === 'created') {
    const pull = 'Pull Templates';
    void vscode.window.showInformationMessage(outcome.message.replace(/\n/g, ' '), ...(resolved.sandbox ? [] : [pull])).then((a) => {
      if (a === pull) void vscode.commands.executeCommand(COMMANDS.pullTemplates);
    });
  } else {
    const details = 'Show Details';
    void vscode.window.showErrorMessage(outcome.message.split('\n').slice(0, 2).join(' '), details).then((a) => {
      if (a === details) deps.log.show(true);
    });
  }
  return outcome;
}

export function register(deps: SubmitDeps): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.submitTemplate, (uri?: vscode.Uri) => submitTemplate(uri, deps)),
    // The sandbox reviews in a moment: say how it went, and bring the pulled catalog up to date.
    deps.sandbox.onTemplateStatus(({ change }) => {
      const reason = change.rejectionInfo ? `: ${change.rejectionInfo.reason}` : change.reason !== 'NONE' ? ` (${change.reason})` : '';
      const text = `Sandbox review: template ${change.name} (${change.language}) is ${change.event}${reason}`;
      deps.log.info(text);
      void (change.event === 'APPROVED' ? vscode.window.showInformationMessage(text) : vscode.window.showWarningMessage(text));
      // Only when the sandbox is the active profile: otherwise a pull would ask for, or reach, another account.
      if (vscode.workspace.workspaceFolders?.length && deps.profiles.activeName() === SANDBOX_PROFILE) void pullTemplates(deps, true);
    }),
  ];
}
