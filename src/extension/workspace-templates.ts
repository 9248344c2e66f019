/** The workspace's `*.templates.json` catalogs, read on first use and kept current by a watcher. */
import * as vscode from 'vscode';
import type { TemplateCatalog, TemplateDefinition } from '../core/templates';
import { validation } from './lazy-domain';

/** A catalog larger than this is not read (the CLI's readers use the same kind of cap). */
const MAX_CATALOG_BYTES = 4 * 1024 * 1024;

export class WorkspaceTemplates implements vscode.Disposable {
  private readonly byFile = new Map<string, TemplateDefinition[]>();
  /** Catalog files pulled from the account (Meta's GET answer): the lint then knows every template the account has. */
  private readonly pulled = new Set<string>();
  private catalog: TemplateCatalog | undefined;
  private loading: Promise<void> | undefined;
  private readonly watcher = vscode.workspace.createFileSystemWatcher('**/*.templates.json');
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a catalog file is created, changed or deleted. */
  readonly onDidChange = this.changed.event;

  constructor() {
    const reload = (uri: vscode.Uri) => void this.readFile(uri).then(() => this.invalidate());
    this.watcher.onDidCreate(reload);
    this.watcher.onDidChange(reload);
    this.watcher.onDidDelete((uri) => {
      this.byFile.delete(uri.toString());
      this.pulled.delete(uri.toString());
      this.invalidate();
    });
  }

  /** The catalog as known now (built-in templates until the workspace files are read). */
  current(): TemplateCatalog {
    if (!this.loading) this.loading = this.loadAll().then(() => this.invalidate());
    return (this.catalog ??= validation().createCatalog([...this.byFile.values()].flat(), { pulled: this.pulled.size > 0 }));
  }

  /** The catalog once the workspace's files have been read. */
  async ready(): Promise<TemplateCatalog> {
    this.current();
    await this.loading;
    return this.current();
  }

  /** Read one catalog file again now (after a pull wrote it), without waiting for the watcher. */
  async reload(uri: vscode.Uri): Promise<void> {
    await this.readFile(uri);
    this.invalidate();
  }

  private invalidate(): void {
    this.catalog = undefined;
    this.changed.fire();
  }

  private async loadAll(): Promise<void> {
    const files = await vscode.workspace.findFiles('**/*.templates.json', '**/node_modules/**', 200);
    await Promise.all(files.map((f) => this.readFile(f)));
  }

  private async readFile(uri: vscode.Uri): Promise<void> {
    try {
      // A FIFO or a device named *.templates.json would block the read, a huge file would fill memory.
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.type !== vscode.FileType.File || stat.size > MAX_CATALOG_BYTES) throw new Error('not a regular catalog file');
      const bytes = await vscode.workspace.fs.readFile(uri);
      const content = validation().readCatalog(new TextDecoder().decode(bytes));
      this.byFile.set(uri.toString(), content.definitions);
      if (content.pulled) this.pulled.add(uri.toString());
      else this.pulled.delete(uri.toString());
    } catch {
      this.byFile.delete(uri.toString());
      this.pulled.delete(uri.toString());
    }
  }

  dispose(): void {
    this.watcher.dispose();
    this.changed.dispose();
  }
}
