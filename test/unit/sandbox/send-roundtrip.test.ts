/**
 * The contract between the send side and the sandbox: every example payload, sent by the real
 * send pipeline (request building, auth, HTTP, response reading) to the sandbox, is accepted, and
 * the sandbox's errors come back explained.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createSandbox, type Sandbox } from '../../../src/sandbox/server';
import { sandboxEndpoint } from '../../../src/sandbox/endpoints';
import type { AuthKind } from '../../../src/core/auth/kinds';
import { PROVIDERS } from '../../../src/providers/registry';
import { markRead, sendPayload } from '../../../src/pipeline/send';
import type { Profile, Secrets } from '../../../src/core/profile';
import type { ProviderId } from '../../../src/providers/registry';
import { providerForFile } from '../../../src/providers/registry';
import { ALL_SECRETS, APP_ID, BASIC, D360_KEY, GATEWAY_TOKEN, WHATSAPP_TOKEN, appKeys } from './helpers';
import { SINK_SECRETS, sink, type Sink } from '../webhooks/sink';

/** The repository root, whether this runs from out/ (tsc) or a temporary bundle (run-one). */
function root(): string {
  for (let d = __dirname; path.dirname(d) !== d; d = path.dirname(d)) if (fs.existsSync(path.join(d, 'esbuild.js'))) return d;
  return process.cwd();
}
const EXAMPLES = path.join(root(), 'examples');
/** A body for PUT /messages/{id}, not a send: mark-as-read goes through markRead(). */
const NOT_A_SEND = new Set(['mark-read.whatsapp-onprem.json']);

function exampleFiles(): string[] {
  const out: string[] = [];
  for (const dir of fs.readdirSync(EXAMPLES)) {
    const full = path.join(EXAMPLES, dir);
    // bulk/ holds a payload with placeholders and its recipient list: `mwb bulk` fills them.
    if (!fs.statSync(full).isDirectory() || dir === 'bulk') continue;
    for (const f of fs.readdirSync(full)) if (providerForFile(f) && !NOT_A_SEND.has(f)) out.push(path.join(full, f));
  }
  return out.sort();
}

const SECRETS: Secrets = { privateKey: appKeys.privateKey, apiSecret: BASIC.secret };

function profileFor(url: string, provider: ProviderId, auth: AuthKind): { profile: Profile; secrets: Secrets } {
  const profile: Profile = {
    name: `sandbox ${provider} ${auth}`,
    provider,
    endpoint: sandboxEndpoint(url, provider, auth),
    auth,
    applicationId: APP_ID,
    apiKey: BASIC.key,
    phoneNumberId: '106540352242922',
    graphVersion: 'v21.0',
  };
  const secrets: Secrets = { ...SECRETS, token: auth === 'token' ? GATEWAY_TOKEN : WHATSAPP_TOKEN, d360ApiKey: D360_KEY };
  return { profile, secrets };
}

const AUTHS = Object.fromEntries(PROVIDERS.map((p) => [p.id, p.auth.map((a) => a.kind)])) as Record<ProviderId, AuthKind[]>;

describe('sandbox <-> send pipeline', () => {
  let sandbox: Sandbox;
  let hooks: Sink;
  before(async () => {
    hooks = await sink();
    sandbox = await createSandbox({
      vonage: { publicKeys: [appKeys.publicKey], basic: [BASIC], applicationIds: [APP_ID] },
      whatsappTokens: [WHATSAPP_TOKEN],
      d360Keys: [D360_KEY],
      gatewayTokens: [GATEWAY_TOKEN],
      webhook: hooks.url,
      statusDelayMs: 0,
      webhookSecrets: SINK_SECRETS,
    });
  });
  after(async () => {
    await sandbox.close();
    await hooks.close();
  });

  const files = exampleFiles();
  it('finds example payloads for every provider', () => {
    const providers = new Set(files.map((f) => providerForFile(f)!.id));
    assert.deepEqual([...providers].sort(), ['gateway', 'vonage', 'vonage-legacy', 'whatsapp', 'whatsapp-onprem']);
  });

  for (const file of files) {
    const provider = providerForFile(file)!.id;
    for (const auth of AUTHS[provider]) {
      it(`sends ${path.basename(file)} (${auth}) and gets a message id the sandbox recorded`, async () => {
        const { profile, secrets } = profileFor(sandbox.url, provider, auth);
        let text = fs.readFileSync(file, 'utf8');
        const body = JSON.parse(text);
        // Mark as read takes the id of a message the customer sent: the example's made-up id is refused, as the API refuses it.
        if (body.status === 'read') body.message_id = sandbox.inbound('447700900000').messageIds.whatsapp;
        text = JSON.stringify(body);
        const result = await sendPayload({ text, fileName: file, profile, variables: {} }, secrets);
        assert.equal(result.ok, true, `${result.status}: ${result.problem}`);
        const last = sandbox.messages().at(-1)!;
        if (body.status === 'read') {
          assert.equal(last.kind, 'mark-read');
          assert.equal(last.id, body.message_id);
        } else {
          assert.ok(result.messageId, 'a message id');
          assert.equal(last.id, result.messageId);
        }
        for (const s of ALL_SECRETS) assert.ok(!JSON.stringify(result).includes(s));
      });
    }
  }

  it('is sent when the 24 h window is closed, and the failure comes in a status webhook (131047), as in production', async () => {
    const text = JSON.stringify({ messaging_product: 'whatsapp', recipient_type: 'individual', to: '15550009999', type: 'text', text: { body: 'Hi' } });
    const { profile, secrets } = profileFor(sandbox.url, 'whatsapp', 'bearer');
    const result = await sendPayload({ text, fileName: 'x.whatsapp.json', profile, variables: {} }, secrets);
    assert.equal(result.ok, true, result.problem ?? '');
    assert.equal(result.status, 200);
    const [hook] = await hooks.about(result.messageId!, 1);
    assert.deepEqual([hook.verified, hook.events[0].status, hook.events[0].errorCode], [true, 'failed', 131047]);
  });

  it('is accepted by Vonage when the window is closed, once, and reported rejected with 1340', async () => {
    const text = JSON.stringify({ message_type: 'text', channel: 'whatsapp', to: '15550008888', from: '447700900001', text: 'Hi' });
    const { profile, secrets } = profileFor(sandbox.url, 'vonage', 'jwt');
    const result = await sendPayload({ text, fileName: 'x.vonage.json', profile, variables: {} }, secrets);
    assert.equal(result.ok, true, result.problem ?? '');
    assert.equal(result.status, 202);
    assert.equal(result.attempts, 1);
    const [hook] = await hooks.about(result.messageId!, 1);
    assert.deepEqual([hook.verified, hook.events[0].status, hook.events[0].errorCode], [true, 'rejected', 1340]);
  });

  it('comes back explained when the credentials are wrong', async () => {
    const { profile } = profileFor(sandbox.url, 'vonage', 'basic');
    const result = await sendPayload(
      { text: fs.readFileSync(path.join(EXAMPLES, 'vonage', 'sms-text.vonage.json'), 'utf8'), fileName: 'sms-text.vonage.json', profile, variables: {} },
      { apiSecret: 'wrong-secret' },
    );
    assert.equal(result.ok, false);
    assert.equal(result.status, 401);
    assert.equal(result.attempts, 1, 'a 401 is not retried');
  });

  for (const [provider, auth] of [
    ['vonage', 'jwt'],
    ['whatsapp', 'bearer'],
    ['whatsapp', 'd360'],
    ['whatsapp-onprem', 'd360'],
  ] as const) {
    it(`marks a received message as read: ${provider} (${auth})`, async () => {
      const ids = sandbox.inbound('447700900000').messageIds;
      const id = provider === 'vonage' ? ids.vonage : provider === 'whatsapp' ? ids.whatsapp : ids.onprem;
      const { profile, secrets } = profileFor(sandbox.url, provider, auth);
      const result = await markRead(id, profile, secrets);
      assert.equal(result.ok, true, `${result.status}: ${result.problem}`);
      const last = sandbox.messages().at(-1)!;
      assert.equal(last.kind, 'mark-read');
      assert.equal(last.id, id);
    });
  }
});
