/** The send side against the real sandbox: the shared contract (paths, auth, answers) holds end to end. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createSandbox, type Sandbox } from '../../../src/sandbox/server';
import { sandboxEndpoint } from '../../../src/sandbox/endpoints';
import { sendPayload, markRead } from '../../../src/pipeline/send';
import type { Profile, Secrets } from '../../../src/core/profile';
import type { AuthKind } from '../../../src/core/auth/kinds';
import type { ProviderId } from '../../../src/providers/registry';
import { projectRoot } from '../helpers';
import { APP_ID, testKeys } from '../core/auth/test-keys';

const SECRETS: Secrets = { privateKey: '', apiSecret: 'sandbox-secret-1', token: 'sandbox-token-1', d360ApiKey: 'sandbox-d360-1' };
const FAST = { http: { sleep: async () => undefined, maxAttempts: 1 } };

function example(rel: string): string {
  return fs.readFileSync(path.join(projectRoot(), 'examples', rel), 'utf8');
}

describe('send: against the sandbox', function () {
  this.timeout(20000);
  let sandbox: Sandbox;
  before(async () => {
    SECRETS.privateKey = testKeys().pkcs8;
    sandbox = await createSandbox({
      vonage: { publicKeys: [testKeys().publicKey], basic: [{ key: 'abcd1234', secret: SECRETS.apiSecret! }] },
      whatsappTokens: ['sandbox-token-1'],
      d360Keys: ['sandbox-d360-1'],
      gatewayTokens: ['sandbox-token-1'],
    });
  });
  after(() => sandbox.close());

  function profile(provider: ProviderId, auth: AuthKind): Profile {
    return {
      name: `sandbox ${provider}`,
      provider,
      auth,
      endpoint: sandboxEndpoint(sandbox.url, provider, auth),
      applicationId: APP_ID,
      apiKey: 'abcd1234',
      phoneNumberId: '100200300',
      graphVersion: 'v21.0',
    };
  }

  const cases: [string, ProviderId, AuthKind][] = [
    ['vonage/whatsapp-text.vonage.json', 'vonage', 'jwt'],
    ['vonage/sms-text.vonage.json', 'vonage', 'basic'],
    ['vonage-legacy/text.vonage-legacy.json', 'vonage-legacy', 'jwt'],
    ['whatsapp/text.whatsapp.json', 'whatsapp', 'bearer'],
    ['whatsapp/text.whatsapp.json', 'whatsapp', 'd360'],
    ['whatsapp-onprem/text.whatsapp-onprem.json', 'whatsapp-onprem', 'd360'],
    ['gateway/text.gateway.json', 'gateway', 'token'],
  ];
  for (const [file, provider, auth] of cases) {
    it(`sends ${file} with ${auth} auth and gets a message id`, async () => {
      const r = await sendPayload({ text: example(file), fileName: file, profile: profile(provider, auth), variables: {} }, SECRETS, FAST);
      assert.equal(r.ok, true, r.problem ?? '');
      assert.ok(r.messageId, 'a message id');
      assert.ok(sandbox.messages().length > 0);
    });
  }

  it('is refused with wrong credentials, and the error says so', async () => {
    const r = await sendPayload({ text: example('whatsapp/text.whatsapp.json'), fileName: 'a.whatsapp.json', profile: profile('whatsapp', 'bearer'), variables: {} }, { token: 'wrong-token' }, FAST);
    assert.equal(r.ok, false);
    assert.equal(r.status, 401);
    assert.ok(r.problem && r.problem.length > 20, r.problem ?? '');
  });

  it('sends a free-form message to a recipient who has not written: accepted, as the real API accepts it (the failure comes later, in a status webhook)', async () => {
    const text = example('whatsapp/text.whatsapp.json').replace('"447700900000"', '"447911123456"');
    const r = await sendPayload({ text, fileName: 'a.whatsapp.json', profile: profile('whatsapp', 'bearer'), variables: {} }, SECRETS, FAST);
    assert.equal(r.ok, true, r.problem ?? '');
    assert.match(r.messageId ?? '', /^wamid\./);
    const last = sandbox.messages().at(-1)!;
    assert.deepEqual([last.id, last.to, last.freeForm], [r.messageId, '447911123456', true]);
  });

  it('marks an inbound message as read (Vonage PATCH, Cloud POST, On-Premises PUT)', async () => {
    const inbound = sandbox.inbound('447700900123');
    for (const [provider, auth, id] of [
      ['vonage', 'jwt', inbound.messageIds.vonage],
      ['whatsapp', 'bearer', inbound.messageIds.whatsapp],
      ['whatsapp-onprem', 'd360', inbound.messageIds.onprem],
    ] as const) {
      const r = await markRead(id, profile(provider, auth), SECRETS, FAST);
      assert.equal(r.ok, true, `${provider}: ${r.problem}`);
    }
  });
});
