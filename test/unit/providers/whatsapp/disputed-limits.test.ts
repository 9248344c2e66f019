import * as assert from 'node:assert/strict';
import { validateText } from '../../../../src/pipeline/validate';
import { DISPUTED_LIMITS } from '../../../../src/providers/whatsapp/disputed-limits';

function problems(payload: unknown): string[] {
  return validateText(JSON.stringify(payload, null, 2), { fileName: 'x.whatsapp.json' }).problems.map((p) => `${p.severity} ${p.code} ${p.pointer}`);
}

const to = { messaging_product: 'whatsapp', to: '16505551234' };
const list = (body: string) => ({
  ...to,
  type: 'interactive',
  interactive: { type: 'list', body: { text: body }, action: { button: 'Pick', sections: [{ rows: [{ id: 'a', title: 'A' }] }] } },
});

describe("limits on which Meta's spec and docs disagree", () => {
  it("a list body: nothing up to the spec's 1024, a warning up to the docs' 4096, an error past it", () => {
    const { spec, docs } = DISPUTED_LIMITS.listBody;
    assert.deepEqual(problems(list('x'.repeat(spec))), []);
    assert.deepEqual(problems(list('x'.repeat(spec + 1))), ['warning disputed-limit /interactive/body/text']);
    assert.deepEqual(problems(list('x'.repeat(docs))), ['warning disputed-limit /interactive/body/text']);
    assert.deepEqual(problems(list('x'.repeat(docs + 1))), ['error schema /interactive/body/text']);
  });
  it('the warning names both sources and both numbers', () => {
    const [p] = validateText(JSON.stringify(list('x'.repeat(2000))), { fileName: 'x.whatsapp.json' }).problems;
    assert.match(p.message, /docs allow 4096/);
    assert.match(p.message, /spec \(v23\.0\) says 1024/);
  });
  it("more contact cards than the spec's 5: a warning at the sixth", () => {
    const card = { name: { formatted_name: 'A B', first_name: 'A' } };
    assert.deepEqual(problems({ ...to, type: 'contacts', contacts: Array(5).fill(card) }), []);
    assert.deepEqual(problems({ ...to, type: 'contacts', contacts: Array(6).fill(card) }), ['warning disputed-limit /contacts/5']);
  });
  it("an order reference_id over the Payments docs' 35 characters: a warning", () => {
    const order = (id: string) => ({
      ...to,
      type: 'interactive',
      interactive: { type: 'order_status', body: { text: 'x' }, action: { name: 'review_order', parameters: { reference_id: id, order: { status: 'shipped' } } } },
    });
    assert.deepEqual(problems(order('r'.repeat(35))), []);
    assert.deepEqual(problems(order('r'.repeat(36))), ['warning disputed-limit /interactive/action/parameters/reference_id']);
  });
});
