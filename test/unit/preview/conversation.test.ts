/**
 * The Conversations view's tree: our messages drawn by the preview's renderer on our side with
 * their ticks, the customer's on theirs, controls as data (`data-action`), and nothing from a
 * payload ever more than text. Every tree passes the protocol's checks, as the page applies them.
 */
import * as assert from 'node:assert/strict';
import { renderConversations, type ConversationsView, type InItem, type OutItem, type ThreadItem } from '../../../src/preview/conversation';
import { findByClass, textOf, walk, type VElement } from '../../../src/preview/vnode';
import { parseConversationsHostMessage } from '../../../src/shared/protocol';
import type { MessageModel } from '../../../src/core/model';

const t = (text: string) => ({ text, pointer: '' });
const buttons: MessageModel = {
  provider: 'whatsapp',
  channel: 'whatsapp',
  kind: 'buttons',
  text: t('Deliver tomorrow?'),
  buttons: [
    { kind: 'reply', id: 'yes', title: t('Yes') },
    { kind: 'url', url: 'https://a.example', title: t('Track') },
  ],
  freeForm: true,
};
const list: MessageModel = {
  provider: 'whatsapp',
  channel: 'whatsapp',
  kind: 'list',
  text: t('Pick a slot'),
  list: {
    button: t('Slots'),
    sections: [
      { rows: [{ id: 'am', title: t('Morning') }], pointer: '' },
      { rows: [{ id: 'pm', title: t('Afternoon') }], pointer: '' },
    ],
  },
  freeForm: true,
};

function out(o: Partial<OutItem> = {}): OutItem {
  return {
    kind: 'out',
    key: 'wamid.1',
    time: '12:00',
    model: buttons,
    summary: 'buttons',
    progress: 'read',
    messageId: 'wamid.1',
    hasRequest: true,
    hasResponse: true,
    tappable: true,
    origin: 'editor',
    ...o,
  };
}
function inbound(o: Partial<InItem> = {}): InItem {
  return { kind: 'in', key: 'wamid.2', time: '12:01', messageId: 'wamid.2', text: 'Hi', markedRead: false, canMarkRead: true, hasRequest: true, ...o };
}
function view(items: ThreadItem[], sandbox = true): ConversationsView {
  return {
    inbox: { state: 'listening', text: 'Inbox listening' },
    tabs: [],
    thread: { key: 'Sandbox\u0000447700900001', title: '447700900001', sub: 'Sandbox', window: { state: 'open', words: 'open until 14:32' }, sandbox, items },
  };
}
const actions = (tree: VElement) =>
  [...walk(tree)].filter((e) => e.attrs?.['data-action']).map((e) => `${e.attrs!['data-action']}:${e.attrs!['data-key']}${e.attrs!['data-index'] !== undefined ? `:${e.attrs!['data-index']}` : ''}`);

describe('preview: the Conversations view', () => {
  it('draws our message on our side with the ticks its statuses earned', () => {
    for (const [progress, cls] of [
      ['sent', 'ticks-sent'],
      ['delivered', 'ticks-delivered'],
      ['read', 'ticks-read'],
      ['failed', 'ticks-failed'],
      ['pending', 'ticks-pending'],
    ] as const) {
      const tree = renderConversations(view([out({ progress })]));
      const bubble = findByClass(tree, 'bubble')[0];
      assert.ok(bubble.attrs!.class.includes('outgoing') && !bubble.attrs!.class.includes('incoming'));
      assert.equal(findByClass(bubble, cls).length, 1, progress);
    }
  });

  it('makes reply buttons and list rows tappable as the customer in a sandbox thread, never a link button', () => {
    const tree = renderConversations(view([out(), out({ key: 'wamid.L', messageId: 'wamid.L', model: list })]));
    assert.deepEqual(
      actions(tree).filter((a) => /^(tap|pick)/.test(a)),
      ['tap:wamid.1:0', 'pick:wamid.L:0', 'pick:wamid.L:1'],
    );
    const notSandbox = renderConversations(view([out({ tappable: false })], false));
    assert.deepEqual(
      actions(notSandbox).filter((a) => /^(tap|pick|type)/.test(a)),
      [],
    );
    assert.equal(findByClass(notSandbox, 'composer').length, 0, 'no customer to play outside the sandbox');
  });

  it("quotes the message a customer's reply answers, and shows what was tapped", () => {
    const tree = renderConversations(view([inbound({ reply: { id: 'yes', title: 'Yes' }, quoted: 'Deliver tomorrow?', text: 'Yes' })]));
    const bubble = findByClass(tree, 'customer')[0];
    assert.equal(textOf(findByClass(bubble, 'quoted-text')), 'Deliver tomorrow?');
    assert.match(textOf(bubble), /Yes/);
    assert.match(textOf(findByClass(bubble, 'reply-id')), /id yes/);
    assert.deepEqual(actions(tree), ['mark-read:wamid.2', 'reply:wamid.2', 'copy:wamid.2', 'request:wamid.2', 'type:Sandbox\u0000447700900001']);
  });

  it("draws a customer's media as a placeholder (nothing downloaded), and a location", () => {
    const photo = renderConversations(view([inbound({ text: undefined, media: { kind: 'image', caption: 'my *receipt*', mime: 'image/jpeg' } })]));
    assert.match(textOf(findByClass(photo, 'media')[0]), /Photo.*image\/jpeg.*not downloaded/);
    assert.equal(
      findByClass(photo, 'media')[0].children?.some((c) => typeof c !== 'string' && c.tag === 'img'),
      false,
    );
    const place = renderConversations(view([inbound({ text: undefined, location: { latitude: 51.5, longitude: -0.12, name: 'Office' } })]));
    assert.equal(textOf(findByClass(place, 'location-coords')), '51.5, -0.12');
  });

  it('explains a failure with what to do, and offers a template when the window is closed', () => {
    const tree = renderConversations(view([out({ progress: 'failed', failure: { code: '131047', title: 'Re-engagement message', advice: 'Send an approved template.', windowClosed: true } })]));
    const f = findByClass(tree, 'failure')[0];
    assert.match(textOf(f), /^Failed \(131047\): Re-engagement message.*What to do: Send an approved template\./);
    assert.ok(actions(f).includes('template:wamid.1'));
  });

  it('shows the window, a tab per thread when there are several, and an empty state', () => {
    const tree = renderConversations({
      ...view([]),
      tabs: [
        { key: 'a', title: '4477', sub: 'Sandbox', unseen: 2, selected: false },
        { key: 'b', title: '4478', sub: 'Meta', unseen: 0, selected: true },
      ],
    });
    assert.equal(textOf(findByClass(tree, 'window-banner')[0]), '24 h window: open until 14:32');
    assert.deepEqual(
      actions(tree).filter((a) => a.startsWith('select')),
      ['select:a', 'select:b'],
    );
    assert.equal(textOf(findByClass(tree, 'tab-unseen')[0]), '2');
    const empty = renderConversations({ inbox: { state: 'stopped', text: 'Inbox not listening' }, tabs: [] });
    assert.match(textOf(empty), /No conversation yet\. Send a payload file/);
  });

  it("keeps payload text as text: markup in a message or a customer's reply is never an element", () => {
    const evil = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const tree = renderConversations(view([out({ model: { ...buttons, text: t(evil) } }), inbound({ text: evil, reply: { id: '"><b>', title: evil } })]));
    assert.ok([...walk(tree)].every((e) => e.tag !== 'script' && e.tag !== 'img'));
    assert.ok(textOf(tree).includes(evil));
    const msg = parseConversationsHostMessage(JSON.parse(JSON.stringify({ type: 'conversations', seq: 1, tree, statusAt: 1 })));
    assert.ok(msg, "the tree passes the protocol's allow-lists");
  });
});
