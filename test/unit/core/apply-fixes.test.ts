import * as assert from 'node:assert/strict';
import { applyAutoFixes } from '../../../src/core/apply-fixes';
import { validateText } from '../../../src/pipeline/validate';
import type { Problem } from '../../../src/core/problem';

const check = (file: string) => (text: string) => validateText(text, { fileName: file }).problems;

describe('applyAutoFixes', () => {
  it('applies every fix with one right answer, in one text, and says what it changed where', () => {
    const text = '{\n  "message_type": "text",\n  "channel": "sms",\n  "to": "+44 (0)7700 900000",\n  "from": "0044 7700 900001",\n  "text": "hi"\n}\n';
    const r = applyAutoFixes(text, check('x.vonage.json'));
    const value = JSON.parse(r.text);
    assert.equal(value.to, '447700900000');
    assert.equal(value.from, '447700900001');
    assert.deepEqual(
      r.applied.map((a) => [a.code, a.line, a.column]),
      [
        ['phone-format', 4, 9],
        ['phone-format', 5, 11],
      ],
    );
    assert.deepEqual(r.problems, []);
    // Everything else is as the user wrote it.
    assert.equal(r.text, text.replace('"+44 (0)7700 900000"', '"447700900000"').replace('"0044 7700 900001"', '"447700900001"'));
  });

  it('leaves alone fixes that are not certain or would remove what the user wrote', () => {
    // A credential in the file: removing it is offered in the editor, never done unasked (it may be the only copy).
    const text = JSON.stringify({ phone: '+447700900000', message: 'Caf\u00e9 \u2019ok\u2019', token: 'abcdef123456' }, null, 2);
    const before = check('x.gateway.json')(text);
    assert.ok(before.some((p) => p.code === 'credential-in-payload' && p.fixes?.length));
    const r = applyAutoFixes(text, check('x.gateway.json'));
    assert.equal(r.text, text);
    assert.deepEqual(r.applied, []);
  });

  it('takes one of two overlapping fixes per pass, and stops on fixes that undo each other', () => {
    let calls = 0;
    const flip = (text: string): Problem[] => {
      calls++;
      const to = text === 'a' ? 'b' : 'a';
      return [{ severity: 'error', code: 'x', message: '', pointer: '', start: 0, end: 1, source: 'lint', fixes: [{ title: `to ${to}`, auto: true, edits: [{ offset: 0, length: 1, newText: to }] }] }];
    };
    const r = applyAutoFixes('a', flip);
    assert.equal(r.text, 'b');
    assert.equal(r.applied.length, 1);
    assert.ok(calls <= 3, `${calls} checks`);

    const two = (text: string): Problem[] =>
      text === 'abc'
        ? [
            { severity: 'error', code: 'x', message: '', pointer: '', start: 0, end: 2, source: 'lint', fixes: [{ title: 'AB', auto: true, edits: [{ offset: 0, length: 2, newText: 'AB' }] }] },
            { severity: 'error', code: 'y', message: '', pointer: '', start: 1, end: 3, source: 'lint', fixes: [{ title: 'BC', auto: true, edits: [{ offset: 1, length: 2, newText: 'BC' }] }] },
          ]
        : [];
    const t = applyAutoFixes('abc', two);
    assert.equal(t.text, 'ABc');
    assert.deepEqual(
      t.applied.map((a) => a.title),
      ['AB'],
    );
  });
});
