import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, activateExtension } from './util';

interface CredentialsApi {
  set(profile: string, key: string, value: string): Promise<void>;
  get(profile: string, key: string): Promise<string | undefined>;
  clear(profile: string): Promise<void>;
}

async function credentials(): Promise<CredentialsApi> {
  const ext = await activateExtension();
  const api = (ext.exports ?? (await vscode.extensions.getExtension(EXTENSION_ID)?.activate())) as { credentials?: CredentialsApi } | undefined;
  assert.ok(api && api.credentials, 'the extension API should expose `credentials`');
  return api.credentials;
}

describe('credentials in SecretStorage', () => {
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
    assert.equal(await c.get(profile, 'apiSecret'), undefined, 'a fresh profile has no secret');
    await c.set(profile, 'apiSecret', secret);
    await c.set(other, 'apiSecret', `${secret}-other`);
    await c.set(profile, 'token', `${secret}-token`);
    assert.equal(await c.get(profile, 'apiSecret'), secret);
    assert.equal(await c.get(profile, 'token'), `${secret}-token`);
    assert.equal(await c.get(other, 'apiSecret'), `${secret}-other`);

    await c.set(profile, 'apiSecret', `${secret}-2`);
    assert.equal(await c.get(profile, 'apiSecret'), `${secret}-2`, 'set overwrites');

    await c.clear(profile);
    assert.equal(await c.get(profile, 'apiSecret'), undefined, 'clear removes the profile\'s secrets');
    assert.equal(await c.get(profile, 'token'), undefined);
    assert.equal(await c.get(other, 'apiSecret'), `${secret}-other`, 'clear leaves other profiles alone');
  });
});
