/** The 24 h customer care window of a thread, in the view's words. */
import * as assert from 'node:assert/strict';
import type { Thread } from '../../../src/conversations/thread';
import { clockWords, untilWords, windowOf } from '../../../src/conversations/window';

const HOUR = 3600 * 1000;
const now = new Date(2025, 5, 3, 10, 0).getTime(); // local time, as the editor shows it

function thread(o: Partial<Thread> = {}): Thread {
  return { key: 'k', profile: 'Meta', customer: '447700900001', provider: 'whatsapp', messages: [], updatedAt: now, unseen: 0, ...o };
}

describe('conversations: the 24 h window', () => {
  it("is open for 24 h from the customer's last message, in the editor's local time", () => {
    const w = windowOf(thread({ lastInboundAt: now - 2 * HOUR }), now);
    assert.equal(w.state, 'open');
    assert.equal(w.until, now + 22 * HOUR);
    assert.equal(w.words, `open until tomorrow ${clockWords(now + 22 * HOUR)}`);
    assert.equal(windowOf(thread({ lastInboundAt: now - 23 * HOUR }), now).words, 'open until 11:00');
  });

  it('is closed with no customer message, or 24 h after the last one: templates only', () => {
    assert.deepEqual(windowOf(thread(), now), { state: 'closed', words: 'closed: templates only' });
    assert.equal(windowOf(thread({ lastInboundAt: now - 24 * HOUR }), now).state, 'closed');
  });

  it('closes when the provider says so after the customer wrote (a failed status with 131047)', () => {
    const failed = {
      dir: 'out' as const,
      key: 'a',
      messageId: 'a',
      provider: 'whatsapp',
      at: now - HOUR,
      summary: '',
      progress: 'failed' as const,
      statuses: [],
      error: { code: '131047' },
      origin: 'editor' as const,
    };
    assert.equal(windowOf(thread({ lastInboundAt: now - 2 * HOUR, messages: [failed] }), now).state, 'closed');
    assert.equal(windowOf(thread({ lastInboundAt: now - 2 * HOUR, messages: [{ ...failed, error: { code: '131026' } }] }), now).state, 'open', 'another failure says nothing about the window');
  });

  it("takes the sandbox's word for a sandbox thread (its test range is always open)", () => {
    assert.equal(windowOf(thread(), now, 'always').state, 'always');
    assert.equal(windowOf(thread(), now, now + HOUR).words, `open until ${clockWords(now + HOUR)}`);
    assert.equal(windowOf(thread({ lastInboundAt: now }), now, null).state, 'closed');
  });

  it('does not apply to SMS or Viber threads', () => {
    assert.equal(windowOf(thread({ provider: 'vonage', channel: 'sms' }), now).state, 'none');
    assert.equal(windowOf(thread({ provider: 'vonage', channel: 'viber_service' }), now).state, 'none');
    assert.equal(windowOf(thread({ provider: 'vonage', channel: 'whatsapp' }), now).state, 'closed');
  });

  it('names the day when the window closes on another one', () => {
    assert.equal(untilWords(now + HOUR, now), clockWords(now + HOUR));
    assert.match(untilWords(now + 3 * 24 * HOUR, now), /^[A-Z][a-z]{2} \d\d:\d\d$/);
  });
});
