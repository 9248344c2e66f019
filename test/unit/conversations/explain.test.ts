/** Failed statuses explained from each provider's error catalog, and whether a template is the way on. */
import * as assert from 'node:assert/strict';
import { explainFailure } from '../../../src/conversations/explain';

describe('conversations: failures explained', () => {
  it('131047 (Cloud API): the window is closed, send a template', () => {
    const f = explainFailure('whatsapp', { code: '131047', title: 'Re-engagement message' });
    assert.equal(f.windowClosed, true);
    assert.equal(f.title, 'Re-engagement message');
    assert.match(f.meaning ?? '', /24 hours/);
    assert.match(f.advice ?? '', /template/);
  });

  it('470 (On-Premises) and 1340 (Vonage, v1 and v0.1) mean the same', () => {
    assert.equal(explainFailure('whatsapp-onprem', { code: '470', title: 'Message failed to send because more than 24 hours have passed' }).windowClosed, true);
    for (const provider of ['vonage', 'vonage-legacy']) {
      const f = explainFailure(provider, { code: '1340', title: 'Outside of the allowed window' });
      assert.equal(f.windowClosed, true, provider);
      assert.match(f.advice ?? '', /template/, provider);
    }
  });

  it('a Vonage status code is not read as an HTTP status (1050 is a barred number, not a server error)', () => {
    const f = explainFailure('vonage', { code: '1050', title: '1050' });
    assert.match(f.meaning ?? '', /barred/);
    assert.equal(f.windowClosed, false);
  });

  it("other failures keep the provider's words and say what to do when the catalog knows", () => {
    const f = explainFailure('whatsapp', { code: '131026', title: 'Message undeliverable' });
    assert.deepEqual([f.code, f.title, f.windowClosed], ['131026', 'Message undeliverable', false]);
    assert.match(f.advice ?? '', /number/);
    const unknown = explainFailure('whatsapp', { code: '999999', title: 'Something new' });
    assert.deepEqual(unknown, { code: '999999', title: 'Something new', windowClosed: false });
  });

  it('a refused send without a code says the first line of its problem', () => {
    assert.equal(explainFailure('whatsapp', undefined, 'HTTP 401: token expired\n  detail').title, 'HTTP 401: token expired');
    assert.match(explainFailure('whatsapp', undefined).title, /no reason/);
  });
});
