import * as assert from 'node:assert/strict';
import { validateText } from '../../../src/pipeline/validate';
import { publishedProblems } from '../../../src/extension/published-problems';

const codes = (text: string, fileName = 'x.whatsapp.json') => publishedProblems(validateText(text, { fileName }).problems).map((p) => p.code);

describe('extension: the problems the editor publishes', () => {
  it('leaves JSON syntax errors to VS Code, which reports them already', () => {
    assert.ok(validateText('{"to": }', { fileName: 'x.whatsapp.json' }).problems.some((p) => p.code === 'json-syntax'));
    assert.ok(!codes('{"to": }').includes('json-syntax'));
  });

  it('publishes schema and lint problems, and what VS Code does not report but Send refuses', () => {
    assert.ok(codes('{"messaging_product": "whatsapp", "to": "447700900000", "type": "text", "text": {"body": 42}}').includes('schema'));
    assert.deepEqual(codes(''), ['empty-file']);
    assert.deepEqual(codes('['.repeat(300) + ']'.repeat(300)), ['too-deep']);
  });
});
