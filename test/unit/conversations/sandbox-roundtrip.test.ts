/**
 * The editor's conversation loop in plain Node, as the extension wires it: the sandbox posts its
 * signed webhooks to a real receiver (the inbox) checking them with the same secrets, and every
 * accepted request moves the book. Sends go over HTTP; the customer answers through
 * /_sandbox/inbound; the sandbox's clock moves to let a 24 h window close.
 */
import * as assert from 'node:assert/strict';
import { ConversationBook } from '../../../src/conversations/book';
import { conversationsView } from '../../../src/conversations/view';
import { threadKey } from '../../../src/conversations/thread';
import { createSandbox, type Sandbox } from '../../../src/sandbox/server';
import { createReceiver, type Receiver } from '../../../src/webhooks/receiver';
import type { StoredRequest } from '../../../src/webhooks/store';
import { closeAgent } from '../../../src/webhooks/post';
import { WHATSAPP_TOKEN, call } from '../sandbox/helpers';

const SECRETS = { whatsappAppSecret: 'inbox-app-secret-0123', vonageSignatureSecret: 'inbox-signature-secret-0123456789' };
const GRAPH = '/v21.0/106540352242922/messages';
const PROFILE = 'Sandbox';

describe('conversations: the sandbox, the inbox and the book together', function () {
  this.timeout(20000);
  let clockOffset = 0;
  const now = () => Date.now() + clockOffset;
  let book: ConversationBook;
  let receiver: Receiver;
  let sandbox: Sandbox;
  const received: StoredRequest[] = [];

  before(async () => {
    book = new ConversationBook();
    receiver = await createReceiver({
      secrets: SECRETS,
      now,
      onRequest: (r) => {
        received.push(r);
        if (r.verified !== false && r.status < 400) book.apply(PROFILE, r);
      },
    });
    sandbox = await createSandbox({ whatsappTokens: [WHATSAPP_TOKEN], webhook: receiver.url, webhookSecrets: SECRETS, statusDelayMs: 20, now });
  });
  after(async () => {
    await sandbox.close();
    await receiver.close();
    await closeAgent();
  });

  async function send(body: Record<string, unknown>): Promise<string> {
    const r = await call(sandbox.url + GRAPH, 'POST', body, { authorization: `Bearer ${WHATSAPP_TOKEN}` });
    assert.equal(r.status, 200, r.text);
    const id = r.json.messages[0].id as string;
    book.recordSend({ profile: PROFILE, provider: 'whatsapp', to: String(body.to), messageId: id, at: now(), body, summary: 'test' });
    return id;
  }

  async function until<T>(what: string, f: () => T | undefined): Promise<T> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const v = f();
      if (v) return v;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  const progress = (id: string) => {
    const m = book.message(id)?.message;
    return m?.dir === 'out' ? m.progress : undefined;
  };

  it('moves a sent message sent -> delivered -> read from verified status webhooks', async () => {
    const id = await send({ messaging_product: 'whatsapp', recipient_type: 'individual', to: '447700900321', type: 'text', text: { body: 'Hello' } });
    await until('read', () => progress(id) === 'read');
    const m = book.message(id)!.message;
    assert.equal(m.dir, 'out');
    if (m.dir === 'out')
      assert.deepEqual(
        m.statuses.map((s) => s.status),
        ['sent', 'delivered', 'read'],
      );
    assert.ok(
      received.every((r) => r.verified === true),
      'every webhook the sandbox posted was verified by the inbox',
    );
  });

  it('puts a tapped reply button in the thread, quoting the message it answers', async () => {
    const buttons = {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '447700900322',
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'Deliver tomorrow?' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'yes', title: 'Yes please' } },
            { type: 'reply', reply: { id: 'no', title: 'No' } },
          ],
        },
      },
    };
    const id = await send(buttons);
    const inbound = await sandbox.inboundMessage({ from: '447700900322', reply: { id: 'yes', title: 'Yes please' }, context: id });
    const thread = await until('the reply', () => {
      const t = book.thread(threadKey(PROFILE, '447700900322'));
      return t?.messages.some((m) => m.dir === 'in') ? t : undefined;
    });
    const reply = thread.messages.find((m) => m.dir === 'in')!;
    assert.equal(reply.messageId, inbound.id);
    assert.ok(reply.dir === 'in' && reply.reply?.id === 'yes' && reply.context === id);
    const view = conversationsView(book, {
      selected: thread.key,
      sandboxProfile: PROFILE,
      now: () => now(),
      sandboxWindow: (c) => sandbox.windowOpenUntil(c) ?? null,
      inbox: { state: 'listening', text: '' },
    });
    const item = view.thread!.items.find((i) => i.kind === 'in');
    assert.ok(item && item.kind === 'in');
    assert.equal(item.quoted, 'Deliver tomorrow?');
    assert.equal(view.thread!.window.state, 'always', 'the sandbox test range is always open');
  });

  it('shows a customer who wrote as open until 24 h later, and after the window closes a free-form message fails with 131047 explained', async () => {
    const customer = '15551234567';
    await sandbox.inboundMessage({ from: customer, text: 'Hi there' });
    const key = threadKey(PROFILE, customer);
    await until('the customer message', () => book.thread(key)?.messages.length);
    const ctx = () => ({
      selected: key,
      sandboxProfile: PROFILE,
      now: () => now(),
      sandboxWindow: (c: string) => sandbox.windowOpenUntil(c) ?? null,
      inbox: { state: 'listening' as const, text: '' },
    });
    assert.equal(conversationsView(book, ctx()).thread!.window.state, 'open');
    assert.match(conversationsView(book, ctx()).thread!.window.words, /^open until tomorrow \d\d:\d\d$/);

    clockOffset += 25 * 3600 * 1000;
    assert.deepEqual(conversationsView(book, ctx()).thread!.window, { state: 'closed', words: 'closed: templates only' });
    const id = await send({ messaging_product: 'whatsapp', recipient_type: 'individual', to: customer, type: 'text', text: { body: 'Still there?' } });
    await until('the failed status', () => progress(id) === 'failed');
    const out = conversationsView(book, ctx()).thread!.items.find((i) => i.kind === 'out' && i.messageId === id);
    assert.ok(out && out.kind === 'out' && out.failure);
    assert.equal(out.failure.code, '131047');
    assert.equal(out.failure.windowClosed, true);
    assert.match(out.failure.advice ?? '', /template/);
  });

  it('a webhook signed with another secret is refused by the inbox and moves nothing', async () => {
    const other = await createSandbox({ whatsappTokens: [WHATSAPP_TOKEN], webhook: receiver.url, webhookSecrets: { whatsappAppSecret: 'not-the-inbox-secret' }, statusDelayMs: 10 });
    try {
      const before = received.length;
      await other.inboundMessage({ from: '447700900399', text: 'forged' });
      const refused = await until('the refused request', () => received.slice(before).find((r) => r.verified === false));
      assert.equal(refused.status, 401);
      assert.equal(book.thread(threadKey(PROFILE, '447700900399')), undefined);
    } finally {
      await other.close();
    }
  });
});
