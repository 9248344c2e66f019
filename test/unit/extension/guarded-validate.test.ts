import * as assert from 'node:assert/strict';
import { validateText } from '../../../src/core/validate';
import { guardedValidate } from '../../../src/extension/guarded-validate';
import { MAX_NESTING, nestingDepth } from '../../../src/core/nesting';

const SMS = { message_type: 'text', channel: 'sms', to: '447700900000', from: 'Acme', text: 'hi' };
const nested = (levels: number) => JSON.stringify(SMS).replace(/\}$/, `,"x":${'['.repeat(levels)}${']'.repeat(levels)}}`);

describe('guarded validation (extension)', () => {
  it('measures nesting, ignoring brackets inside strings and escaped quotes', () => {
    assert.equal(nestingDepth('{"a":[{"b":1}]}'), 3);
    assert.equal(nestingDepth('{"a":"[[[[{{{{ \\" [[[["}'), 1);
    assert.equal(nestingDepth(''), 0);
  });

  it('checks a normal payload exactly as the domain does', () => {
    const text = JSON.stringify({ ...SMS, to: '+44 7700 900000' });
    const guarded = guardedValidate(validateText, text, { fileName: 'a.vonage.json' });
    const plain = validateText(text, { fileName: 'a.vonage.json' });
    assert.deepEqual(guarded.problems.map((p) => p.code), plain.problems.map((p) => p.code));
    assert.equal(guarded.provider?.id, 'vonage');
  });

  it('answers at once with one clear error for JSON nested 100,000 levels deep (the domain overflows the stack or runs for minutes)', () => {
    const text = nested(100_000);
    const t0 = Date.now();
    const r = guardedValidate(validateText, text, { fileName: 'deep.vonage.json' });
    assert.ok(Date.now() - t0 < 1000, `took ${Date.now() - t0} ms`);
    assert.equal(r.problems.length, 1);
    assert.equal(r.problems[0].severity, 'error');
    assert.equal(r.problems[0].source, 'lint', 'shown in the editor like our other problems');
    assert.match(r.problems[0].message, new RegExp(`more than ${MAX_NESTING} levels`));
    assert.equal(r.model, undefined);
  });

  it('still checks a file nested just within the limit', () => {
    const r = guardedValidate(validateText, nested(MAX_NESTING - 2), { fileName: 'ok.vonage.json', schema: false });
    assert.ok(!r.problems.some((p) => p.code === 'unchecked' || p.code === 'too-deep'));
    assert.equal(r.provider?.id, 'vonage');
  });

  it('turns an exception inside the domain into a problem, never a stack trace', () => {
    const r = guardedValidate(() => { throw new RangeError('Maximum call stack size exceeded'); }, '{}', {});
    assert.equal(r.problems.length, 1);
    assert.match(r.problems[0].message, /could not be checked because it is too deeply nested or too large/);
    assert.ok(!/at \w+ \(|Maximum call stack/.test(r.problems[0].message));
  });
});
