import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { validateText } from '../../../src/pipeline/validate';
import { renderPreview } from '../../../src/preview/document';
import { locateProblems } from '../../../src/preview/problems';
import { findByClass, hasClass, textOf, type VElement } from '../../../src/preview/vnode';
import { parseHostMessage } from '../../../src/shared/protocol';
import { projectRoot } from '../helpers';

type Json = any;

const example = (rel: string): Json => JSON.parse(fs.readFileSync(path.join(projectRoot(), 'examples', rel), 'utf8'));

/** The preview as the editor draws it: our problems, the parsed file. */
function preview(fileName: string, payload: Json, withDoc = true) {
  const text = JSON.stringify(payload, null, 2);
  const result = validateText(text, { fileName });
  const problems = locateProblems(text, result.problems);
  const tree = renderPreview({ fileName, model: result.model, problems, doc: withDoc ? result.doc : undefined }, { time: '12:00' });
  return { text, tree, problems, rejected: findByClass(tree, 'rejected') };
}

/** The text of the element that follows `el` among its parent's children. */
function next(tree: VElement, el: VElement): VElement | undefined {
  for (const parent of findByClass(tree, 'buttons').concat(findByClass(tree, 'list-sheet'), findByClass(tree, 'bubble'), findByClass(tree, 'list-section'))) {
    const i = parent.children?.indexOf(el) ?? -1;
    if (i >= 0) return parent.children?.[i + 1] as VElement | undefined;
  }
  return undefined;
}

describe('preview: what the API would reject is drawn as rejected', () => {
  const buttons = (p: Json) => p.interactive.action.buttons;

  it('a 4th reply button: that button, struck through, with our message under it and a link to its range', () => {
    const payload = example('whatsapp/interactive-buttons.whatsapp.json');
    buttons(payload).push({ type: 'reply', reply: { id: 'x4', title: 'Fourth' } });
    const { text, tree, problems, rejected } = preview('x.whatsapp.json', payload);
    assert.equal(rejected.length, 1);
    const actions = findByClass(tree, 'action');
    assert.deepEqual(
      actions.map((a) => hasClass(a, 'rejected')),
      [false, false, false, true],
    );
    assert.match(textOf(rejected[0]), /Fourth/);
    const reason = next(tree, rejected[0]);
    assert.ok(reason && hasClass(reason, 'rejected-reason'));
    assert.equal(textOf(reason), 'Rejected: At most 3 reply buttons: this 4th one is rejected by the WhatsApp Cloud API. Remove it.');
    const [start, end] = [Number(rejected[0].attrs?.['data-start']), Number(rejected[0].attrs?.['data-end'])];
    assert.deepEqual(JSON.parse(text.slice(start, end)), { type: 'reply', reply: { id: 'x4', title: 'Fourth' } });
    // The counts above and the notice say the same as the list: one error.
    assert.equal(problems.filter((p) => p.severity === 'error').length, 1);
    assert.match(textOf(findByClass(tree, 'problems-title')[0]), /1 error\(s\)/);
    assert.match(textOf(findByClass(tree, 'rejected-notice')[0]), /1 error,/);
    // The page accepts the tree (every attribute is on the protocol's allow-list).
    assert.ok(parseHostMessage({ type: 'state', seq: 1, uri: 'file:///x.whatsapp.json', fileName: 'x.whatsapp.json', tree }));
  });

  it('a title over the limit: that button alone', () => {
    const payload = example('whatsapp/interactive-buttons.whatsapp.json');
    buttons(payload)[1].reply.title = 'A title of twenty-nine chars.';
    const { tree, rejected } = preview('x.whatsapp.json', payload);
    assert.deepEqual(
      findByClass(tree, 'action').map((a) => hasClass(a, 'rejected')),
      [false, true, false],
    );
    assert.match(textOf(next(tree, rejected[0])!), /29 characters long; the limit is 20/);
  });

  it('an 11th list section once, not once per row inside it', () => {
    const payload = example('whatsapp/interactive-list.whatsapp.json');
    payload.interactive.action.sections = Array.from({ length: 11 }, (_, i) => ({ title: `S${i}`, rows: [{ id: `r${i}`, title: `R${i}` }] }));
    const { tree, rejected } = preview('x.whatsapp.json', payload);
    const sections = findByClass(tree, 'list-section');
    assert.ok(hasClass(sections[10], 'rejected'), 'the 11th section');
    assert.equal(sections.slice(0, 10).filter((s) => hasClass(s, 'rejected')).length, 0);
    assert.equal(findByClass(sections[10], 'rejected').length, 1);
    assert.ok(rejected.length >= 1);
  });

  it('a gateway 4th button and a Vonage body over its limit', () => {
    const gateway = example('gateway/interactive.gateway.json');
    gateway.buttons.push({ id: 'four', title: 'Four' });
    assert.deepEqual(
      findByClass(preview('x.gateway.json', gateway).tree, 'action').map((a) => hasClass(a, 'rejected')),
      [false, false, false, true],
    );
    const vonage = example('vonage/whatsapp-text.vonage.json');
    vonage.text = 'x'.repeat(4097);
    const { tree } = preview('x.vonage.json', vonage);
    assert.ok(findByClass(tree, 'body').some((b) => hasClass(b, 'rejected')));
  });

  it('marks nothing for warnings, for a valid payload, or without the parsed file', () => {
    assert.equal(preview('x.whatsapp.json', example('whatsapp/interactive-buttons.whatsapp.json')).rejected.length, 0);
    const sender = example('vonage/sms-text.vonage.json');
    sender.from = 'Acme&Co'; // a warning only
    const warned = preview('x.vonage.json', sender);
    assert.ok(warned.problems.some((p) => p.severity === 'warning'));
    assert.equal(warned.rejected.length, 0);
    assert.equal(findByClass(warned.tree, 'rejected-notice').length, 0);
    const payload = example('whatsapp/interactive-buttons.whatsapp.json');
    buttons(payload).push({ type: 'reply', reply: { id: 'x4', title: 'Fourth' } });
    assert.equal(preview('x.whatsapp.json', payload, false).rejected.length, 0);
  });
});
