import * as assert from 'node:assert/strict';
import { isLoopback, secretTransportProblem, ProfileError } from '../../../src/core/profile';
import { checkProfile, defaultProfile, profilesFromSettings } from '../../../src/pipeline/profiles';
import { secretsFromEnv, EnvSecretError } from '../../../src/core/auth/env-secrets';
import { providerOf } from '../../../src/providers/registry';
import { D360_KEY, GATEWAY_TOKEN, META_BEARER, VONAGE_BASIC, VONAGE_JWT } from '../../../src/providers/common/auth';

describe('send: profiles', () => {
  it('reads profiles from JSONC settings, keeping only non-secret fields', () => {
    const { profiles, problems } = profilesFromSettings(`{
      // comment
      "messageWorkbench.profiles": [
        { "name": "prod", "provider": "vonage", "auth": "jwt", "applicationId": "aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab", "privateKey": "-----BEGIN PRIVATE KEY-----" },
        { "name": "bad", "provider": "telegram" },
        { "name": "meta", "provider": "whatsapp", "phoneNumberId": "42" },
      ],
    }`);
    assert.equal(profiles.length, 2);
    assert.deepEqual(
      Object.keys(profiles[0])
        .filter((k) => (profiles[0] as unknown as Record<string, unknown>)[k] !== undefined)
        .sort(),
      ['applicationId', 'auth', 'endpoint', 'name', 'provider'],
    );
    assert.equal(profiles[0].endpoint, 'https://api.nexmo.com');
    assert.equal(profiles[1].auth, 'bearer');
    assert.equal(profiles[1].endpoint, 'https://graph.facebook.com');
    assert.equal(problems.length, 1);
    assert.match(problems[0], /profiles\[1\].*unknown provider "telegram"/);
  });

  it('refuses an auth kind the provider does not take, and a gateway without endpoint', () => {
    assert.match(String(checkProfile({ name: 'x', provider: 'gateway', auth: 'jwt' }, 'here')), /does not take; use one of: token/);
    assert.match(String(checkProfile({ name: 'x', provider: 'gateway' }, 'here')), /needs an "endpoint"/);
    assert.throws(() => defaultProfile(providerOf('gateway')), ProfileError);
  });

  it('defaults per provider, with the auth whose credentials are present', () => {
    assert.equal(defaultProfile(providerOf('vonage'), { env: { VONAGE_API_SECRET: 's' } }).auth, 'basic');
    assert.equal(defaultProfile(providerOf('vonage'), { env: { VONAGE_API_SECRET: 's', VONAGE_PRIVATE_KEY_PATH: '/k' } }).auth, 'jwt');
    const cloud360 = defaultProfile(providerOf('whatsapp'), { env: { D360_API_KEY: 'k' } });
    assert.deepEqual([cloud360.auth, cloud360.endpoint], ['d360', 'https://waba-v2.360dialog.io']);
    assert.equal(defaultProfile(providerOf('whatsapp-onprem')).endpoint, 'https://waba.360dialog.io/v1');
    assert.equal(defaultProfile(providerOf('gateway'), { endpoint: 'https://gw.example/send' }).endpoint, 'https://gw.example/send');
  });

  it('sends secrets only over HTTPS, or plain HTTP to this machine', () => {
    assert.equal(secretTransportProblem(new URL('https://api.nexmo.com')), undefined);
    assert.equal(secretTransportProblem(new URL('http://127.0.0.1:3000')), undefined);
    assert.equal(secretTransportProblem(new URL('http://localhost:3000')), undefined);
    assert.equal(secretTransportProblem(new URL('http://[::1]:3000')), undefined);
    assert.match(String(secretTransportProblem(new URL('http://10.0.0.5'))), /plain HTTP/);
    assert.match(String(secretTransportProblem(new URL('http://127.0.0.1.evil.com'))), /plain HTTP/);
    assert.equal(isLoopback('127.1.2.3'), true);
    assert.equal(isLoopback('localhost.evil.com'), false);
  });

  it('takes secrets from the environment variables of DESIGN.md only', () => {
    const env = { VONAGE_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\\nAAA\\n-----END PRIVATE KEY-----', VONAGE_API_SECRET: 's', WHATSAPP_TOKEN: 'w', D360_API_KEY: 'd', GATEWAY_TOKEN: 'g' };
    assert.equal(secretsFromEnv(VONAGE_JWT, env).privateKey, '-----BEGIN PRIVATE KEY-----\nAAA\n-----END PRIVATE KEY-----');
    assert.deepEqual(secretsFromEnv(VONAGE_BASIC, env), { apiSecret: 's' });
    assert.deepEqual(secretsFromEnv(META_BEARER, env), { token: 'w' });
    assert.deepEqual(secretsFromEnv(D360_KEY, env), { d360ApiKey: 'd' });
    assert.deepEqual(secretsFromEnv(GATEWAY_TOKEN, env), { token: 'g' });
    assert.throws(
      () => secretsFromEnv(VONAGE_JWT, { VONAGE_PRIVATE_KEY_PATH: '/nonexistent/private.key' }),
      (e: Error) => e instanceof EnvSecretError && /no such file/.test(e.message),
    );
  });
});
