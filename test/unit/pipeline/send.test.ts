import * as assert from 'node:assert/strict';
import * as jsonwebtoken from 'jsonwebtoken';
import { Messages } from '@vonage/messages';
import { Auth } from '@vonage/auth';
import { sendPayload, prepareSend, markRead, fillValue } from '../../../src/pipeline/send';
import type { Profile } from '../../../src/core/profile';
import { APP_ID, testKeys } from '../core/auth/test-keys';
import { json, raw, recordingServer, type RecordingServer } from '../core/http/recording-server';

const WHATSAPP_TEXT = JSON.stringify({ message_type: 'text', channel: 'whatsapp', to: '{{TO_NUMBER}}', from: '447700900000', text: 'Your code is {{CODE}}', client_ref: 'abc' }, null, 2);
const FAST = { http: { sleep: async () => undefined, baseDelayMs: 1 } };

function vonage(url: string, auth: Profile['auth'] = 'jwt'): Profile {
  return { name: 'test', provider: 'vonage', endpoint: url, auth, applicationId: APP_ID, apiKey: 'abcd1234' };
}

describe('send: vonage over HTTP', () => {
  let server: RecordingServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('sends what the official Vonage SDK sends for the same message, with a valid Bearer JWT', async () => {
    server = await recordingServer(json(202, { message_uuid: 'aaaaaaaa-1111-4222-8333-444444444444' }));
    const result = await sendPayload(
      { text: WHATSAPP_TEXT, fileName: 'code.vonage.json', profile: vonage(server.url), variables: { TO_NUMBER: '447700900001', CODE: '1234' } },
      { privateKey: testKeys().pkcs8 },
      FAST,
    );
    assert.equal(result.ok, true, result.problem ?? '');
    assert.equal(result.status, 202);
    assert.equal(result.messageId, 'aaaaaaaa-1111-4222-8333-444444444444');
    assert.equal(result.attempts, 1);

    const sdk = new Messages(new Auth({ applicationId: APP_ID, privateKey: testKeys().pkcs8 }), { apiHost: server.url });
    await sdk.send({ messageType: 'text', channel: 'whatsapp', to: '447700900001', from: '447700900000', text: 'Your code is 1234', clientRef: 'abc' });

    const [ours, theirs] = server.requests;
    assert.equal(ours.method, theirs.method);
    assert.equal(ours.path, '/v1/messages');
    assert.equal(ours.path, theirs.path);
    assert.equal(ours.headers['content-type'], theirs.headers['content-type']);
    assert.deepEqual(JSON.parse(ours.body), JSON.parse(theirs.body));
    assert.equal(ours.body, theirs.body, 'byte-identical JSON, as JSON.stringify writes it');
    assert.match(String(ours.headers['user-agent']), /^message-workbench\//);
    const bearer = String(ours.headers.authorization).replace(/^Bearer /, '');
    const claims = jsonwebtoken.verify(bearer, testKeys().publicKey, { algorithms: ['RS256'] }) as jsonwebtoken.JwtPayload;
    assert.equal(claims.application_id, APP_ID);
    assert.equal(claims.exp! - claims.iat!, 900);
  });

  it('signs a fresh JWT for every send (a retry reuses the token of its send)', async () => {
    server = await recordingServer(json(503, {}), json(202, { message_uuid: 'x' }));
    const result = await sendPayload(
      { text: WHATSAPP_TEXT, fileName: 'a.vonage.json', profile: vonage(server.url), variables: { TO_NUMBER: '447700900001', CODE: '1' } },
      { privateKey: testKeys().pkcs8 },
      FAST,
    );
    assert.equal(result.ok, true);
    assert.equal(result.attempts, 2);
    // One token per send call: both attempts of one send carry the same token; a second send gets a new one.
    await sendPayload({ text: WHATSAPP_TEXT, fileName: 'a.vonage.json', profile: vonage(server.url), variables: { TO_NUMBER: '447700900001', CODE: '1' } }, { privateKey: testKeys().pkcs8 }, FAST);
    assert.notEqual(server.requests[0].headers.authorization, server.requests[2].headers.authorization);
  });

  it('uses Basic auth with key and secret', async () => {
    server = await recordingServer(json(202, { message_uuid: 'x' }));
    await sendPayload(
      { text: WHATSAPP_TEXT, fileName: 'a.vonage.json', profile: vonage(server.url, 'basic'), variables: { TO_NUMBER: '447700900001', CODE: '1' } },
      { apiSecret: 'sec-ret-123' },
      FAST,
    );
    assert.equal(server.requests[0].headers.authorization, `Basic ${Buffer.from('abcd1234:sec-ret-123').toString('base64')}`);
  });

  it('retries a 429 with Retry-After, then succeeds', async () => {
    server = await recordingServer(json(429, { title: 'Throttled' }, { 'retry-after': '1' }), json(202, { message_uuid: 'm' }));
    const waits: number[] = [];
    const result = await sendPayload(
      { text: WHATSAPP_TEXT, fileName: 'a.vonage.json', profile: vonage(server.url), variables: { TO_NUMBER: '447700900001', CODE: '1' } },
      { privateKey: testKeys().pkcs8 },
      { http: { sleep: async (ms) => void waits.push(ms) } },
    );
    assert.equal(result.ok, true);
    assert.equal(result.attempts, 2);
    assert.deepEqual(waits, [1000]);
  });

  it('does not retry a 422 and explains its RFC 7807 detail and invalid parameters', async () => {
    server = await recordingServer(
      raw(
        422,
        'application/problem+json',
        JSON.stringify({
          type: 'https://developer.vonage.com/api-errors/messages#1150',
          title: 'Invalid params',
          detail: 'The value of one or more parameters is invalid.',
          instance: 'bf0ca0bf927b3b52e3cb03217e1a1ddf',
          invalid_parameters: [{ name: 'to', reason: 'Invalid value' }],
        }),
      ),
    );
    const result = await sendPayload(
      { text: WHATSAPP_TEXT, fileName: 'a.vonage.json', profile: vonage(server.url), variables: { TO_NUMBER: '447700900001', CODE: '1' } },
      { privateKey: testKeys().pkcs8 },
      FAST,
    );
    assert.equal(server.requests.length, 1);
    assert.equal(result.ok, false);
    assert.equal(result.status, 422);
    assert.equal(result.attempts, 1);
    assert.match(result.problem!, /HTTP 422: Invalid params/);
    assert.match(result.problem!, /The value of one or more parameters is invalid\./);
    assert.match(result.problem!, /- to: Invalid value\. Phone numbers are E\.164 digits without "\+"/);
    assert.match(result.problem!, /What to do: Fix the parameters named above/);
    assert.match(result.problem!, /bf0ca0bf927b3b52e3cb03217e1a1ddf/);
    assert.equal(result.explained?.code, 'https://developer.vonage.com/api-errors/messages#1150');
  });

  it('explains an HTML error page with its status and a short excerpt', async () => {
    server = await recordingServer(raw(502, 'text/html', '<html><head><title>502 Bad Gateway</title><style>h1{}</style></head><body><h1>Bad Gateway</h1><p>nginx</p></body></html>'));
    const result = await sendPayload(
      { text: WHATSAPP_TEXT, fileName: 'a.vonage.json', profile: vonage(server.url), variables: { TO_NUMBER: '447700900001', CODE: '1' } },
      { privateKey: testKeys().pkcs8 },
      { http: { sleep: async () => undefined, maxAttempts: 1 } },
    );
    assert.equal(result.ok, false);
    assert.match(result.problem!, /^HTTP 502 Bad Gateway with an HTML page instead of the API's JSON: "502 Bad Gateway Bad Gateway nginx"/);
    assert.match(result.problem!, /proxy/);
  });

  it('refuses a payload with unresolved placeholders, naming them, and sends nothing', async () => {
    server = await recordingServer(json(202, {}));
    const result = await sendPayload({ text: WHATSAPP_TEXT, fileName: 'a.vonage.json', profile: vonage(server.url), variables: { CODE: '1' } }, { privateKey: testKeys().pkcs8 }, FAST);
    assert.equal(result.ok, false);
    assert.equal(result.stage, 'prepare');
    assert.match(result.problem!, /unresolved placeholder \{\{TO_NUMBER\}\}.*TO_NUMBER/);
    assert.equal(server.requests.length, 0);
  });

  it('refuses a payload with errors, saying where', async () => {
    server = await recordingServer(json(202, {}));
    const result = await sendPayload(
      { text: '{"message_type": "text", "channel": "whatsapp",, }', fileName: 'a.vonage.json', profile: vonage(server.url), variables: {} },
      { privateKey: testKeys().pkcs8 },
      FAST,
    );
    assert.equal(result.ok, false);
    assert.match(result.problem!, /^Not sent: a\.vonage\.json has \d+ errors?/);
    assert.match(result.problem!, /a\.vonage\.json:1:\d+: JSON syntax/);
    assert.equal(server.requests.length, 0);
  });

  it('refuses to send credentials over plain HTTP to another machine', async () => {
    const result = await sendPayload(
      { text: WHATSAPP_TEXT, fileName: 'a.vonage.json', profile: vonage('http://api.example.com'), variables: { TO_NUMBER: '447700900001', CODE: '1' } },
      { privateKey: testKeys().pkcs8 },
      FAST,
    );
    assert.equal(result.stage, 'auth');
    assert.match(result.problem!, /plain HTTP: use an https:\/\/ endpoint/);
  });

  it('says which credential is missing and where to set it', async () => {
    const result = await sendPayload({ text: WHATSAPP_TEXT, fileName: 'a.vonage.json', profile: vonage('https://api.nexmo.com'), variables: { TO_NUMBER: '447700900001', CODE: '1' } }, {}, FAST);
    assert.match(result.problem!, /no private key.*VONAGE_PRIVATE_KEY.*Set Credentials/);
  });

  it('fills placeholders inside strings with JSON escaping, never in keys', () => {
    const r = fillValue({ '{{A}}': 'x {{A}} y', n: [1, '{{B}}'] }, { A: 'say "hi"' });
    assert.deepEqual(r.value, { '{{A}}': 'x say "hi" y', n: [1, '{{B}}'] });
    assert.deepEqual(r.missing, ['B']);
  });

  it('marks a message as read with PATCH /v1/messages/{uuid}', async () => {
    server = await recordingServer(raw(200, 'application/json', ''));
    const r = await markRead('aaaaaaaa-1111-4222-8333-444444444444', vonage(server.url), { privateKey: testKeys().pkcs8 }, FAST);
    assert.equal(r.ok, true, r.problem ?? '');
    assert.equal(server.requests[0].method, 'PATCH');
    assert.equal(server.requests[0].path, '/v1/messages/aaaaaaaa-1111-4222-8333-444444444444');
    assert.deepEqual(JSON.parse(server.requests[0].body), { status: 'read' });
  });
});

describe('send: WhatsApp, On-Premises and gateway requests', () => {
  let server: RecordingServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const cloudText = JSON.stringify({ messaging_product: 'whatsapp', recipient_type: 'individual', to: '447700900001', type: 'text', text: { body: 'Hi' } });

  it('Meta Cloud: POST /{version}/{phone-number-id}/messages with a Bearer token; reads the wamid', async () => {
    server = await recordingServer(json(200, { messaging_product: 'whatsapp', contacts: [{ input: '447700900001', wa_id: '447700900001' }], messages: [{ id: 'wamid.HBgL' }] }));
    const profile: Profile = { name: 'meta', provider: 'whatsapp', endpoint: server.url, auth: 'bearer', phoneNumberId: '1055', graphVersion: 'v21.0' };
    const r = await sendPayload({ text: cloudText, fileName: 'a.whatsapp.json', profile, variables: {} }, { token: 'EAAtoken123' }, FAST);
    assert.equal(r.ok, true, r.problem ?? '');
    assert.equal(r.messageId, 'wamid.HBgL');
    assert.equal(server.requests[0].path, '/v21.0/1055/messages');
    assert.equal(server.requests[0].headers.authorization, 'Bearer EAAtoken123');
  });

  it('Meta Cloud: explains 131047 (window closed: send a template)', async () => {
    server = await recordingServer(
      json(400, {
        error: {
          message: '(#131047) Re-engagement message',
          type: 'OAuthException',
          code: 131047,
          error_data: { messaging_product: 'whatsapp', details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.' },
          fbtrace_id: 'Az8or',
        },
      }),
    );
    const profile: Profile = { name: 'meta', provider: 'whatsapp', endpoint: server.url, auth: 'bearer', phoneNumberId: '1055' };
    const r = await sendPayload({ text: cloudText, fileName: 'a.whatsapp.json', profile, variables: {} }, { token: 'EAAtoken123' }, FAST);
    assert.equal(r.ok, false);
    assert.equal(r.explained?.code, '131047');
    assert.match(r.problem!, /24 hours/);
    assert.match(r.problem!, /What to do: Send an approved template message/);
    assert.equal(server.requests.length, 1);
  });

  it('360dialog Cloud: POST /messages with D360-API-KEY', async () => {
    server = await recordingServer(json(200, { messages: [{ id: 'wamid.X' }] }));
    const profile: Profile = { name: '360', provider: 'whatsapp', endpoint: `${server.url}/360`, auth: 'd360' };
    const r = await sendPayload({ text: cloudText, fileName: 'a.whatsapp.json', profile, variables: {} }, { d360ApiKey: 'd360-key-abc' }, FAST);
    assert.equal(r.ok, true, r.problem ?? '');
    assert.equal(server.requests[0].path, '/360/messages');
    assert.equal(server.requests[0].headers['d360-api-key'], 'd360-key-abc');
    assert.equal(server.requests[0].headers.authorization, undefined);
  });

  it('On-Premises: explains 470 from seed 004', async () => {
    server = await recordingServer(
      json(400, { errors: [{ code: 470, title: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number' }], meta: { api_status: 'stable' } }),
    );
    const text = JSON.stringify({ recipient_type: 'individual', to: '447700900001', type: 'text', text: { body: 'Hello, dear customer!' } });
    const profile: Profile = { name: 'onprem', provider: 'whatsapp-onprem', endpoint: `${server.url}/onprem/v1`, auth: 'd360' };
    const r = await sendPayload({ text, fileName: 'a.whatsapp-onprem.json', profile, variables: {} }, { d360ApiKey: 'd360-key-abc' }, FAST);
    assert.equal(server.requests[0].path, '/onprem/v1/messages');
    assert.equal(r.ok, false);
    assert.equal(r.explained?.code, '470');
    assert.match(r.problem!, /customer care window is closed/);
    assert.match(r.problem!, /template/);
  });

  it('On-Premises: a mark-as-read file goes to PUT /messages/{MESSAGE_ID}, and needs that id', async () => {
    server = await recordingServer(raw(200, 'application/json', 'null'));
    const profile: Profile = { name: 'onprem', provider: 'whatsapp-onprem', endpoint: `${server.url}/onprem/v1`, auth: 'd360' };
    const r = await sendPayload({ text: '{"status": "read"}', fileName: 'read.whatsapp-onprem.json', profile, variables: { MESSAGE_ID: 'gBEG/1+2' } }, { d360ApiKey: 'k-123' }, FAST);
    assert.equal(r.ok, true, r.problem ?? '');
    assert.equal(server.requests[0].method, 'PUT');
    assert.equal(server.requests[0].path, '/onprem/v1/messages/gBEG%2F1%2B2');
    assert.deepEqual(JSON.parse(server.requests[0].body), { status: 'read' });
    const missing = prepareSend({ text: '{"status": "read"}', fileName: 'read.whatsapp-onprem.json', profile, variables: {} });
    assert.equal(missing.ok, false);
    assert.match(!missing.ok ? missing.message : '', /MESSAGE_ID/);
  });

  it('gateway: the endpoint is the full URL and the token goes into the body', async () => {
    server = await recordingServer(json(200, { success: true, data: { messageId: 'g-1' } }));
    const text = JSON.stringify({ phone: '+447700900001', message: 'Hi *there*' });
    const profile: Profile = { name: 'gw', provider: 'gateway', endpoint: `${server.url}/gateway/send`, auth: 'token' };
    const r = await sendPayload({ text, fileName: 'a.gateway.json', profile, variables: {} }, { token: 'gw-token-xyz' }, FAST);
    assert.equal(r.ok, true, r.problem ?? '');
    assert.equal(r.messageId, 'g-1');
    assert.equal(server.requests[0].path, '/gateway/send');
    assert.deepEqual(JSON.parse(server.requests[0].body), { token: 'gw-token-xyz', phone: '+447700900001', message: 'Hi *there*' });
    assert.ok(!r.request!.body!.includes('gw-token-xyz'), 'the recorded request is redacted');
  });

  it('redacts secret placeholder values the caller names', async () => {
    server = await recordingServer(json(200, { id: 'g-2' }));
    const text = JSON.stringify({ phone: '+447700900001', message: 'PIN {{PIN}}' });
    const profile: Profile = { name: 'gw', provider: 'gateway', endpoint: `${server.url}/gateway/send`, auth: 'token' };
    const r = await sendPayload({ text, fileName: 'a.gateway.json', profile, variables: { PIN: '918273' } }, { token: 'gw-token-xyz' }, { ...FAST, redact: ['918273'] });
    assert.equal(JSON.parse(server.requests[0].body).message, 'PIN 918273');
    assert.ok(!JSON.stringify(r).includes('918273'));
  });

  it('scrubs a secret a server echoes back in its error', async () => {
    server = await recordingServer(json(401, { error: 'invalid token gw-token-xyz' }));
    const profile: Profile = { name: 'gw', provider: 'gateway', endpoint: `${server.url}/gateway/send`, auth: 'token' };
    const r = await sendPayload({ text: JSON.stringify({ phone: '+447700900001', message: 'Hi' }), fileName: 'a.gateway.json', profile, variables: {} }, { token: 'gw-token-xyz' }, FAST);
    assert.equal(r.ok, false);
    assert.ok(!JSON.stringify(r).includes('gw-token-xyz'), JSON.stringify(r));
    assert.match(r.problem!, /\[redacted\]/);
  });

  it('needs a phone number id for Meta, and says where to find it', () => {
    const p = prepareSend({ text: cloudText, fileName: 'a.whatsapp.json', profile: { name: 'meta', provider: 'whatsapp', endpoint: 'https://graph.facebook.com', auth: 'bearer' }, variables: {} });
    assert.equal(p.ok, false);
    assert.match(!p.ok ? p.message : '', /phoneNumberId/);
  });
});
