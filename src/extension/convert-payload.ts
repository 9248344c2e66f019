/**
 * The editor's side of `mwb convert`: on an On-Premises or legacy Vonage payload file, a code
 * action (the quick fix of `onprem-retired`, a rewrite elsewhere) and a command that write the
 * successor API's payload beside the file and open it. The source file is left as it is.
 */
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { COMMANDS } from './ids';
import { validation } from './lazy-domain';
import { PAYLOAD_SELECTOR } from './payload-files';
import type { Validations } from './validation';

const LABEL: Readonly<Record<string, string>> = { whatsapp: 'the WhatsApp Cloud API', vonage: 'Vonage Messages API v1' };

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

class ConvertActionProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix, vscode.CodeActionKind.RefactorRewrite];

  constructor(private readonly validations: Validations) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const from = this.validations.get(doc).provider?.id;
    const conversion = from ? validation().CONVERSIONS[from] : undefined;
    if (!from || !conversion) return [];
    const retired = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && d.code === 'onprem-retired');
    const target = validation().convertedFileName(baseName(doc.uri), from);
    const title = `Convert to ${LABEL[conversion.to] ?? conversion.to} (new file ${target})`;
    const action = new vscode.CodeAction(title, retired.length > 0 ? vscode.CodeActionKind.QuickFix : vscode.CodeActionKind.RefactorRewrite);
    action.diagnostics = retired;
    action.isPreferred = retired.length > 0;
    action.command = { command: COMMANDS.convertPayload, title, arguments: [doc.uri] };
    return [action];
  }
}

/** Writes the converted payload beside the source (asking before it replaces a file) and opens it. */
async function convert(log: vscode.LogOutputChannel, uri?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const source = uri ?? vscode.window.activeTextEditor?.document.uri;
  if (!source) {
    void vscode.window.showErrorMessage('Convert: open an On-Premises (.whatsapp-onprem.json) or legacy Vonage (.vonage-legacy.json) payload file first.');
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument(source);
  const outcome = validation().convertText(doc.getText(), { fileName: doc.uri.path });
  if (!outcome.ok) {
    void vscode.window.showErrorMessage(`Convert ${baseName(source)}: ${outcome.reason}`);
    return undefined;
  }
  const { result } = outcome;
  const target = vscode.Uri.joinPath(source, '..', validation().convertedFileName(baseName(source), result.from));
  const exists = await vscode.workspace.fs.stat(target).then(
    () => true,
    () => false,
  );
  if (exists) {
    const replace = await vscode.window.showWarningMessage(`${baseName(target)} already exists. Replace it with the converted payload?`, { modal: true }, 'Replace');
    if (replace !== 'Replace') return undefined;
  }
  await vscode.workspace.fs.writeFile(target, Buffer.from(result.text, 'utf8'));
  await vscode.window.showTextDocument(target, { preview: false });
  for (const n of result.notes) log.info(`convert ${baseName(source)}: ${n.message}${n.pointer ? ` [at ${n.pointer}]` : ''}`);
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  const summary = `Converted ${baseName(source)} to ${baseName(target)} (${LABEL[result.to] ?? result.to}).`;
  const notes = result.notes.length === 0 ? '' : ` Not carried over: ${result.notes.map((n) => n.message).join(' ')}`;
  const fix = errors > 0 ? ` The new payload has ${errors} error${errors === 1 ? '' : 's'}: see its problems.` : '';
  void (errors > 0 ? vscode.window.showWarningMessage(summary + fix + notes) : vscode.window.showInformationMessage(summary + notes));
  return target;
}

export function register(validations: Validations, log: vscode.LogOutputChannel): vscode.Disposable[] {
  return [
    vscode.languages.registerCodeActionsProvider(PAYLOAD_SELECTOR, new ConvertActionProvider(validations), { providedCodeActionKinds: ConvertActionProvider.kinds }),
    vscode.commands.registerCommand(COMMANDS.convertPayload, (uri?: vscode.Uri) => convert(log, uri)),
  ];
}
