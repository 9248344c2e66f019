/**
 * The preview page inside the webview. It draws what the host sends (a vnode tree, checked
 * against the protocol schema), keeps it in the webview state so a hidden panel comes back
 * as it was, and asks the host to reveal a problem's range when one is clicked.
 */
import './zod-config';
import { parseHostMessage, persistedState, type StateMessage, type WebviewMessage } from '../shared/protocol';
import { toDom } from './dom';
import { vscodeApi } from './vscode-api';

const vscode = vscodeApi();
const root = document.getElementById('root') as HTMLElement;
let current: { uri: string; seq: number } | undefined;

function post(message: WebviewMessage): void {
  vscode.postMessage(message);
}

function show(msg: Pick<StateMessage, 'uri' | 'fileName' | 'tree' | 'seq'>): number {
  const t0 = performance.now();
  root.replaceChildren(toDom(msg.tree));
  current = { uri: msg.uri, seq: msg.seq };
  vscode.setState({ uri: msg.uri, fileName: msg.fileName, tree: msg.tree, seq: msg.seq });
  return performance.now() - t0;
}

function status(text: string): void {
  const div = document.createElement('div');
  div.className = 'status';
  div.textContent = text;
  root.replaceChildren(div);
}

// A panel that was hidden or reloaded shows its last picture at once; the host refreshes it after `ready`.
const saved = persistedState.safeParse(vscode.getState());
if (saved.success) {
  show(saved.data);
  // The saved sequence number belongs to the previous host session; a reloaded host counts from 1 again, and its updates must not be dropped as stale.
  current = { uri: saved.data.uri, seq: -1 };
}

window.addEventListener('message', (event: MessageEvent) => {
  const msg = parseHostMessage(event.data);
  if (!msg) return; // not ours, or malformed: ignore rather than draw something unchecked
  if (msg.type === 'empty') {
    status(msg.reason);
    // Forget the last picture too, so a hidden-and-shown panel does not bring back a closed file's preview.
    current = undefined;
    vscode.setState(undefined);
    return;
  }
  if (current && current.uri === msg.uri && msg.seq < current.seq) return;
  const domMs = show(msg);
  // Measure after the browser has laid the update out, so the number is what the user waits for.
  requestAnimationFrame(() => {
    const totalMs = msg.editedAt !== undefined ? Math.max(0, Date.now() - msg.editedAt) : undefined;
    post({ type: 'rendered', seq: msg.seq, domMs, totalMs });
  });
});

function revealFrom(target: EventTarget | null): void {
  const item = target instanceof Element ? target.closest('.problem, .rejected') : null;
  if (!item || !current) return;
  const start = Number(item.getAttribute('data-start'));
  const end = Number(item.getAttribute('data-end'));
  if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end >= 0) post({ type: 'reveal', uri: current.uri, start, end });
}

root.addEventListener('click', (e) => revealFrom(e.target));
root.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' || e.key === ' ') {
    revealFrom(e.target);
    if ((e.target as Element | null)?.closest?.('.problem, .rejected')) e.preventDefault();
  }
});

post({ type: 'ready' });
