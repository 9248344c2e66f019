import * as assert from 'node:assert/strict';
import { parseHostMessage, parseWebviewMessage } from '../../../src/shared/protocol';
import { renderPreview } from '../../../src/preview/document';
import { model, t } from '../preview/fixtures';

describe('preview protocol', () => {
  const tree = renderPreview({ fileName: 'a.whatsapp.json', model: model({ text: t('*hi* <b>') }), problems: [] });

  it('accepts the messages each side sends', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.ok(parseWebviewMessage({ type: 'reveal', uri: 'file:///f', start: 1, end: 4 }));
    assert.ok(parseWebviewMessage({ type: 'rendered', seq: 3, domMs: 1.5 }));
    const state = parseHostMessage({ type: 'state', seq: 1, uri: 'file:///a.whatsapp.json', fileName: 'a.whatsapp.json', tree });
    assert.equal(state?.type, 'state');
    assert.ok(parseHostMessage({ type: 'empty', reason: 'Open a payload file.' }));
  });

  it('rejects malformed messages', () => {
    for (const bad of [
      null,
      'ready',
      {},
      { type: 'nope' },
      { type: 'ready', extra: 1 },
      { type: 'reveal', uri: 'f', start: -1, end: 2 },
      { type: 'reveal', uri: 'f', start: 1.5, end: 2 },
      { type: 'reveal', start: 1, end: 2 },
      { type: 'rendered', seq: 'x', domMs: 1 },
      { type: 'state' },
    ]) {
      assert.equal(parseWebviewMessage(bad), undefined, JSON.stringify(bad));
    }
    assert.equal(parseHostMessage({ type: 'ready' }), undefined);
    assert.equal(parseHostMessage({ type: 'state', seq: 1, uri: 'u', fileName: 'f' }), undefined);
  });

  it('rejects a tree with a tag or attribute outside the allow-list', () => {
    const withTag = (node: unknown) => ({ type: 'state', seq: 1, uri: 'u', fileName: 'f', tree: { tag: 'div', children: [node] } });
    assert.equal(parseHostMessage(withTag({ tag: 'script', children: ['alert(1)'] })), undefined);
    assert.equal(parseHostMessage(withTag({ tag: 'div', attrs: { onclick: 'x()' } })), undefined);
    assert.equal(parseHostMessage(withTag({ tag: 'div', attrs: { src: 'https://x' } })), undefined);
    assert.equal(parseHostMessage(withTag({ tag: 'div', attrs: { class: 1 } })), undefined);
    assert.equal(parseHostMessage(withTag(42)), undefined);
    assert.ok(parseHostMessage(withTag({ tag: 'img', attrs: { src: 'https://x/a.png' } })));
  });
});
