/**
 * "Open Conversations": a webview with one thread per profile and customer, redrawn whenever a send
 * or a webhook changes one (same renderer, protocol checks and CSP rules as the preview: the page
 * gets a checked vnode tree, never HTML). Its clicks come back as actions (conversation-actions.ts).
 */
import * as vscode from 'vscode';
import type { ConversationAction, ConversationsHostMessage } from '../shared/protocol';
import type { ConversationStore, ConversationChange } from './conversation-store';
import { runAction, type ActionDeps } from './conversation-actions';
import type { Inbox } from './inbox';
import { domain } from './lazy-domain';
import { SANDBOX_PROFILE, type SandboxHost } from './sandbox-host';
import { webviewHtml } from './webview-html';
import { COMMANDS } from './ids';

export const CONVERSATIONS_VIEW_TYPE = 'messageWorkbench.conversations';
const MIN_REDRAW_MS = 40;

/** Status-to-painted timings (webhook at the inbox -> page laid out), for the tests and the bench note. */
export interface ConversationStats {
  updates: number;
  totals: number[];
  lastDomMs?: number;
}
const stats: ConversationStats = { updates: 0, totals: [] };
export function conversationStats(): ConversationStats {
  return { ...stats, totals: [...stats.totals] };
}

/** What "Open Conversations" may be given: a thread key, or a message (its thread), or a customer of a profile. */
export type OpenTarget = string | { key?: string; messageId?: string; profile?: string; customer?: string };

export interface ConversationsDeps extends ActionDeps {
  store: ConversationStore;
  inbox: Inbox;
  sandbox: SandboxHost;
}

export function register(context: vscode.ExtensionContext, deps: ConversationsDeps): { disposables: vscode.Disposable[]; act(action: unknown): Promise<unknown> } {
  let panel: ConversationsPanel | undefined;
  const adopt = (p: vscode.WebviewPanel) => (panel = new ConversationsPanel(context.extensionUri, p, deps, () => (panel = undefined)));
  const open = (target?: OpenTarget) => {
    if (!panel) adopt(vscode.window.createWebviewPanel(CONVERSATIONS_VIEW_TYPE, 'Conversations', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, webviewOptions(context.extensionUri)));
    panel!.show(target);
    return panel!;
  };
  return {
    disposables: [
      vscode.commands.registerCommand(COMMANDS.openConversations, (target?: OpenTarget) => {
        open(target);
      }),
      vscode.window.registerWebviewPanelSerializer(CONVERSATIONS_VIEW_TYPE, {
        async deserializeWebviewPanel(p: vscode.WebviewPanel) {
          p.webview.options = webviewOptions(context.extensionUri);
          adopt(p).show();
        },
      }),
      { dispose: () => panel?.dispose() },
    ],
    // The integration tests act as the page would: the same schema check, the same handler.
    act: async (raw: unknown) => {
      const action = domain().parseConversationsPageMessage(raw);
      if (!action || action.type !== 'action') throw new Error('not a conversation action');
      return (panel ?? open()).handle(action);
    },
  };
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return { enableScripts: true, retainContextWhenHidden: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')] };
}

class ConversationsPanel {
  private ready = false;
  private disposed = false;
  private seq = 0;
  private selected: string | undefined;
  private pending: ConversationChange | undefined;
  private scheduled = false;
  private lastUpdate = 0;
  private quiet = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    extensionUri: vscode.Uri,
    private readonly panel: vscode.WebviewPanel,
    private readonly deps: ConversationsDeps,
    private readonly onDispose: () => void,
  ) {
    panel.iconPath = { light: vscode.Uri.joinPath(extensionUri, 'media', 'conversations-light.svg'), dark: vscode.Uri.joinPath(extensionUri, 'media', 'conversations-dark.svg') };
    this.setHtml(extensionUri);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m) => void this.receive(m)),
      panel.onDidChangeViewState(() => this.panel.visible && this.schedule({ keys: [] })),
      deps.store.onDidChange((c) => this.quiet || this.schedule(c)),
      deps.inbox.onDidChangeState(() => this.schedule({ keys: [] })),
      deps.templates.onDidChange(() => this.schedule({ keys: [] })),
    );
  }

  show(target?: OpenTarget): void {
    const key = this.keyOf(target);
    if (key) this.selected = key;
    if (!this.panel.visible) this.panel.reveal(undefined, true);
    this.schedule({ keys: [] });
  }

  private keyOf(target: OpenTarget | undefined): string | undefined {
    if (!target) return undefined;
    const book = this.deps.store.book;
    if (typeof target === 'string') return book.thread(target)?.key ?? book.threadOfMessage(target)?.key;
    if (target.key) return book.thread(target.key)?.key;
    if (target.messageId) return book.threadOfMessage(target.messageId, target.profile)?.key;
    if (target.customer) {
      const digits = target.customer.replace(/\D+/g, '');
      return book.threads().find((t) => (!target.profile || t.profile === target.profile) && (t.customer === target.customer || t.customer === digits))?.key;
    }
    return undefined;
  }

  /** Coalesces a burst of changes (a status right after a send) into one redraw, in the same turn of the event loop. */
  private schedule(change: ConversationChange): void {
    const statusAt = change.statusAt ?? this.pending?.statusAt;
    this.pending = { keys: [...(this.pending?.keys ?? []), ...change.keys], ...(statusAt !== undefined ? { statusAt } : {}) };
    if (this.scheduled) return;
    this.scheduled = true;
    const run = () => {
      this.scheduled = false;
      const c = this.pending;
      this.pending = undefined;
      this.lastUpdate = Date.now();
      this.update(c?.statusAt);
    };
    // At most one redraw per MIN_REDRAW_MS: a bulk run's thousands of sends and statuses are not thousands of redraws.
    const wait = this.lastUpdate + MIN_REDRAW_MS - Date.now();
    if (wait > 0) setTimeout(run, wait);
    else setImmediate(run);
  }

  private update(statusAt?: number): void {
    if (!this.ready || this.disposed) return;
    const d = domain();
    const { store, sandbox, inbox } = this.deps;
    const book = store.book;
    const selected = book.thread(this.selected ?? '') ? this.selected : book.threads()[0]?.key;
    this.selected = selected;
    // What the user is looking at is seen: the status bar's count drops.
    if (selected && this.panel.visible && (book.thread(selected)?.unseen ?? 0) > 0) {
      book.markSeen(selected);
      // Saved and told to the status bar; this view is drawing it already.
      this.quiet = true;
      store.changed({ keys: [] });
      this.quiet = false;
    }
    const running = sandbox.current();
    const listening = inbox.listening();
    const view = d.conversationsView(book, {
      selected,
      sandboxProfile: SANDBOX_PROFILE,
      now: (t) => store.now(t.profile),
      // A sandbox not running yet starts afresh: only its test range has written recently.
      sandboxWindow: (customer: string) => (running ? running.windowOpenUntil(customer) : d.alwaysOpen(customer) ? 'always' : undefined) ?? null,
      inbox:
        listening.length > 0
          ? { state: 'listening', text: `Inbox listening for ${listening.join(', ')}: statuses and customer messages appear here as they arrive.` }
          : { state: 'stopped', text: 'Inbox not listening: it starts with the first send to the Sandbox (or run "Inbox: Show Webhook URL..." for a real profile).' },
    });
    const tree = d.renderConversations(view, { templates: this.deps.templates.current() });
    this.panel.title = view.thread ? `Conversation ${view.thread.title}` : 'Conversations';
    void this.panel.webview.postMessage({ type: 'conversations', seq: ++this.seq, tree, ...(statusAt !== undefined ? { statusAt } : {}) } satisfies ConversationsHostMessage);
  }

  private async receive(raw: unknown): Promise<void> {
    const msg = domain().parseConversationsPageMessage(raw);
    if (!msg) return; // the page only speaks the protocol; anything else is dropped
    if (msg.type === 'ready') {
      this.ready = true;
      this.update();
    } else if (msg.type === 'rendered') {
      stats.updates++;
      stats.lastDomMs = msg.domMs;
      if (msg.totalMs !== undefined) {
        stats.totals.push(msg.totalMs);
        if (stats.totals.length > 100) stats.totals.shift();
      }
    } else {
      try {
        await this.handle(msg);
      } catch (e) {
        void vscode.window.showErrorMessage(`Conversations: ${(e as Error).message}`);
      }
    }
  }

  /** One click of the page (or a test acting as the page). */
  handle(action: ConversationAction): Promise<unknown> {
    if (action.action === 'select') {
      this.selected = action.key;
      this.schedule({ keys: [] });
      return Promise.resolve(action.key);
    }
    return runAction(action, this.deps);
  }

  private setHtml(extensionUri: vscode.Uri): void {
    this.panel.webview.html = webviewHtml(this.panel.webview, extensionUri, {
      styles: ['preview.css', 'conversations.css'],
      script: 'conversations.js',
      title: 'Conversations',
      loading: 'Loading the conversations\u2026',
      bodyClass: 'conversations-page',
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    while (this.disposables.length) this.disposables.pop()?.dispose();
    this.panel.dispose();
    this.onDispose();
  }
}
