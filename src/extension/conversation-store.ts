/**
 * The conversation book of this workspace: sends go in from the editor (and from bulk runs, through
 * `recordSend`), the inbox's accepted webhooks move them on, and the whole book is saved (bounded)
 * under the extension's workspace storage, so a window reload brings every thread back. The book
 * lives in the domain bundle, loaded on first use, never at activation.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ConversationBook, SendRecord } from '../conversations/book';
import type { OutgoingMessage } from '../conversations/thread';
import type { Inbox, InboxRequest } from './inbox';
import { domain } from './lazy-domain';

export interface ConversationChange {
  /** The threads that changed. */
  keys: string[];
  /** When the webhook behind the change reached the inbox (ms since epoch), for the status-to-painted probe. */
  statusAt?: number;
}

const FILE = 'conversations.json';
const SAVE_DELAY_MS = 500;

export class ConversationStore implements vscode.Disposable {
  private loaded: ConversationBook | undefined;
  private readonly emitter = new vscode.EventEmitter<ConversationChange>();
  readonly onDidChange = this.emitter.event;
  private saveTimer: NodeJS.Timeout | undefined;
  private readonly listeners: vscode.Disposable[] = [];

  constructor(
    private readonly storageDir: string,
    inbox: Inbox,
    private readonly log: vscode.LogOutputChannel,
    /** Now for a profile's threads (the sandbox has its own clock, which tests move). */
    private readonly clock: (profile: string) => number = () => Date.now(),
  ) {
    this.listeners.push(inbox.onDidReceive((r) => this.received(r)));
  }

  now(profile: string): number {
    return this.clock(profile);
  }

  /** The book, read from the workspace storage on first use. */
  get book(): ConversationBook {
    if (!this.loaded) {
      const { ConversationBook: Book } = domain();
      let saved: unknown;
      try {
        saved = JSON.parse(fs.readFileSync(path.join(this.storageDir, FILE), 'utf8'));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') this.log.warn(`Conversations: could not read the saved threads (${(e as Error).message}); starting empty.`);
      }
      this.loaded = Book.fromJSON(saved);
    }
    return this.loaded;
  }

  private received({ profile, request }: InboxRequest): void {
    // Refused requests (bad signature, not JSON, too large) never move a thread: they are in the log with the reason.
    if (request.verified === false || request.status >= 400) return;
    const statusAt = Date.now();
    const keys = this.book.apply(profile, request);
    if (keys.length > 0) this.changed({ keys, statusAt });
  }

  /** A send from the editor, or a bulk run: its thread shows it at once, and its statuses move it. */
  recordSend(record: SendRecord): OutgoingMessage {
    const { thread, message } = this.book.recordSend(record);
    this.changed({ keys: [thread.key] });
    return message;
  }

  /** Tells listeners and saves soon; for changes made to the book directly (mark read, seen). */
  changed(change: ConversationChange): void {
    this.scheduleSave();
    this.emitter.fire(change);
  }

  private scheduleSave(): void {
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      void this.save();
    }, SAVE_DELAY_MS);
  }

  /** Writes the book through a temporary file and a rename: a crash never leaves half a file. */
  async save(): Promise<void> {
    if (!this.loaded) return;
    const file = path.join(this.storageDir, FILE);
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      await fs.promises.mkdir(this.storageDir, { recursive: true });
      await fs.promises.writeFile(tmp, JSON.stringify(this.loaded.toJSON()), { mode: 0o600 });
      await fs.promises.rename(tmp, file);
    } catch (e) {
      this.log.warn(`Conversations: could not save the threads (${(e as Error).message}).`);
    }
  }

  dispose(): void {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = undefined;
      void this.save();
    }
    this.listeners.forEach((d) => d.dispose());
    this.emitter.dispose();
  }
}
