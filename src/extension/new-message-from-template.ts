/**
 * "New Message from Template...": pick an approved template of the workspace catalog and a provider
 * (Cloud API, Vonage v1, Vonage legacy), and get a send payload with every parameter in place
 * (the definition's example values), ready to edit and send. Also what a send refused for a closed
 * 24 h window (131047 / 470) offers: the templates that can go instead.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TemplateDefinition } from '../core/templates';
import { domain } from './lazy-domain';
import type { WorkspaceTemplates } from './workspace-templates';
import { COMMANDS } from './ids';

/** What a caller may know already (a failed send: its file, recipient, provider). */
export interface NewMessageArgs {
  uri?: vscode.Uri;
  to?: string;
  provider?: string;
  language?: string;
  /** Tests: the template to use, skipping the pick. */
  template?: string;
}

const WRITERS = [
  { provider: 'whatsapp', label: 'WhatsApp Cloud API', suffix: '.whatsapp.json' },
  { provider: 'vonage', label: 'Vonage Messages API v1', suffix: '.vonage.json' },
  { provider: 'vonage-legacy', label: 'Vonage legacy (beta / v0.1)', suffix: '.vonage-legacy.json' },
] as const;

function bodyText(def: TemplateDefinition): string {
  const body = def.components.find((c) => String(c.type).toUpperCase() === 'BODY');
  return typeof body?.text === 'string' ? body.text : String(def.category ?? '').toUpperCase() === 'AUTHENTICATION' ? '(verification code)' : '';
}

async function pickTemplate(templates: WorkspaceTemplates, args: NewMessageArgs): Promise<TemplateDefinition | undefined> {
  const catalog = await templates.ready();
  const fitting = domain().fittingTemplates(catalog.all(), args.language);
  if (args.template) return fitting.find((d) => d.name === args.template);
  if (fitting.length === 0) {
    const pull = 'Pull Templates';
    const a = await vscode.window.showWarningMessage("No approved templates in the workspace catalog. Pull your account's templates first.", pull);
    if (a === pull) await vscode.commands.executeCommand(COMMANDS.pullTemplates);
    return undefined;
  }
  const pick = await vscode.window.showQuickPick(
    fitting.map((d) => ({ label: d.name, description: [d.language, d.category, d.status].filter(Boolean).join(' · '), detail: bodyText(d), def: d })),
    {
      title: args.to ? `The 24 h window is closed: send ${args.to} a template instead` : 'New message from template',
      placeHolder: 'Approved templates from the workspace catalog',
      matchOnDetail: true,
    },
  );
  return pick?.def;
}

/** A file name in `dir` that does not exist yet: `base`, `base-2`, ... with `suffix`. */
export async function uniqueFile(dir: vscode.Uri, base: string, suffix: string): Promise<vscode.Uri> {
  for (let i = 0; ; i++) {
    const uri = vscode.Uri.joinPath(dir, `${base}${i ? `-${i + 1}` : ''}${suffix}`);
    const exists = await vscode.workspace.fs.stat(uri).then(
      () => true,
      () => false,
    );
    if (!exists) return uri;
  }
}

export async function newMessageFromTemplate(templates: WorkspaceTemplates, args: NewMessageArgs = {}): Promise<vscode.Uri | undefined> {
  const def = await pickTemplate(templates, args);
  if (!def) return undefined;
  let writer = WRITERS.find((w) => w.provider === args.provider);
  if (!writer) {
    const pick = await vscode.window.showQuickPick(
      WRITERS.map((w) => ({ label: w.label, description: w.suffix, w })),
      { title: `Send ${def.name} with which API?` },
    );
    if (!pick) return undefined;
    writer = pick.w;
  }
  let payload: unknown;
  try {
    payload = domain().writeTemplateMessage({ definition: def, provider: writer.provider, to: args.to });
  } catch (e) {
    void vscode.window.showErrorMessage((e as Error).message);
    return undefined;
  }
  const folder = args.uri ? vscode.Uri.file(path.dirname(args.uri.fsPath)) : vscode.workspace.workspaceFolders?.[0]?.uri;
  const text = JSON.stringify(payload, null, 2) + '\n';
  if (!folder) {
    const doc = await vscode.workspace.openTextDocument({ language: 'json', content: text });
    await vscode.window.showTextDocument(doc);
    return doc.uri;
  }
  const uri = await uniqueFile(folder, def.name.replace(/[^a-z0-9_-]+/gi, '-'), writer.suffix);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  await vscode.window.showTextDocument(uri);
  return uri;
}

export function register(templates: WorkspaceTemplates): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.newMessageFromTemplate, (args?: NewMessageArgs) =>
      newMessageFromTemplate(templates, args && typeof args === 'object' && !(args instanceof vscode.Uri) ? args : {}),
    ),
  ];
}
