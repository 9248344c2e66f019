/** "New Payload File": pick a provider's message type, name the file, and fill in the snippet with its tab stops. */
import * as vscode from 'vscode';
import type { SnippetDef } from '../core/snippets';
import { PAYLOAD_SUFFIXES } from './payload-suffixes';
import { COMMANDS } from './ids';

interface SnippetItem extends vscode.QuickPickItem {
  suffix?: string;
  body?: string;
}

async function readSnippets(extensionUri: vscode.Uri): Promise<SnippetItem[]> {
  const items: SnippetItem[] = [];
  for (const suffix of PAYLOAD_SUFFIXES) {
    const id = suffix.slice(1, -'.json'.length);
    let snippets: Record<string, SnippetDef> = {};
    try {
      snippets = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'snippets', `${id}.json`))));
    } catch {
      continue;
    }
    items.push({ label: id, kind: vscode.QuickPickItemKind.Separator });
    for (const [name, s] of Object.entries(snippets)) {
      items.push({ label: name, description: Array.isArray(s.prefix) ? s.prefix[0] : s.prefix, detail: s.description, suffix, body: Array.isArray(s.body) ? s.body.join('\n') : s.body });
    }
  }
  return items;
}

export function register(context: vscode.ExtensionContext): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.newPayload, async () => {
      const folder = vscode.workspace.workspaceFolders?.[0];
      if (!folder) {
        void vscode.window.showWarningMessage('Open a folder first: payload files live in your repository.');
        return undefined;
      }
      const pick = await vscode.window.showQuickPick(await readSnippets(context.extensionUri), { title: 'New payload file: which message?', matchOnDescription: true, matchOnDetail: true });
      if (!pick?.suffix || pick.body === undefined) return undefined;
      const slug =
        pick.label
          .replace(/^[^:]*:\s*/, '')
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '') || 'message';
      const name = await vscode.window.showInputBox({
        title: 'File name (relative to the workspace folder)',
        value: `${slug}${pick.suffix}`,
        valueSelection: [0, slug.length],
        validateInput: (v) => (!v.trim() ? 'Enter a file name.' : /(^|\/)\.\.(\/|$)/.test(v) ? 'Stay inside the workspace folder.' : undefined),
      });
      if (!name) return undefined;
      const file = name.endsWith(pick.suffix) ? name : `${name.replace(/\.json$/, '')}${pick.suffix}`;
      const uri = vscode.Uri.joinPath(folder.uri, file);
      try {
        await vscode.workspace.fs.stat(uri);
        void vscode.window.showErrorMessage(`${file} already exists: choose another name (your file is left as it is).`);
        return undefined;
      } catch {
        // does not exist: good
      }
      await vscode.workspace.fs.writeFile(uri, new Uint8Array());
      const editor = await vscode.window.showTextDocument(uri);
      await editor.insertSnippet(new vscode.SnippetString(pick.body));
      return uri;
    }),
  ];
}
