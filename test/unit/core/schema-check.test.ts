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
