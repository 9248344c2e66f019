import * as assert from 'node:assert/strict';
import { acceptedReveal } from '../../../src/extension/reveal-check';

describe('preview: reveal requests from the page', () => {
  const previewed = { uri: 'file:///w/a.whatsapp.json', length: 100 };

  it('accepts a range inside the previewed document', () => {
    assert.deepEqual(acceptedReveal(previewed, { uri: previewed.uri, start: 3, end: 10 }), { start: 3, end: 10 });
    assert.deepEqual(acceptedReveal(previewed, { uri: previewed.uri, start: 100, end: 100 }), { start: 100, end: 100 });
  });

  it('refuses any other URI, whatever its scheme', () => {
    for (const uri of ['file:///etc/passwd', 'command:workbench.action.terminal.new', 'https://evil.example/x', 'file:///w/a.whatsapp.json#x', 'untitled:Untitled-1']) {
      assert.equal(acceptedReveal(previewed, { uri, start: 0, end: 1 }), undefined, uri);
    }
  });

  it('refuses ranges outside the document, reversed or not whole numbers, and any request with nothing previewed', () => {
    for (const [start, end] of [
      [0, 101],
      [-1, 2],
      [5, 4],
      [1.5, 3],
      [0, Number.NaN],
      [0, Infinity],
    ]) {
      assert.equal(acceptedReveal(previewed, { uri: previewed.uri, start, end }), undefined, `${start}-${end}`);
    }
    assert.equal(acceptedReveal(undefined, { uri: previewed.uri, start: 0, end: 1 }), undefined);
  });
});
