/**
 * The Conversations page inside its webview. It draws what the host sends (a vnode tree, checked
 * against the protocol schema) and turns a click on a control (`data-action`) into an action
 * message naming the action and the message's key; the host decides what it means. What the user
 * is typing, and where the chat is scrolled, survive each redraw.
 */
import './zod-config';
import { CONVERSATION_ACTIONS, conversationsPersisted, parseConversationsHostMessage, type ConversationsPageMessage } from '../shared/protocol';
import { toDom } from './dom';
import { vscodeApi } from './vscode-api';

const vscode = vscodeApi();
const root = document.getElementById('root') as HTMLElement;
const ACTIONS = new Set<string>(CONVERSATION_ACTIONS);
let seq = -1;

function post(message: ConversationsPageMessage): void {
  vscode.postMessage(message);
}

/** The composer's text and caret, to put back after a redraw. */
function composerState(): { key: string; value: string; focused: boolean; start: number | null; end: number | null } | undefined {
  const input = root.querySelector<HTMLInputElement>('input[data-field="text"]');
  if (!input) return undefined;
  return { key: input.getAttribute('data-key') ?? '', value: input.value, focused: document.activeElement === input, start: input.selectionStart, end: input.selectionEnd };
}

/** Where the chat is scrolled: the thread, and whether the newest message is in view. */
function chatScroll(): { key: string | null; top: number; atBottom: boolean } | undefined {
  const chat = root.querySelector<HTMLElement>('.thread .chat');
  if (!chat) return undefined;
  return { key: chat.closest('.thread')?.getAttribute('data-key') ?? null, top: chat.scrollTop, atBottom: chat.scrollHeight - chat.scrollTop - chat.clientHeight < 80 };
}

function draw(tree: Parameters<typeof toDom>[0]): number {
  const t0 = performance.now();
  const kept = composerState();
  const scroll = chatScroll();
  root.replaceChildren(toDom(tree));
  const input = root.querySelector<HTMLInputElement>('input[data-field="text"]');
  if (input && kept && kept.key === input.getAttribute('data-key')) {
    input.value = kept.value;
    if (kept.focused) {
      input.focus();
      input.setSelectionRange(kept.start, kept.end);
    }
  }
  // New messages appear at the bottom: follow them, unless the user scrolled up to read this thread.
  const chat = root.querySelector<HTMLElement>('.thread .chat');
  if (chat) {
    const same = scroll && scroll.key === chat.closest('.thread')?.getAttribute('data-key');
    chat.scrollTop = same && !scroll.atBottom ? scroll.top : chat.scrollHeight;
  }
  return performance.now() - t0;
}

const saved = conversationsPersisted.safeParse(vscode.getState());
if (saved.success) draw(saved.data.tree);

window.addEventListener('message', (event: MessageEvent) => {
  const msg = parseConversationsHostMessage(event.data);
  if (!msg) return; // not ours, or malformed: ignore rather than draw something unchecked
  if (msg.seq < seq) return;
  seq = msg.seq;
  const domMs = draw(msg.tree);
  vscode.setState({ tree: msg.tree, seq: msg.seq });
  // Measured once the browser has laid the update out: what the user waits for.
  requestAnimationFrame(() => post({ type: 'rendered', seq: msg.seq, domMs, totalMs: msg.statusAt !== undefined ? Math.max(0, Date.now() - msg.statusAt) : undefined }));
});

function typed(key: string): void {
  const input = root.querySelector<HTMLInputElement>(`input[data-field="text"]`);
  const text = input?.value.trim();
  if (!input || !text || input.getAttribute('data-key') !== key) return;
  post({ type: 'action', action: 'type', key, text: text.slice(0, 4096) });
  input.value = '';
}

root.addEventListener('click', (e) => {
  const el = e.target instanceof Element ? e.target.closest('[data-action]') : null;
  const action = el?.getAttribute('data-action');
  const key = el?.getAttribute('data-key');
  if (!el || !action || !key || !ACTIONS.has(action)) return;
  if (action === 'type') return typed(key);
  const index = Number(el.getAttribute('data-index'));
  post({ type: 'action', action: action as (typeof CONVERSATION_ACTIONS)[number], key, ...(Number.isInteger(index) && index >= 0 && el.hasAttribute('data-index') ? { index } : {}) });
});

root.addEventListener('keydown', (e) => {
  const target = e.target as Element | null;
  if (e.key === 'Enter' && target instanceof HTMLInputElement && target.getAttribute('data-field') === 'text') {
    e.preventDefault();
    typed(target.getAttribute('data-key') ?? '');
  }
});

post({ type: 'ready' });
