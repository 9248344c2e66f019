import * as assert from 'node:assert/strict';
import { parseDocument, rangeOf } from '../../../src/core/parse';

describe('parseDocument', () => {
  it('reads a valid object and locates values by pointer', () => {
    const text = '{\n  "to": "447700900000",\n  "text": {"body": "hi"}\n}';
    const doc = parseDocument(text);
    assert.deepEqual(doc.problems, []);
    const r = rangeOf(doc, '/text/body');
    assert.equal(text.slice(r.start, r.end), '"hi"');
  });

  it('reports a syntax error where it is and keeps what it could read', () => {
    const text = '{"to": "4477", "text": "a" "channel": "sms"}';
    const doc = parseDocument(text);
    assert.equal(doc.problems[0].code, 'json-syntax');
    assert.equal(doc.problems[0].start, text.indexOf('"channel"'));
    assert.match(doc.problems[0].message, /comma/i);
    assert.equal((doc.value as Record<string, unknown>).to, '4477');
  });

  it('treats comments and trailing commas as errors: the file is the wire body', () => {
    assert.equal(
      parseDocument('{"a": 1, // c\n}').problems.some((p) => /comment/.test(p.message)),
      true,
    );
    assert.notEqual(parseDocument('{"a": 1,}').problems.length, 0);
  });

  it('reports an empty file', () => {
    assert.equal(parseDocument('  \n').problems[0].code, 'empty-file');
  });

  it('underlines the parent key when a child is missing', () => {
    const text = '{"text": {}}';
    const doc = parseDocument(text);
    const r = rangeOf(doc, '/text/body');
    assert.equal(text.slice(r.start, r.end), '"text"');
  });
});
