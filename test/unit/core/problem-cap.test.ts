import * as assert from 'node:assert/strict';
import { validateText } from '../../../src/pipeline/validate';
import { parseDocument } from '../../../src/core/parse';
import { MAX_REPORTED_PROBLEMS } from '../../../src/core/problem-cap';

describe('problems on files with millions of faults', function () {
  this.timeout(60000);

  it('10 MB with 5 million syntax errors: the first 1,000 and how many more, in well under the 37 s it took', () => {
    const text = `[${'1 '.repeat(5e6)}]`;
    const started = Date.now();
    const { problems } = validateText(text, { fileName: 'x.gateway.json' });
    const ms = Date.now() - started;
    assert.equal(problems.length, MAX_REPORTED_PROBLEMS + 1);
    assert.ok(problems.slice(0, -1).every((p) => p.code === 'json-syntax'));
    const last = problems[problems.length - 1];
    assert.equal(last.code, 'too-many-problems');
    assert.match(last.message, /^4,998,999 more problems not listed: only the first 1,000 are/);
    assert.ok(ms < 5000, `${ms} ms`);
  });

  it('600,000 unknown properties: 1,000 located problems and a count, not a quadratic search', () => {
    const o: Record<string, unknown> = { phone: '+447700900000', message: 'x' };
    for (let i = 0; i < 600000; i++) o[`k${i}`] = 1;
    const text = JSON.stringify(o);
    const started = Date.now();
    const { problems } = validateText(text, { fileName: 'x.gateway.json' });
    const ms = Date.now() - started;
    assert.equal(problems.length, MAX_REPORTED_PROBLEMS + 1);
    assert.equal(text.slice(problems[999].start, problems[999].end), '"k999"');
    assert.match(problems[1000].message, /^599,000 more problems/);
    assert.ok(ms < 15000, `${ms} ms`);
  });

  it('200,000 list sections the schema finds incomplete: the lint rules stay linear', () => {
    const text = JSON.stringify({
      messaging_product: 'whatsapp',
      to: '447700900000',
      type: 'interactive',
      interactive: { type: 'list', body: { text: 'x' }, action: { button: 'b', sections: Array.from({ length: 200000 }, () => ({ rows: [{}] })) } },
    });
    const started = Date.now();
    const { problems } = validateText(text, { fileName: 'x.whatsapp.json' });
    assert.equal(problems.length, MAX_REPORTED_PROBLEMS + 1);
    assert.ok(Date.now() - started < 15000, `${Date.now() - started} ms`);
  });

  it('a file with a few errors keeps all of them and what could be read', () => {
    const doc = parseDocument('{"phone": "+447700900000" "message": "hi",}');
    assert.equal(doc.problems.length, 2);
    assert.deepEqual({ ...(doc.value as object) }, { phone: '+447700900000', message: 'hi' });
  });
});
