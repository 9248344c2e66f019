import * as assert from 'node:assert/strict';
import { exportsFor } from '../../../src/extension/api';

describe('extension exports', () => {
  it('are nothing outside tests: Production (1) and Development (2) export undefined, Test (3) the hooks', () => {
    const hooks = { history: () => [] };
    assert.equal(exportsFor(1, hooks), undefined);
    assert.equal(exportsFor(2, hooks), undefined);
    assert.equal(exportsFor(3, hooks), hooks);
  });
});
