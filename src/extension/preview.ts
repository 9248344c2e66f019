/**
 * "Open Preview to the Side": a webview showing what the recipient's phone will show for the
 * active payload file, updated as you type, with the file's problems a click away.
 * The page gets data only (a checked vnode tree), never HTML built from the payload.
 */
import * as vscode from 'vscode';
import type { ValidationResult } from '../pipeline/validate';
import type { HostMessage } from '../shared/protocol';
import type { VElement } from '../preview/vnode';
import { validation } from './lazy-domain';
import { isDefinitionDocument, isPayloadDocument as isMessageDocument } from './payload-files';

/** The preview shows messages and template definitions. */
const isPayloadDocument = (doc: vscode.TextDocument) => isMessageDocument(doc) || isDefinitionDocument(doc);
import { PAYLOAD_PATTERNS } from './payload-suffixes';
import type { WorkspaceTemplates } from './workspace-templates';
import type { Validations } from './validation';
import { fileProblems } from './file-problems';
import { COMMANDS, SETTINGS, settingKey } from './ids';
import { acceptedReveal } from './reveal-check';
import { webviewHtml } from './webview-html';

export const PREVIEW_VIEW_TYPE = 'messageWorkbench.preview';
const REMOTE_MEDIA_SETTING = settingKey(SETTINGS.previewLoadRemoteMedia);
/** Coalesces a burst of keystrokes into one update; short, because the budget is 50 ms from edit to screen. */
const DEBOUNCE_MS = 15;

export interface PreviewDeps {
  validations?: Validations;
  templates?: WorkspaceTemplates;
}

/** Latest end-to-end timings (edit -> page painted), for the integration tests and the bench note. */
export interface PreviewStats {
  updates: number;
  lastTotalMs?: number;
  lastDomMs?: number;
  totals: number[];
  /** What the last update drew: a message kind, or `template` for a template definition. */
  lastKind?: string;
  /** The last tree posted to the page and the last update the page painted, so tests can read what it shows. */
  lastPosted?: { seq: number; tree: VElement };
  lastPaintedSeq?: number;
}
const stats: PreviewStats = { updates: 0, totals: [] };
export function previewStats(): PreviewStats {
  return { ...stats, totals: [...stats.totals] };
}

export function register(context: vscode.ExtensionContext, deps: PreviewDeps = {}): vscode.Disposable[] {
  let preview: PreviewPanel | undefined;
  const adopt = (panel: vscode.WebviewPanel): PreviewPanel => {
    preview = new PreviewPanel(context.extensionUri, panel, deps, () => (preview = undefined));
    return preview;
  };
  return [
    vscode.commands.registerCommand(COMMANDS.openPreviewToSide, async (uri?: vscode.Uri) => {
      const doc = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
      if (!doc || !isPayloadDocument(doc)) {
        void vscode.window.showInformationMessage(`Open a payload file (${PAYLOAD_PATTERNS}) or a template (*.template.json) to preview it.`);
        return;
      }
      if (preview) {
        preview.show(doc);
        return;
      }
      const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Preview', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, webviewOptions(context.extensionUri));
      adopt(panel).show(doc);
    }),
    // Brings a preview back after a window reload, showing the active payload file.
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel) {
        panel.webview.options = webviewOptions(context.extensionUri);
        const p = adopt(panel);
        const doc = [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors].find((e) => e && isPayloadDocument(e.document))?.document;
        if (doc) p.show(doc);
        else p.refresh();
      },
    }),
    { dispose: () => preview?.dispose() },
  ];
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  // The page is small (the protocol checks with zod/mini), so keeping it alive when hidden costs little and spares
  // reloading it (and its state round trip) each time the panel is shown again.
  return { enableScripts: true, retainContextWhenHidden: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')] };
}

class PreviewPanel {
  private doc: vscode.TextDocument | undefined;
  private ready = false;
  private disposed = false;
  private seq = 0;
  private timer: NodeJS.Timeout | undefined;
  private pendingEditAt: number | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private remoteMedia = vscode.workspace.getConfiguration().get<boolean>(REMOTE_MEDIA_SETTING, false);

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly panel: vscode.WebviewPanel,
    private readonly deps: PreviewDeps,
    private readonly onDispose: () => void,
  ) {
    panel.iconPath = { light: vscode.Uri.joinPath(extensionUri, 'media', 'preview-light.svg'), dark: vscode.Uri.joinPath(extensionUri, 'media', 'preview-dark.svg') };
    this.setHtml();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m) => this.receive(m)),
      vscode.window.onDidChangeActiveTextEditor((e) => {
        if (e && isPayloadDocument(e.document) && e.document !== this.doc) this.show(e.document);
      }),
      // After a window reload the panel can come back before the editors do: adopt the first payload editor that appears.
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        const e = this.doc ? undefined : editors.find((x) => isPayloadDocument(x.document));
        if (e) this.show(e.document);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.doc && e.contentChanges.length > 0) this.schedule(Date.now());
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d === this.doc) {
          this.doc = undefined;
          this.post({ type: 'empty', reason: 'The previewed file was closed. Open a payload file to preview it.' });
        }
      }),
      // Other sources' diagnostics (VS Code's JSON service: syntax, duplicate keys) are listed too.
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (this.doc && e.uris.some((u) => u.toString() === this.doc?.uri.toString())) this.schedule();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration(REMOTE_MEDIA_SETTING)) return;
        this.remoteMedia = vscode.workspace.getConfiguration().get<boolean>(REMOTE_MEDIA_SETTING, false);
        this.ready = false;
        this.setHtml(); // the CSP changes with it
      }),
    );
    if (deps.templates) this.disposables.push(deps.templates.onDidChange(() => this.schedule()));
  }

  show(doc: vscode.TextDocument): void {
    this.doc = doc;
    this.panel.title = `Preview ${basename(doc.uri)}`;
    if (!this.panel.visible) this.panel.reveal(undefined, true);
    this.update();
  }

  refresh(): void {
    if (this.doc) this.update();
    else this.post({ type: 'empty', reason: 'Open a payload file to preview it.' });
  }

  private schedule(editedAt?: number): void {
    if (editedAt !== undefined && this.pendingEditAt === undefined) this.pendingEditAt = editedAt;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.update();
    }, DEBOUNCE_MS);
  }

  private update(): void {
    const doc = this.doc;
    const editedAt = this.pendingEditAt;
    this.pendingEditAt = undefined;
    if (!doc || !this.ready) return; // `ready` triggers the first update
    const d = validation();
    const result = this.validate(doc);
    // The list the status bar counts too (file-problems.ts); the parsed file lets the phone mark what the API would reject.
    const problems = fileProblems(doc, result);
    const definition = result.templateFile === 'definition' ? result.doc.value : undefined;
    stats.lastKind = result.webhook ? 'webhook' : definition !== undefined ? 'template' : result.model?.kind;
    // A webhook file is what a provider posts to you: its events, from the business's side of the chat.
    const tree = result.webhook
      ? d.renderWebhookPreview({ fileName: basename(doc.uri), label: result.webhook.label, events: result.webhook.events, problems })
      : d.renderPreview(
          { fileName: basename(doc.uri), model: result.model, problems, definition, doc: result.doc },
          { templates: this.deps.templates?.current() ?? d.createCatalog(), loadRemoteMedia: this.remoteMedia, time: d.clockTime() },
        );
    this.post({ type: 'state', seq: ++this.seq, uri: doc.uri.toString(), fileName: basename(doc.uri), tree, editedAt });
    stats.lastPosted = { seq: this.seq, tree };
  }

  private validate(doc: vscode.TextDocument): ValidationResult {
    if (this.deps.validations) return this.deps.validations.get(doc);
    return validation().validateText(doc.getText(), { fileName: doc.uri.path, templates: this.deps.templates?.current() });
  }

  private receive(raw: unknown): void {
    const msg = validation().parseWebviewMessage(raw);
    if (!msg) return; // the page only speaks the protocol; anything else is dropped
    switch (msg.type) {
      case 'ready':
        this.ready = true;
        this.refresh();
        break;
      case 'reveal': {
        const doc = this.doc;
        const range = acceptedReveal(doc && { uri: doc.uri.toString(), length: doc.getText().length }, msg);
        if (doc && range) void this.reveal(doc, range.start, range.end);
        break;
      }
      case 'rendered':
        stats.updates++;
        stats.lastDomMs = msg.domMs;
        stats.lastPaintedSeq = msg.seq;
        if (msg.totalMs !== undefined) {
          stats.lastTotalMs = msg.totalMs;
          stats.totals.push(msg.totalMs);
          if (stats.totals.length > 100) stats.totals.shift();
        }
        break;
    }
  }

  private async reveal(doc: vscode.TextDocument, start: number, end: number): Promise<void> {
    const range = new vscode.Range(doc.positionAt(start), doc.positionAt(end));
    const visible = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, selection: range, preserveFocus: false });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private post(msg: HostMessage): void {
    void this.panel.webview.postMessage(msg);
  }

  private setHtml(): void {
    this.panel.webview.html = webviewHtml(this.panel.webview, this.extensionUri, {
      styles: ['preview.css'],
      script: 'webview.js',
      title: 'Message preview',
      loading: 'Loading the preview\u2026',
      ...(this.remoteMedia ? { extraImgSrc: 'https:' } : {}),
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    while (this.disposables.length) this.disposables.pop()?.dispose();
    this.panel.dispose();
    this.onDispose();
  }
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
