/** The sandbox says until when a customer's window is open, on its own clock (what the Conversations view shows). */
import * as assert from 'node:assert/strict';
import { createSandbox } from '../../../src/sandbox/server';
import { WINDOW_MS, alwaysOpen } from '../../../src/sandbox/customer-window';

describe('sandbox: the window, as the conversation view asks for it', () => {
  it('is always open for the test range, opens 24 h with a customer message, and closes on the sandbox clock', async () => {
    let t = Date.parse('2025-06-01T12:00:00Z');
    const sandbox = await createSandbox({ now: () => t });
    try {
      assert.equal(sandbox.now(), t);
      assert.equal(sandbox.windowOpenUntil('447700900123'), 'always');
      assert.ok(alwaysOpen('+44 7700 900123') && !alwaysOpen('15551234567'), 'the test range, before any sandbox starts');
      assert.equal(sandbox.windowOpenUntil('15551234567'), undefined);
      await sandbox.inboundMessage({ from: '+1 555 123 4567' });
      assert.equal(sandbox.windowOpenUntil('15551234567'), t + WINDOW_MS);
      t += WINDOW_MS;
      assert.equal(sandbox.windowOpenUntil('15551234567'), undefined);
    } finally {
      await sandbox.close();
    }
  });
});
