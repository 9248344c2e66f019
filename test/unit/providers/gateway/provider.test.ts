import * as assert from 'node:assert/strict';
import { validateText } from '../../../../src/pipeline/validate';
import { applyEdits } from '../../../../src/core/edits';
import { provider as gateway } from '../../../../src/providers/gateway';
import { detectProvider } from '../../../../src/providers/registry';

function check(payload: unknown) {
  const text = JSON.stringify(payload, null, 2);
  const result = validateText(text, { fileName: 'payload.gateway.json' });
  const errors = result.problems.filter((p) => p.severity === 'error');
  return { text, result, errors, codes: errors.map((p) => `${p.code} ${p.pointer}`) };
}

const interactive = {
  phone: '+447700900000',
  message: 'Pick one',
  header: 'Hi',
  footer: 'Bye',
  buttons: [
    { id: 'a', title: 'Yes' },
    { id: 'b', title: 'No' },
  ],
};

describe('gateway provider (seed 003)', () => {
  it('accepts a text and an interactive message', () => {
    assert.deepEqual(check({ phone: '+919876543210', message: '*bold* text' }).codes, []);
    assert.deepEqual(check(interactive).codes, []);
  });

  it('a phone without "+": error with a fix that adds it', () => {
    const { codes, errors, text } = check({ phone: '447700900000', message: 'x' });
    assert.deepEqual(codes, ['phone-format /phone']);
    assert.equal(applyEdits(text, errors[0].fixes![0].edits), JSON.stringify({ phone: '+447700900000', message: 'x' }, null, 2));
  });

  it('a phone with spaces or dashes', () => {
    assert.deepEqual(check({ phone: '+44 7700-900000', message: 'x' }).codes, ['phone-format /phone']);
  });

  it('4 buttons, a 21-character title, duplicate titles', () => {
    const four = { ...interactive, buttons: ['A', 'B', 'C', 'D'].map((t) => ({ id: t, title: t })) };
    assert.deepEqual(check(four).codes, ['schema /buttons/3']);
    assert.deepEqual(check({ ...interactive, buttons: [{ id: 'a', title: 't'.repeat(21) }] }).codes, ['schema /buttons/0/title']);
    assert.deepEqual(
      check({
        ...interactive,
        buttons: [
          { id: 'a', title: 'Yes' },
          { id: 'b', title: 'Yes' },
        ],
      }).codes,
      ['duplicate-button-title /buttons/1/title'],
    );
  });

  it('an interactive body over 1024 characters, though plain text may be 4096', () => {
    assert.deepEqual(check({ phone: '+447700900000', message: 'm'.repeat(2000) }).codes, []);
    const { codes, errors } = check({ ...interactive, message: 'm'.repeat(1025) });
    assert.deepEqual(codes, ['interactive-body-length /message']);
    assert.match(errors[0].message, /1025 characters.*1024/);
    assert.deepEqual(check({ phone: '+447700900000', message: 'm'.repeat(4097) }).codes, ['schema /message']);
  });

  it('a Cuba number, a missing message, a token in the file', () => {
    assert.deepEqual(check({ phone: '+5355512345', message: 'x' }).codes, ['restricted-destination /phone']);
    assert.deepEqual(check({ phone: '+447700900000' }).codes, ['schema ']);
    const withToken = check({ token: 'abcdef123456', phone: '+447700900000', message: 'x' });
    // The API takes a token parameter, so it is no schema error; keeping it in the file is the warning.
    assert.deepEqual(withToken.codes, []);
    assert.deepEqual(
      withToken.result.problems.map((p) => `${p.severity} ${p.code} ${p.pointer}`),
      ['warning credential-in-payload /token'],
    );
  });

  it('maps to the model with "plus" phone style', () => {
    const m = gateway.toModel(interactive)!;
    assert.equal(m.kind, 'buttons');
    assert.deepEqual(m.to, { text: '+447700900000', pointer: '/phone', style: 'plus' });
    assert.deepEqual(m.header, { kind: 'text', text: 'Hi', pointer: '/header' });
    assert.equal(m.buttons?.length, 2);
    assert.equal(gateway.toModel({ phone: '+1', message: 'x' })!.kind, 'text');
    for (const j of [null, [], { buttons: 'x' }, { buttons: [null, 1] }]) assert.doesNotThrow(() => gateway.toModel(j));
  });

  it('is detected by phone + message', () => {
    assert.equal(detectProvider({ phone: '+447700900000', message: 'x' })?.id, 'gateway');
  });
});
