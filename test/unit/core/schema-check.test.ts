import * as assert from 'node:assert/strict';
import { z } from 'zod';
import { parseDocument } from '../../../src/core/parse';
import { schemaProblems } from '../../../src/core/schema-check';
describe('union paths', () => {
  it('locates an issue inside a plain union at its full pointer', () => {
    const s = z.object({ a: z.object({ b: z.array(z.union([z.string(), z.object({ d: z.string().max(2) })])) }) });
    const doc = parseDocument('{"a": {"b": [{"d": "long"}]}}');
    const p = schemaProblems(doc, s);
    assert.equal(p[0].pointer, '/a/b/0/d');
    assert.equal(doc.text.slice(p[0].start, p[0].end), '"long"');
  });
});

describe('discriminated union messages', () => {
  const s = z.discriminatedUnion('type', [z.object({ type: z.literal('text') }), z.object({ type: z.literal('image') })]);

  it('names the accepted values and the one found', () => {
    const p = schemaProblems(parseDocument('{"type": "video"}'), s);
    assert.match(p[0].message, /must be one of "text", "image" \(found "video"\)/);
  });

  it('cuts a long found value short', () => {
    const p = schemaProblems(parseDocument(JSON.stringify({ type: 'v'.repeat(500) })), s);
    assert.match(p[0].message, new RegExp(`\\(found "${'v'.repeat(40)}…"\\)`));
    assert.ok(p[0].message.length < 200, p[0].message);
  });
});
