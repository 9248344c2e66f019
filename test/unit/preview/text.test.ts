import * as assert from 'node:assert/strict';
import { renderPreview } from '../../../src/preview/document';
import { toText } from '../../../src/preview/text';
import { model, t } from './fixtures';

describe('preview text backend', () => {
  it('shows header, body lines, footer, buttons and problems as lines', () => {
    const text = toText(
      renderPreview({
        fileName: 'a.gateway.json',
        model: model({ provider: 'gateway', kind: 'buttons', header: { kind: 'text', ...t('Hi') }, text: t('line one\nline two'), footer: t('foot'), buttons: [{ kind: 'reply', title: t('Yes') }] }),
        problems: [{ severity: 'warning', code: 'phone-format', message: 'Bad number.', start: 3, end: 9, line: 2, column: 4 }],
      }),
    );
    const lines = text.split('\n');
    for (const want of ['Hi', 'line one', 'line two', 'foot'])
      assert.ok(
        lines.some((l) => l.replace(/^\u2502 /, '').trim() === want),
        `missing line ${want} in\n${text}`,
      );
    assert.match(text, /\[ Yes \]/);
    assert.match(text, /2:4 warning Bad number\. \[phone-format\]/);
  });
});

describe('preview document', () => {
  it('says it cannot draw a model with gaps instead of throwing', () => {
    const broken = model({ kind: 'list', list: { button: t('b'), sections: [{ rows: undefined as never, pointer: '/s' }] } });
    const text = toText(renderPreview({ fileName: 'x.whatsapp.json', model: broken, problems: [] }));
    assert.match(text, /cannot draw this message yet/);
  });
});

describe('preview notices', () => {
  it('says when the JSON is not valid yet, with where', () => {
    const text = toText(
      renderPreview({ fileName: 'x.whatsapp.json', model: undefined, problems: [{ severity: 'error', code: 'json-syntax', message: 'Value expected.', start: 12, end: 13, line: 2, column: 5 }] }),
    );
    assert.match(text, /not valid JSON yet \(line 2, column 5\)/);
    assert.doesNotMatch(toText(renderPreview({ fileName: 'x.whatsapp.json', model: model({ text: t('hi') }), problems: [] })), /not valid JSON/);
  });
});
