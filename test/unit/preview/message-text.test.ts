import * as assert from 'node:assert/strict';
import { MAX_SHOWN_CHARS, clipForPreview } from '../../../src/preview/message-text';
import { renderPreview } from '../../../src/preview/document';
import { renderPhone } from '../../../src/preview/render';
import { findByClass, textOf, walk, type VElement } from '../../../src/preview/vnode';
import { parseHostMessage } from '../../../src/shared/protocol';
import { model, t } from './fixtures';

const bodyText = (root: VElement): string => findByClass(root, 'body').map(textOf).join('');

describe('preview of a huge text', () => {
  it('draws a short text whole, with no note', () => {
    const root = renderPhone(model({ text: t('Hello') }));
    assert.equal(findByClass(root, 'clipped-note').length, 0);
    assert.equal(bodyText(root), 'Hello');
  });

  it('draws the first MAX_SHOWN_CHARS of a 5 MB WhatsApp body and says how much is left out', () => {
    const big = 'a'.repeat(5 * 1024 * 1024);
    const root = renderPhone(model({ text: t(big) }));
    const notes = findByClass(root, 'clipped-note');
    assert.equal(notes.length, 1);
    assert.match(textOf(notes[0]), /5,242,880 in all/);
    const drawn = bodyText(root).replace(textOf(notes[0]), '');
    assert.equal(drawn.length, MAX_SHOWN_CHARS);
  });

  it('draws only the SMS parts within the clip but counts all of them in the facts', () => {
    const big = 'x'.repeat(5 * 1024 * 1024);
    const root = renderPhone(model({ provider: 'vonage', channel: 'sms', text: t(big) }));
    const segments = findByClass(root, 'sms-segment');
    assert.ok(segments.length > 1 && segments.length <= Math.ceil(MAX_SHOWN_CHARS / 153), `segments drawn: ${segments.length}`);
    assert.equal(findByClass(root, 'clipped-note').length, 1);
    assert.match(findByClass(root, 'sms-facts').map(textOf).join(' '), /34268/);
  });

  it('keeps the whole preview message within the protocol the webview accepts', () => {
    for (const channel of ['whatsapp', 'sms'] as const) {
      const tree = renderPreview({ fileName: 'big.json', model: model({ provider: channel === 'sms' ? 'vonage' : 'whatsapp', channel, text: t('y\n'.repeat(2 * 1024 * 1024)) }), problems: [] });
      const nodes = [...walk(tree)].length;
      assert.ok(nodes < 50_000, `${channel}: ${nodes} nodes`);
      assert.ok(parseHostMessage({ type: 'state', seq: 1, uri: 'file:///big.json', fileName: 'big.json', tree }), `${channel}: rejected by the protocol`);
    }
  });

  it('never cuts a surrogate pair in half', () => {
    const text = 'a'.repeat(9) + '\u{1F600}' + 'b'.repeat(10);
    const { shown, note } = clipForPreview(text, 10);
    assert.equal(shown, 'a'.repeat(9));
    assert.ok(note);
  });
});
