import * as assert from 'node:assert/strict';
import { z } from 'zod';
import { parseDocument } from '../../../src/core/parse';
import { schemaProblems } from '../../../src/core/schema-check';
import { ordinal } from '../../../src/core/excess-items';

const buttons = z.object({ buttons: z.array(z.object({ type: z.string(), title: z.string() })).max(3) });
const button = (t: string, type = 'reply') => ({ type, title: t });

function check(value: unknown, api?: string) {
  const doc = parseDocument(JSON.stringify(value, null, 2));
  const problems = schemaProblems(doc, buttons, { api });
  return { doc, problems };
}

describe('core: items past a list limit', () => {
  it('is one problem on the first item past the limit, in words, naming who rejects it', () => {
    const { doc, problems } = check({ buttons: ['A', 'B', 'C', 'D'].map((t) => button(t)) }, 'the WhatsApp Cloud API');
    assert.equal(problems.length, 1);
    assert.equal(problems[0].pointer, '/buttons/3');
    assert.equal(problems[0].message, 'At most 3 reply buttons: this 4th one is rejected by the WhatsApp Cloud API. Remove it.');
    assert.deepEqual(JSON.parse(doc.text.slice(problems[0].start, problems[0].end)), button('D'));
  });

  it('underlines every item past the limit, and counts them', () => {
    const { doc, problems } = check({ buttons: ['A', 'B', 'C', 'D', 'E'].map((t) => button(t)) });
    assert.equal(problems.length, 1);
    assert.equal(problems[0].message, 'At most 3 reply buttons: the 4th and 5th are rejected. Remove them.');
    assert.deepEqual(JSON.parse(`[${doc.text.slice(problems[0].start, problems[0].end)}]`), [button('D'), button('E')]);
    const many = check({ buttons: Array.from({ length: 15 }, (_, i) => button(`T${i}`)) }, 'WhatsApp').problems;
    assert.equal(many[0].message, 'At most 3 reply buttons: the 4th to 15th (12 in all) are rejected by WhatsApp. Remove them.');
  });

  it('names the items by their field when they are of mixed types', () => {
    const { problems } = check({ buttons: [button('A'), button('B', 'url'), button('C'), button('D')] });
    assert.match(problems[0].message, /^At most 3 buttons: /);
  });

  it('says 1st, 2nd, 3rd, 11th, 12th, 13th, 21st, 22nd, 101st as English does', () => {
    assert.deepEqual([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map(ordinal), ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '101st', '111th']);
  });
});
