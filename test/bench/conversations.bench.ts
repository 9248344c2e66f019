/**
 * Conversations budget (50 ms, as the preview's): a status webhook arriving at the inbox until the
 * Conversations page has laid it out. Measured end to end where it can be: a signed POST over
 * loopback to the real receiver (verify, store), the book moved, the view built and rendered and
 * serialized as the extension posts it; then the page's part in headless chromium with the real
 * dist/conversations.js and its stylesheets, on a thread of 60 messages. Also the host's part of
 * an edit to a webhook file (validate + the webhook preview).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { request } from 'undici';
import { ConversationBook } from '../../src/conversations/book';
import { conversationsView } from '../../src/conversations/view';
import { renderConversations } from '../../src/preview/conversation';
import { renderWebhookPreview } from '../../src/preview/webhook';
import { validateText } from '../../src/pipeline/validate';
import { createReceiver } from '../../src/webhooks/receiver';
import { webhookById } from '../../src/webhooks/registry';
import { timeMs } from './measure';
import { untilPainted, webviewPage } from './webview-page';

type Report = (name: string, value: number, unit: string, budget?: number) => void;

const SECRETS = { whatsappAppSecret: 'bench-app-secret' };
const CUSTOMER = '447700900123';
const meta = webhookById('whatsapp')!;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** A thread of 60 messages: interactive sends, each read, and the customer's replies. */
function seeded(): ConversationBook {
  const book = new ConversationBook();
  const at = Date.now() - 3600_000;
  for (let i = 0; i < 30; i++) {
    const body = {
      messaging_product: 'whatsapp',
      to: CUSTOMER,
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: `Order *#${i}* is ready. When should we deliver it?` },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'today', title: 'Today' } },
            { type: 'reply', reply: { id: 'later', title: 'Later' } },
          ],
        },
      },
    };
    book.recordSend({ profile: 'Sandbox', provider: 'whatsapp', to: CUSTOMER, messageId: `wamid.seed${i}`, at: at + i * 60_000, body, summary: 'interactive' });
    book.apply('Sandbox', {
      id: `s${i}`,
      provider: 'whatsapp',
      receivedAt: new Date(at + i * 60_000 + 1000).toISOString(),
      events: meta.events(meta.build.status({ messageId: `wamid.seed${i}`, status: 'read', to: CUSTOMER, from: '15550000000', at: at + i * 60_000 + 1000 })),
    });
    book.apply('Sandbox', {
      id: `i${i}`,
      provider: 'whatsapp',
      receivedAt: new Date(at + i * 60_000 + 2000).toISOString(),
      events: meta.events(
        meta.build.inbound({
          messageId: `wamid.in${i}`,
          from: CUSTOMER,
          to: '15550000000',
          at: at + i * 60_000 + 2000,
          reply: { id: 'today', title: 'Today', kind: 'button' },
          context: `wamid.seed${i}`,
        }),
      ),
    });
  }
  return book;
}

/** What the extension posts after a change: the view of the selected thread, rendered, serialized. */
function stateMessage(book: ConversationBook, seq: number, statusAt: number): string {
  const view = conversationsView(book, { sandboxProfile: 'Sandbox', now: () => Date.now(), sandboxWindow: () => 'always', inbox: { state: 'listening', text: 'Inbox listening for Sandbox' } });
  return JSON.stringify({ type: 'conversations', seq, tree: renderConversations(view), statusAt });
}

export async function bench(report: Report): Promise<void> {
  const book = seeded();
  let seq = 0;
  let built: { json: string; at: number } | undefined;
  const receiver = await createReceiver({
    secrets: SECRETS,
    onRequest: (r) => {
      const statusAt = Date.now();
      book.apply('Sandbox', r);
      built = { json: stateMessage(book, ++seq, statusAt), at: performance.now() };
    },
  });
  // One send per status, so each status is news to the book (a repeat would change nothing).
  const statuses = ['sent', 'delivered', 'read'] as const;
  let n = 0;
  const postStatus = async (): Promise<{ json: string; hostMs: number }> => {
    const id = `wamid.bench${Math.floor(n / 3)}`;
    if (n % 3 === 0)
      book.recordSend({
        profile: 'Sandbox',
        provider: 'whatsapp',
        to: CUSTOMER,
        messageId: id,
        at: Date.now(),
        body: { messaging_product: 'whatsapp', to: CUSTOMER, type: 'text', text: { body: `Bench ${n}` } },
        summary: 'text',
      });
    const bytes = Buffer.from(JSON.stringify(meta.build.status({ messageId: id, status: statuses[n++ % 3], to: CUSTOMER, from: '15550000000', at: Date.now() })));
    built = undefined;
    const t0 = performance.now();
    const res = await request(`${receiver.url}/webhook`, { method: 'POST', body: bytes, headers: await meta.headers(bytes, SECRETS, Date.now()) });
    await res.body.dump();
    const made = built as { json: string; at: number } | undefined;
    if (!made) throw new Error(`the receiver did not take the status (HTTP ${res.statusCode})`);
    return { json: made.json, hostMs: made.at - t0 };
  };
  try {
    const host: number[] = [];
    for (let i = 0; i < 60; i++) host.push((await postStatus()).hostMs);
    report('conversations: status POST -> state message (host, 60-message thread)', median(host.slice(10)), 'ms', 50);
    await endToEnd(report, postStatus);
  } finally {
    await receiver.close();
  }

  const webhookFile = JSON.stringify(
    meta.build.status({ messageId: 'wamid.x', status: 'failed', to: CUSTOMER, from: '15550000000', at: Date.now(), error: { code: 131047, title: 'Re-engagement message', detail: 'window closed' } }),
    null,
    2,
  );
  report(
    'webhook file: edit -> preview tree (host side)',
    timeMs(() => {
      const r = validateText(webhookFile, { fileName: 'x.whatsapp-webhook.json', schema: false });
      return renderWebhookPreview({ fileName: 'x.whatsapp-webhook.json', label: r.webhook!.label, events: r.webhook!.events, problems: [] });
    }),
    'ms',
    50,
  );
}

/** Each status, its host part measured above plus the page's part in chromium until laid out. */
async function endToEnd(report: Report, postStatus: () => Promise<{ json: string; hostMs: number }>): Promise<void> {
  const root = path.resolve(__dirname, '..', '..', '..');
  const files = ['conversations.js', 'preview.css', 'conversations.css'].map((f) => path.join(root, 'dist', f));
  const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!files.every((f) => fs.existsSync(f)) || !fs.existsSync(chromiumPath)) {
    console.log('  (status -> painted conversation: skipped, needs dist/conversations.js and chromium)');
    return;
  }

  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await webviewPage(browser, fs.readFileSync(files[1], 'utf8') + fs.readFileSync(files[2], 'utf8'), 'vscode-light conversations-page');
    await page.addScriptTag({ content: fs.readFileSync(files[0], 'utf8') });
    const totals: number[] = [];
    for (let i = 1; i <= 40; i++) {
      const { json, hostMs } = await postStatus();
      const pageMs = await untilPainted(page, json);
      if (pageMs < 0) throw new Error(`the Conversations page did not report update ${i} within 5 s`);
      if (i > 5) totals.push(hostMs + pageMs);
    }
    totals.sort((a, b) => a - b);
    report('conversations: status POST -> laid-out DOM in chromium (median)', totals[Math.floor(totals.length / 2)], 'ms', 50);
    report('conversations: status POST -> laid-out DOM in chromium (p90)', totals[Math.floor(totals.length * 0.9)], 'ms', 50);
  } finally {
    await browser.close();
  }
}
