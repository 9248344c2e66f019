import * as assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import * as vscode from 'vscode';
import { activateExtension } from './util';
import { TEST_SECRETS_COMMAND } from '../../src/extension/api';

interface Api {
  conversations(): { profile: string; customer: string; messages: { dir: string; text?: string }[] }[];
}

const PROFILE = 'IT Meta inbox';
const APP_SECRET = 'it-app-secret-0123456789';
const VERIFY_TOKEN = 'it-verify-token';

/** A customer's text as Meta posts it. */
function inbound(from: string, text: string): string {
  const now = Math.floor(Date.now() / 1000);
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' },
              contacts: [{ profile: { name: 'IT' }, wa_id: from }],
              messages: [{ from, id: `wamid.it${now}${from}`, timestamp: String(now), type: 'text', text: { body: text } }],
            },
          },
        ],
      },
    ],
  });
}

describe('the inbox for a real profile', function () {
  this.timeout(60000);
  const config = () => vscode.workspace.getConfiguration('messageWorkbench');
  let api: Api;

  before(async () => {
    api = (await activateExtension()).exports as Api;
    await config().update('profiles', [{ name: PROFILE, provider: 'whatsapp', auth: 'bearer', phoneNumberId: '106540352242922' }], vscode.ConfigurationTarget.Workspace);
    // The secrets it checks with live in SecretStorage, under the profile (set here as "Set Webhook Secrets" does).
    await vscode.commands.executeCommand(TEST_SECRETS_COMMAND, 'set', PROFILE, 'whatsappAppSecret', APP_SECRET);
    await vscode.commands.executeCommand(TEST_SECRETS_COMMAND, 'set', PROFILE, 'whatsappVerifyToken', VERIFY_TOKEN);
  });
  after(async () => {
    await vscode.commands.executeCommand('messageWorkbench.stopInbox', PROFILE);
    await vscode.commands.executeCommand(TEST_SECRETS_COMMAND, 'clear', PROFILE);
    await config().update('profiles', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it("gives the URL to register, answers Meta's verification GET, and puts only verified webhooks in the profile's threads", async () => {
    const shown = await vscode.commands.executeCommand<{ local: string; external?: string }>('messageWorkbench.showWebhookUrl', PROFILE, 'forward');
    assert.ok(shown, 'Show Webhook URL returned nothing');
    assert.match(shown.local, /^http:\/\/127\.0\.0\.1:\d+\/webhook$/);
    assert.match(shown.external ?? '', /^https?:\/\/.+\/webhook$/, "VS Code's port forwarding gave a URL");
    assert.equal((await fetch(shown.external!, { method: 'HEAD' })).status, 200, 'the forwarded URL reaches the inbox');
    console.log(`      local ${shown.local}, through VS Code's port forwarding: ${shown.external}`);

    const challenge = await fetch(`${shown.local}?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`);
    assert.deepEqual([challenge.status, await challenge.text()], [200, '1158201444']);
    assert.equal((await fetch(`${shown.local}?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1`)).status, 403);

    const body = inbound('447700900881', 'Signed by Meta');
    const signed = await fetch(shown.local, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': 'sha256=' + createHmac('sha256', APP_SECRET).update(body).digest('hex') },
    });
    assert.equal(signed.status, 200);
    const forged = inbound('447700900882', 'Not from Meta');
    const refused = await fetch(shown.local, {
      method: 'POST',
      body: forged,
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': 'sha256=' + createHmac('sha256', 'another-secret').update(forged).digest('hex') },
    });
    assert.equal(refused.status, 401);

    const threads = api.conversations().filter((t) => t.profile === PROFILE);
    assert.deepEqual(
      threads.map((t) => [t.customer, t.messages.map((m) => m.text)]),
      [['447700900881', ['Signed by Meta']]],
    );
  });
});
