/** The Conversations page's messages, checked by both sides: only known actions, bounded text, no markup. */
import * as assert from 'node:assert/strict';
import { parseConversationsHostMessage, parseConversationsPageMessage } from '../../../src/shared/protocol';

describe('protocol: the Conversations page', () => {
  it('accepts what the page sends: ready, rendered, and each action', () => {
    assert.deepEqual(parseConversationsPageMessage({ type: 'ready' }), { type: 'ready' });
    assert.ok(parseConversationsPageMessage({ type: 'rendered', seq: 2, domMs: 1.2, totalMs: 8 }));
    for (const action of ['select', 'tap', 'pick', 'type', 'mark-read', 'reply', 'copy', 'request', 'response', 'template']) {
      assert.ok(parseConversationsPageMessage({ type: 'action', action, key: 'k', ...(action === 'type' ? { text: 'hi' } : {}), ...(action === 'tap' ? { index: 1 } : {}) }), action);
    }
  });

  it('refuses an unknown action, an index that is not a count, an empty or huge text, and extra fields', () => {
    for (const bad of [
      { type: 'action', action: 'eval', key: 'k' },
      { type: 'action', action: 'tap', key: 'k', index: -1 },
      { type: 'action', action: 'tap', key: 'k', index: 0.5 },
      { type: 'action', action: 'type', key: 'k', text: '' },
      { type: 'action', action: 'type', key: 'k', text: 'x'.repeat(4097) },
      { type: 'action', action: 'copy', key: 'x'.repeat(2000) },
      { type: 'action', action: 'copy', key: 'k', url: 'https://evil' },
      { type: 'state', seq: 1 },
    ]) {
      assert.equal(parseConversationsPageMessage(bad), undefined, JSON.stringify(bad));
    }
  });

  it('accepts a state with an allowed tree only', () => {
    assert.ok(
      parseConversationsHostMessage({ type: 'conversations', seq: 1, tree: { tag: 'div', children: [{ tag: 'button', attrs: { 'data-action': 'tap', 'data-key': 'k' }, children: ['Yes'] }] } }),
    );
    assert.equal(parseConversationsHostMessage({ type: 'conversations', seq: 1, tree: { tag: 'div', attrs: { onclick: 'x' } } }), undefined);
    assert.equal(parseConversationsHostMessage({ type: 'conversations', seq: 1, tree: { tag: 'iframe' } }), undefined);
  });
});
