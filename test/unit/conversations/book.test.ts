/**
 * The book of conversations: sends and the webhooks that answer them, with bodies built by the
 * providers' own webhook builders (what the sandbox posts) and read back by their own event readers.
 */
import * as assert from 'node:assert/strict';
import { ConversationBook, MAX_MESSAGES_PER_THREAD, MAX_THREADS, type ReceivedWebhook, type SendRecord } from '../../../src/conversations/book';
import { threadKey } from '../../../src/conversations/thread';
import type { InboundSpec, StatusSpec } from '../../../src/providers/webhook-types';
import { webhookById } from '../../../src/webhooks/registry';

let n = 0;
function webhook(provider: string, body: unknown, receivedAt = '2025-06-01T12:00:00.000Z'): ReceivedWebhook {
  return { id: `r${++n}`, provider, receivedAt, events: webhookById(provider)!.events(body) };
}
const status = (provider: string, s: Partial<StatusSpec> & Pick<StatusSpec, 'messageId' | 'status'>) =>
  webhook(provider, webhookById(provider)!.build.status({ to: '447700900001', from: '15550000000', at: Date.parse('2025-06-01T12:00:00Z'), ...s }));
const inbound = (provider: string, s: Partial<InboundSpec> & Pick<InboundSpec, 'messageId'>) =>
  webhook(provider, webhookById(provider)!.build.inbound({ from: '447700900001', to: '15550000000', at: Date.parse('2025-06-01T12:01:00Z'), ...s }));
const send = (o: Partial<SendRecord> = {}): SendRecord => ({
  profile: 'Sandbox',
  provider: 'whatsapp',
  to: '+44 7700 900001',
  messageId: 'wamid.A',
  at: Date.parse('2025-06-01T11:59:00Z'),
  summary: 'text: "Hi"',
  body: { to: '447700900001' },
  ...o,
});

function progressOf(book: ConversationBook, id: string, profile = 'Sandbox') {
  const m = book.message(id, profile)?.message;
  return m?.dir === 'out' ? m.progress : undefined;
}

describe('conversations: the book', () => {
  it('keeps one thread per profile and customer, whatever way the number is written', () => {
    const book = new ConversationBook();
    book.recordSend(send());
    book.recordSend(send({ messageId: 'wamid.B', to: '447700900001' }));
    book.recordSend(send({ messageId: 'wamid.C', profile: 'Meta' }));
    assert.equal(book.threads().length, 2);
    assert.equal(book.thread(threadKey('Sandbox', '00447700900001'))?.messages.length, 2);
  });

  it('moves ticks forward only: a late "delivered" after "read" leaves it read; a failure wins with its error', () => {
    const book = new ConversationBook();
    book.recordSend(send());
    assert.equal(progressOf(book, 'wamid.A'), 'pending');
    for (const s of ['sent', 'read', 'delivered'] as const) book.apply('Sandbox', status('whatsapp', { messageId: 'wamid.A', status: s }));
    assert.equal(progressOf(book, 'wamid.A'), 'read');
    book.recordSend(send({ messageId: 'wamid.F' }));
    book.apply('Sandbox', status('whatsapp', { messageId: 'wamid.F', status: 'failed', error: { code: 131047, title: 'Re-engagement message', detail: 'window' } }));
    const failed = book.message('wamid.F')!.message;
    assert.ok(failed.dir === 'out');
    assert.equal(failed.progress, 'failed');
    assert.deepEqual(failed.error, { code: '131047', title: 'Re-engagement message' });
  });

  it('reads Vonage statuses (submitted, rejected with 1340) as the same ticks', () => {
    const book = new ConversationBook();
    book.recordSend(send({ provider: 'vonage', messageId: 'aaaaaaaa-0000-4000-8000-000000000001' }));
    book.apply('Sandbox', status('vonage', { messageId: 'aaaaaaaa-0000-4000-8000-000000000001', status: 'sent' }));
    assert.equal(progressOf(book, 'aaaaaaaa-0000-4000-8000-000000000001'), 'sent');
    book.apply(
      'Sandbox',
      status('vonage', { messageId: 'aaaaaaaa-0000-4000-8000-000000000001', status: 'failed', error: { code: 1340, title: 'Outside of the allowed window', detail: 'Outside of the allowed window' } }),
    );
    const m = book.message('aaaaaaaa-0000-4000-8000-000000000001')!.message;
    assert.ok(m.dir === 'out' && m.progress === 'failed' && m.error?.code === '1340');
  });

  it('ignores a repeated webhook (providers retry; listen replay resends) and says nothing changed', () => {
    const book = new ConversationBook();
    book.recordSend(send());
    const w = status('whatsapp', { messageId: 'wamid.A', status: 'delivered' });
    assert.deepEqual(book.apply('Sandbox', w), [threadKey('Sandbox', '447700900001')]);
    assert.deepEqual(book.apply('Sandbox', w), []);
    const reply = inbound('whatsapp', { messageId: 'wamid.IN1', text: 'Hi back' });
    assert.equal(book.apply('Sandbox', reply).length, 1);
    assert.equal(book.apply('Sandbox', reply).length, 0);
    assert.equal(book.thread(threadKey('Sandbox', '447700900001'))!.messages.length, 2);
  });

  it("puts a customer's reply in the thread with what it answers, opening the window", () => {
    const book = new ConversationBook();
    book.recordSend(send());
    book.apply('Sandbox', inbound('whatsapp', { messageId: 'wamid.IN2', reply: { id: 'yes', title: 'Yes', kind: 'button' }, context: 'wamid.A' }));
    const t = book.thread(threadKey('Sandbox', '447700900001'))!;
    const m = t.messages[1];
    assert.ok(m.dir === 'in');
    assert.deepEqual([m.reply, m.context, m.provider], [{ id: 'yes', title: 'Yes' }, 'wamid.A', 'whatsapp']);
    assert.equal(t.lastInboundAt, Date.parse('2025-06-01T12:01:00Z'));
    assert.equal(t.unseen, 1);
    book.markSeen();
    assert.equal(book.unseen(), 0);
  });

  it('hangs a reaction on the message it reacts to', () => {
    const book = new ConversationBook();
    book.recordSend(send());
    const body = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '1',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '15550000000', phone_number_id: '1' },
                messages: [{ from: '447700900001', id: 'wamid.R', timestamp: '1748779300', type: 'reaction', reaction: { message_id: 'wamid.A', emoji: '\u{1F44D}' } }],
              },
            },
          ],
        },
      ],
    };
    book.apply('Sandbox', webhook('whatsapp', body));
    const m = book.message('wamid.A')!.message;
    assert.ok(m.dir === 'out' && m.reaction === '\u{1F44D}');
    assert.equal(book.thread(threadKey('Sandbox', '447700900001'))!.messages.length, 1, 'no bubble of its own');
  });

  it('shows a status for a message sent elsewhere as such, in the thread of its recipient', () => {
    const book = new ConversationBook();
    book.apply('Meta', status('whatsapp', { messageId: 'wamid.X', status: 'delivered' }));
    const m = book.message('wamid.X')!;
    assert.equal(m.thread.profile, 'Meta');
    assert.ok(m.message.dir === 'out' && m.message.origin === 'elsewhere' && m.message.progress === 'delivered');
    // The editor's own record of the same id adopts it.
    book.recordSend(send({ profile: 'Meta', messageId: 'wamid.X', summary: 'text: "mine"' }));
    assert.equal(book.thread(threadKey('Meta', '447700900001'))!.messages.length, 1);
    assert.ok(book.message('wamid.X')!.message.dir === 'out');
    const again = book.message('wamid.X')!.message;
    assert.ok(again.dir === 'out' && again.origin === 'editor' && again.progress === 'delivered' && again.summary === 'text: "mine"');
  });

  it("keeps profiles apart: a status reaching one profile's inbox does not move another's message", () => {
    const book = new ConversationBook();
    book.recordSend(send({ profile: 'Sandbox' }));
    book.apply('Meta', status('whatsapp', { messageId: 'wamid.A', status: 'read' }));
    assert.equal(progressOf(book, 'wamid.A'), 'pending');
  });

  it('records a refused send as not sent, with its problem', () => {
    const book = new ConversationBook();
    const { message } = book.recordSend(send({ messageId: null, problem: 'HTTP 401: bad token', errorCode: '190' }));
    assert.equal(message.progress, 'not-sent');
    assert.equal(message.problem, 'HTTP 401: bad token');
    assert.deepEqual(message.error, { code: '190' });
  });

  it('is bounded: threads and messages per thread, oldest dropped; a huge body is not kept', () => {
    const book = new ConversationBook();
    for (let i = 0; i < MAX_THREADS + 5; i++) book.recordSend(send({ to: `4477009${String(i).padStart(5, '0')}`, messageId: `t${i}`, at: i }));
    assert.equal(book.threads().length, MAX_THREADS);
    assert.equal(book.message('t0'), undefined);
    for (let i = 0; i < MAX_MESSAGES_PER_THREAD + 3; i++) book.recordSend(send({ messageId: `m${i}`, at: 1000 + i }));
    assert.equal(book.thread(threadKey('Sandbox', '447700900001'))!.messages.length, MAX_MESSAGES_PER_THREAD);
    assert.equal(book.message('m0'), undefined);
    const { message } = book.recordSend(send({ messageId: 'big', body: { text: 'x'.repeat(100_000) } }));
    assert.equal(message.body, undefined);
  });

  it('survives a save and load (JSON), and drops what is malformed instead of trusting it', () => {
    const book = new ConversationBook();
    book.recordSend(send());
    book.apply('Sandbox', status('whatsapp', { messageId: 'wamid.A', status: 'delivered' }));
    const saved = JSON.parse(JSON.stringify(book.toJSON()));
    const again = ConversationBook.fromJSON(saved);
    assert.deepEqual(again.toJSON(), book.toJSON());
    again.apply('Sandbox', status('whatsapp', { messageId: 'wamid.A', status: 'read' }));
    assert.equal(progressOf(again, 'wamid.A'), 'read', 'statuses still find their message after a reload');
    for (const bad of [null, 'x', { threads: 'x' }, { threads: [null, { profile: 1 }, { profile: 'p', customer: 'c', provider: 'whatsapp', messages: [null, { dir: 'out' }] }] }]) {
      const b = ConversationBook.fromJSON(bad);
      assert.ok(b.threads().every((t) => t.messages.length === 0));
    }
  });
});
