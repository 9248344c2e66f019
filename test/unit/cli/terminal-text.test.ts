import * as assert from 'node:assert/strict';
import { terminalSafe } from '../../../src/cli/terminal-text';

describe('terminalSafe', () => {
  it('shows escape sequences and control characters as escapes, keeping tabs and line ends', () => {
    assert.equal(terminalSafe('\u001b[2J\u001b[Hpwned\u0007'), '\\u001b[2J\\u001b[Hpwned\\u0007');
    assert.equal(terminalSafe('a\tb\nc\r\nd'), 'a\tb\nc\r\nd');
    assert.equal(terminalSafe('ok\rfake'), 'ok\\u000dfake');
    assert.equal(terminalSafe('\u009b31mred \u007f'), '\\u009b31mred \\u007f');
    assert.equal(terminalSafe('caf\u00e9 \u{1F600} \u0627'), 'caf\u00e9 \u{1F600} \u0627');
  });

  it('keeps JSON valid and its value the same', () => {
    const value = { m: 'x\u009b2J\u007f\u0085y', n: '\u001b[0m' };
    const safe = terminalSafe(JSON.stringify(value, null, 2));
    assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(safe));
    assert.deepEqual(JSON.parse(safe), value);
  });
});
