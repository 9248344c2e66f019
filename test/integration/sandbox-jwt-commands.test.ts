import * as assert from 'node:assert/strict';
import { generateKeyPairSync, sign } from 'node:crypto';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, waitFor } from './util';

interface InboundRecord {
  from: string;
  receivedAt: string;
  windowOpenUntil: string;
  messageIds: { vonage: string; whatsapp: string; onprem: string };
}

interface CallResult {
  ok: boolean;
  status: number | null;
  problem: string | null;
}

interface Decoded {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  state: string;
  validity: string;
}

describe('sandbox inbound, mark as read and decode JWT commands', function () {
  this.timeout(60000);
  before(async () => {
    await activateExtension();
    await vscode.workspace.getConfiguration('messageWorkbench').update('activeProfile', undefined, vscode.ConfigurationTarget.Workspace);
  });
  after(closeAllEditors);

  it("sandboxInbound opens the window for a number and returns message ids in each provider's style", async () => {
    const started = Date.now();
    const record = await vscode.commands.executeCommand<InboundRecord | undefined>('messageWorkbench.sandboxInbound', '447700900555');
    assert.ok(record, 'the command should return the inbound record');
    assert.match(record.from, /447700900555/);
    const until = Date.parse(record.windowOpenUntil);
    assert.ok(until - started > 23 * 3600 * 1000 && until - started <= 24 * 3600 * 1000 + 60000, `the window should be open for 24 h, until ${record.windowOpenUntil}`);
    assert.match(record.messageIds.whatsapp, /^wamid\./);
    assert.ok(record.messageIds.vonage.length > 0 && record.messageIds.onprem.length > 0);
    assert.notEqual(record.messageIds.vonage, record.messageIds.whatsapp);
  });

  for (const provider of ['whatsapp', 'whatsapp-onprem', 'vonage'] as const) {
    it(`markAsRead(messageId, '${provider}') succeeds against the sandbox`, async () => {
      const record = await vscode.commands.executeCommand<InboundRecord>('messageWorkbench.sandboxInbound', '447700900556');
      const id = provider === 'whatsapp' ? record.messageIds.whatsapp : provider === 'vonage' ? record.messageIds.vonage : record.messageIds.onprem;
      const result = await vscode.commands.executeCommand<CallResult | undefined>('messageWorkbench.markAsRead', id, provider);
      assert.ok(result, 'mark as read should return its result');
      assert.equal(result.ok, true, result.problem ?? '');
      assert.ok(result.status !== null && result.status >= 200 && result.status < 300, `HTTP ${result.status}`);
    });
  }

  it('decodeJwt returns the header and claims of a token and shows them beside the editor', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const now = Math.floor(Date.now() / 1000);
    // Signed here with node:crypto, independently of the extension's own signer.
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const claims = { application_id: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', sub: 'ann', acl: { paths: { '/*/users/**': {} } }, iat: now, jti: 'jti-integration-1', exp: now + 900 };
    const signingInput = `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64(claims)}`;
    const token = `${signingInput}.${sign('sha256', Buffer.from(signingInput), privateKey).toString('base64url')}`;
    const decoded = await vscode.commands.executeCommand<Decoded | undefined>('messageWorkbench.decodeJwt', `Bearer ${token}`);
    assert.ok(decoded, 'decodeJwt should return what it decoded');
    assert.equal(decoded.header.alg, 'RS256');
    assert.equal(decoded.header.typ, 'JWT');
    assert.equal(decoded.claims.application_id, 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee');
    assert.equal(decoded.claims.sub, 'ann');
    assert.equal(decoded.claims.jti, 'jti-integration-1');
    assert.equal(decoded.claims.exp, now + 900);
    assert.deepEqual(decoded.claims.acl, { paths: { '/*/users/**': {} } });
    assert.equal(decoded.state, 'valid');
    const shown = await waitFor(() => vscode.window.visibleTextEditors.find((e) => e.document.getText().includes('jti-integration-1')), 10000, 'the decoded token in an editor');
    assert.ok(!shown.document.getText().includes(token.split('.')[2]), 'the signature is not shown as a claim');
    assert.match(shown.document.getText(), /"application_id": "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"/);
  });

  it('decodeJwt refuses text that is not a JWT and returns nothing', async () => {
    const decoded = await vscode.commands.executeCommand('messageWorkbench.decodeJwt', 'not-a-token');
    assert.equal(decoded, undefined);
  });
});
