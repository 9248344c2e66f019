import * as assert from 'node:assert/strict';
import { sendPayload } from '../../../src/pipeline/send';
import type { Profile } from '../../../src/core/profile';
import { failureMessage } from '../../../src/extension/send-text';
import { createSandbox, type Sandbox } from '../../../src/sandbox/server';
import { sandboxEndpoint } from '../../../src/sandbox/endpoints';
import { metaDialect } from '../../../src/sandbox/dialects/meta';
import { onpremDialect } from '../../../src/sandbox/dialects/onprem';
import { recordingServer } from '../core/http/recording-server';

const TOKEN = 'sandbox-token-for-send-text-tests';
const OUTSIDE = '491701234567';

describe('send notifications (extension wording)', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await createSandbox({ whatsappTokens: [TOKEN], d360Keys: [TOKEN], log: () => undefined });
  });
  after(() => sandbox.close());

  const profile = (provider: Profile['provider'], auth: Profile['auth']): Profile => ({
    name: 'Sandbox',
    provider,
    auth,
    endpoint: sandboxEndpoint(sandbox.url, provider, auth),
    phoneNumberId: provider === 'whatsapp' ? '100000000000001' : undefined,
    graphVersion: provider === 'whatsapp' ? 'v21.0' : undefined,
  });
  const send = (provider: Profile['provider'], auth: Profile['auth'], fileName: string, body: unknown, token = TOKEN) =>
    sendPayload({ text: JSON.stringify(body), fileName, profile: profile(provider, auth), variables: {} }, { token, d360ApiKey: token });

  it('a closed 24 h window (Cloud API 131047, On-Premises 470) is one line: what happened and what to do, no support reference', async () => {
    // The sandbox now accepts such a message and reports the failure in a status webhook, as the real
    // APIs do; these servers answer with the APIs' synchronous form of the same errors.
    const answering = async (reply: ReturnType<typeof metaDialect.windowClosed>) =>
      recordingServer((_req, res) => {
        res.writeHead(reply.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(reply.body));
      });
    const meta = await answering(metaDialect.windowClosed(OUTSIDE));
    const onprem = await answering(onpremDialect.windowClosed(OUTSIDE));
    const at = (server: { url: string }, provider: Profile['provider'], auth: Profile['auth']): Profile => ({ ...profile(provider, auth), endpoint: server.url });
    const cases = [
      await sendPayload(
        {
          text: JSON.stringify({ messaging_product: 'whatsapp', to: OUTSIDE, type: 'text', text: { body: 'hi' } }),
          fileName: 'a.whatsapp.json',
          profile: at(meta, 'whatsapp', 'bearer'),
          variables: {},
        },
        { token: TOKEN },
      ),
      await sendPayload(
        { text: JSON.stringify({ to: OUTSIDE, type: 'text', text: { body: 'hi' } }), fileName: 'a.whatsapp-onprem.json', profile: at(onprem, 'whatsapp-onprem', 'd360'), variables: {} },
        { d360ApiKey: TOKEN },
      ),
    ];
    await meta.close();
    await onprem.close();
    for (const result of cases) {
      assert.equal(result.ok, false, 'the API refused a free-form message outside the window');
      assert.ok(result.problem!.includes('\n'), 'the full problem (for the log) has several lines');
      const text = failureMessage('Sandbox', result);
      assert.ok(!text.includes('\n'), text);
      assert.match(text, /^Not delivered \(Sandbox, HTTP \d{3}\): /);
      assert.ok(!/HTTP \d{3}\): HTTP \d{3}/.test(text), `status said twice: ${text}`);
      assert.match(text, /template/i, 'says what to do');
      assert.ok(!text.includes('reference for support'), text);
      assert.ok(text.length < result.problem!.length, 'shorter than the full explanation');
      assert.equal(result.windowClosed, true);
    }
  });

  it('another failure (a wrong token) is not taken for a closed window', async () => {
    const result = await send('whatsapp', 'bearer', 'a.whatsapp.json', { messaging_product: 'whatsapp', to: '447700900000', type: 'text', text: { body: 'hi' } }, 'not-the-token');
    assert.equal(result.ok, false);
    assert.equal(!!result.windowClosed, false);
    assert.match(failureMessage('Sandbox', result), /^Not delivered \(Sandbox, HTTP 401\): /);
  });

  it('says "Not sent" when nothing left the machine (no credentials)', async () => {
    const result = await sendPayload(
      {
        text: JSON.stringify({ messaging_product: 'whatsapp', to: '447700900000', type: 'text', text: { body: 'hi' } }),
        fileName: 'a.whatsapp.json',
        profile: profile('whatsapp', 'bearer'),
        variables: {},
      },
      {},
    );
    assert.equal(result.stage, 'auth');
    assert.match(failureMessage('Prod', result), /^Not sent \(Prod\): /);
  });

  it('a failure with no explanation keeps the first line of the problem', () => {
    const text = failureMessage('Prod', {
      ok: false,
      outcome: 'not-sent',
      status: null,
      messageId: null,
      durationMs: 0,
      attempts: 3,
      problem: 'Could not connect to api.example.com (ECONNREFUSED).\nTried 3 times.',
      notes: [],
    });
    assert.equal(text, 'Not delivered (Prod): Could not connect to api.example.com (ECONNREFUSED).');
  });

  it('an unknown outcome says the message may have been sent, never "not delivered"', () => {
    const text = failureMessage('Prod', {
      ok: false,
      outcome: 'unknown',
      status: 502,
      messageId: null,
      durationMs: 10,
      attempts: 1,
      problem: 'HTTP 502\nThe message may have been sent: check its status before sending again.',
      notes: [],
    });
    assert.match(text, /^May have been sent \(check its status before sending again\) \(Prod, HTTP 502\)/);
  });
});
