/**
 * "Pull Templates": the account's WhatsApp templates (with status and rejection reason) into
 * whatsapp.templates.json at the workspace root, where the lint and the preview read them. The
 * active profile decides the account (the sandbox by default).
 */
import * as vscode from 'vscode';
import { domain, validation } from './lazy-domain';
import type { Profiles } from './profiles';
import type { WorkspaceTemplates } from './workspace-templates';
import { requireTrust } from './trust';
import { COMMANDS, SECTION, SETTINGS } from './ids';

export interface PullDeps {
  profiles: Profiles;
  templates: WorkspaceTemplates;
  log: vscode.LogOutputChannel;
}

export interface PullOutcome {
  file: vscode.Uri;
  count: number;
  byStatus: Record<string, number>;
}

/** Pull into the workspace catalog; `quiet` shows only failures (a refresh after a sandbox review). */
export async function pullTemplates(deps: PullDeps, quiet = false): Promise<PullOutcome | undefined> {
  if (!requireTrust('Pulling templates')) return undefined;
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showErrorMessage('Open a folder first: the templates are written to whatsapp.templates.json in it.');
    return undefined;
  }
  const d = domain();
  const file = vscode.Uri.joinPath(folder.uri, d.PULLED_CATALOG_FILE);
  // Overwrite only a catalog pulled before: a hand-written one holds work the account does not have.
  const previous = await vscode.workspace.fs.readFile(file).then(
    (b) => new TextDecoder().decode(b),
    () => undefined,
  );
  if (previous?.trim() && !validation().readCatalog(previous).pulled) {
    void vscode.window.showErrorMessage(`${d.PULLED_CATALOG_FILE} exists and was not written by a pull; it is not overwritten. Move it away and pull again.`);
    return undefined;
  }
  let resolved;
  try {
    resolved = await deps.profiles.resolveFor('whatsapp');
  } catch (e) {
    void vscode.window.showErrorMessage(`Templates not pulled: the sandbox could not start (${(e as Error).message}).`);
    return undefined;
  }
  if (!resolved) return undefined;
  const { profile, secrets } = resolved;
  try {
    const target = d.templateApiTarget(profile);
    const timeout = (vscode.workspace.getConfiguration(SECTION).get<number>(SETTINGS.httpTimeoutSeconds) ?? 30) * 1000;
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Pulling templates with ${profile.name}` }, () =>
      d.pullTemplates(target, secrets, { responseTimeoutMs: timeout }),
    );
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(d.pulledCatalogText(target.url, result.templates, new Date())));
    await deps.templates.reload(file);
    const byStatus = d.statusCounts(result.templates);
    const summary =
      Object.entries(byStatus)
        .map(([s, n]) => `${n} ${s.toLowerCase()}`)
        .join(', ') || 'none';
    deps.log.info(`pull templates with ${profile.name}: ${result.templates.length} from ${target.url} (${result.pages} pages): ${summary}`);
    if (!quiet) {
      const open = 'Open Catalog';
      void vscode.window
        .showInformationMessage(`Pulled ${result.templates.length} template${result.templates.length === 1 ? '' : 's'} with ${profile.name} into ${d.PULLED_CATALOG_FILE}: ${summary}.`, open)
        .then((a) => {
          if (a === open) void vscode.window.showTextDocument(file);
        });
    }
    return { file, count: result.templates.length, byStatus };
  } catch (e) {
    // ProfileError (no WABA id) and TemplateApiError (the API's answer) carry a sentence to show.
    const message = (e as Error).message;
    deps.log.warn(`pull templates with ${profile.name} failed: ${message}`);
    void vscode.window.showErrorMessage(`Templates not pulled: ${message}`);
    return undefined;
  }
}

export function register(deps: PullDeps): vscode.Disposable[] {
  return [vscode.commands.registerCommand(COMMANDS.pullTemplates, () => pullTemplates(deps))];
}
