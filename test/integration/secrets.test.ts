import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension } from './util';
import { TEST_SECRETS_COMMAND } from '../../src/extension/api';

interface CredentialsApi {
  set(profile: string, key: string, value: string): Promise<void>;
  get(profile: string, key: string): Promise<string | undefined>;
  clear(profile: string): Promise<void>;
}

/** SecretStorage through the test-only command (the extension exports nothing secret). */
async function credentials(): Promise<CredentialsApi> {
  await activateExtension();
  const run = async <T>(...args: unknown[]): Promise<T> => vscode.commands.executeCommand<T>(TEST_SECRETS_COMMAND, ...args);
  return {
    set: (profile, key, value) => run<void>('set', profile, key, value),
    get: (profile, key) => run<string | undefined>('get', profile, key),
    clear: (profile) => run<void>('clear', profile),
  };
}

// Compare without assert.equal so a failure never prints a secret value, not even a test one.
async function expectSecret(actual: Promise<string | undefined>, expected: string | undefined, what: string): Promise<void> {
  const value = await actual;
  assert.ok(
    value === expected,
    `${what}: expected ${expected === undefined ? 'no value' : 'the stored value'}, got ${value === undefined ? 'no value' : `a different value (${value.length} characters)`}`,
  );
}

describe('credentials in SecretStorage', () => {
  it('the extension exports no way to reach a secret (other extensions can read its exports)', async () => {
    const ext = await activateExtension();
    const exported = ext.exports as Record<string, unknown> | undefined;
    // Under ExtensionMode.Test the exports are read-only hooks; in any other mode there are none (unit-tested).
    assert.deepEqual(Object.keys(exported ?? {}).sort(), ['advanceSandboxClock', 'conversationAction', 'conversationStats', 'conversations', 'history', 'previewStats', 'problemStatus', 'sandboxUrl']);
    const text = JSON.stringify(exported ?? {}, (_k, v) => (typeof v === 'function' ? String(v) : v));
    assert.ok(!/secret|credential|SecretStorage/i.test(text), 'no export touches SecretStorage');
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes(TEST_SECRETS_COMMAND), 'the test-only secrets command exists in tests');
  });

  const profile = `it-profile-${Date.now().toString(36)}`;
  const other = `${profile}-other`;

  after(async () => {
    const c = await credentials().catch(() => undefined);
    await c?.clear(profile);
    await c?.clear(other);
  });

  it('round-trips a secret, keeps profiles apart, and clears a profile', async () => {
    const c = await credentials();
    // A generated value, so a stale store or a hard-coded answer cannot pass.
    const secret = `s3cr3t-${Math.random().toString(36).slice(2)}`;
    await expectSecret(c.get(profile, 'apiSecret'), undefined, 'a fresh profile has no secret');
    await c.set(profile, 'apiSecret', secret);
    await c.set(other, 'apiSecret', `${secret}-other`);
    await c.set(profile, 'token', `${secret}-token`);
    await expectSecret(c.get(profile, 'apiSecret'), secret, 'get returns what set stored');
    await expectSecret(c.get(profile, 'token'), `${secret}-token`, 'each key is stored separately');
    await expectSecret(c.get(other, 'apiSecret'), `${secret}-other`, 'profiles are kept apart');

    await c.set(profile, 'apiSecret', `${secret}-2`);
    await expectSecret(c.get(profile, 'apiSecret'), `${secret}-2`, 'set overwrites');

    await c.clear(profile);
    await expectSecret(c.get(profile, 'apiSecret'), undefined, "clear removes the profile's secrets");
    await expectSecret(c.get(profile, 'token'), undefined, 'clear removes every key of the profile');
    await expectSecret(c.get(other, 'apiSecret'), `${secret}-other`, 'clear leaves other profiles alone');
  });
});
