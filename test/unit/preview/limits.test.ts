import * as assert from 'node:assert/strict';
import { renderPreview } from '../../../src/preview/document';
import { MAX_ITEMS, MAX_PROBLEMS, clipModel } from '../../../src/preview/limits';
import type { PreviewProblem } from '../../../src/preview/problems';
import { findByClass, textOf, walk } from '../../../src/preview/vnode';
import { parseHostMessage } from '../../../src/shared/protocol';
import { model, t } from './fixtures';

const problem = (i: number): PreviewProblem => ({
  severity: 'error',
  code: 'duplicate-button-id',
  message: `Button ${i + 2} has the same id as button 1.`,
  start: i,
  end: i + 1,
  line: 1,
  column: i + 1,
});
const buttons = (n: number) => Array.from({ length: n }, (_, i) => ({ kind: 'reply' as const, title: t(`B${i}`), id: `b${i}` }));

describe('preview limits for pathological payloads', () => {
  it('leaves a real message as it is', () => {
    const m = model({ kind: 'buttons', text: t('Pick'), buttons: buttons(3) });
    const { model: out, omitted } = clipModel(m);
    assert.equal(omitted, 0);
    assert.deepEqual(out, m);
    const tree = renderPreview({ fileName: 'a.whatsapp.json', model: m, problems: [problem(0)] });
    assert.equal(findByClass(tree, 'preview-notice').length, 0);
    assert.equal(findByClass(tree, 'problems-more').length, 0);
    assert.equal(findByClass(tree, 'problem').length, 1);
  });

  it('draws at most MAX_ITEMS buttons and MAX_PROBLEMS problems of 20,000 buttons and 40,000 problems, saying what is left out', () => {
    const m = model({ kind: 'buttons', text: t('Pick'), buttons: buttons(20_000) });
    const problems = Array.from({ length: 40_000 }, (_, i) => problem(i));
    const tree = renderPreview({ fileName: 'many.whatsapp.json', model: m, problems });
    assert.equal(findByClass(tree, 'problem').length, MAX_PROBLEMS);
    assert.match(textOf(findByClass(tree, 'problems-more')[0]), /39,800 more/);
    assert.match(findByClass(tree, 'preview-notice').map(textOf).join(' '), /19,950 more are left out/);
    assert.ok(findByClass(tree, 'problems-title').map(textOf).join('').includes('40000 error(s)'), 'the count still covers every problem');
    assert.ok([...walk(tree)].length < 5_000);
    assert.ok(JSON.stringify(tree).length < 200_000);
    assert.ok(parseHostMessage({ type: 'state', seq: 1, uri: 'file:///many.whatsapp.json', fileName: 'many.whatsapp.json', tree }));
  });

  it('cuts list sections, rows, contacts and template parameters too', () => {
    const rows = Array.from({ length: 120 }, (_, i) => ({ id: `r${i}`, title: t(`Row ${i}`) }));
    const m = model({
      kind: 'list',
      list: { button: t('Choose'), sections: Array.from({ length: 60 }, () => ({ rows, pointer: '/s' })) },
      contacts: [{ name: 'A', phones: Array.from({ length: 70 }, (_, i) => String(i)) }],
      template: { name: 'x', parameters: Array.from({ length: 55 }, (_, i) => t(String(i))), pointer: '/t' },
    });
    const { model: out, omitted } = clipModel(m);
    assert.equal(out.list!.sections.length, MAX_ITEMS);
    assert.ok(out.list!.sections.every((s) => s.rows.length === MAX_ITEMS));
    assert.equal(out.contacts![0].phones.length, MAX_ITEMS);
    assert.equal(out.template!.parameters.length, MAX_ITEMS);
    assert.equal(omitted, 10 + 50 * 70 + 20 + 5);
    assert.equal(m.list!.sections.length, 60, 'the input model is not changed');
  });
});
