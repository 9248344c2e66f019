import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, openPayload, uniqueName, workspaceRoot } from './util';

interface Api {
  history(): { file: string; to?: string; ok: boolean; messageId: string | null }[];
  sandboxUrl(): Promise<string>;
}

interface Summary {
  ok: boolean;
  rows: number;
  sent: number;
  invalid: number;
  fromEarlierRuns: number;
  requests: number;
  report: string | null;
}

describe('Send to Recipient List...', function () {
  this.timeout(60000);
  afterEach(closeAllEditors);

  it('sends the payload once to each row through the sandbox, opens the report, records the sends, and never twice', async () => {
    const api = (await activateExtension()).exports as Api;
    const name = uniqueName('welcome', '.whatsapp.json');
    const editor = await openPayload(
      name,
      JSON.stringify({ messaging_product: 'whatsapp', recipient_type: 'individual', to: '{{TO}}', type: 'text', text: { body: 'Hello {{NAME}}, table for {{PARTY}}' } }, null, 2),
    );
    const tag = Date.now().toString().slice(-3);
    const numbers = ['447700900' + tag, '447700900' + String((Number(tag) + 1) % 1000).padStart(3, '0'), '447700900' + String((Number(tag) + 2) % 1000).padStart(3, '0')];
    const list = vscode.Uri.joinPath(workspaceRoot(), uniqueName('guests', '.csv'));
    await vscode.workspace.fs.writeFile(list, Buffer.from(['TO,NAME,PARTY', `${numbers[0]},Ann,2`, `${numbers[1]},"Bo, Jr.",4`, 'not-a-number,Nobody,1', `${numbers[2]},Cleo,3`].join('\n') + '\n'));

    const run = () => vscode.commands.executeCommand('messageWorkbench.sendToRecipientList', editor.document.uri, { recipients: list, confirmed: true }) as Thenable<Summary | undefined>;
    const first = await run();
    assert.ok(first, 'the command returned no summary');
    assert.equal(first.rows, 4);
    assert.equal(first.sent, 3);
    assert.equal(first.invalid, 1);
    assert.match(vscode.window.activeTextEditor?.document.uri.path ?? '', /guests-.*\.report\.csv$/);
    const report = vscode.window.activeTextEditor!.document.getText();
    assert.match(report, /^line,recipient,outcome,messageId,status,problem/);
    assert.match(report, /\n4,not-a-number,invalid,,,"The recipient number/);

    const url = await api.sandboxUrl();
    const messages = ((await (await fetch(`${url}/_sandbox/messages`)).json()) as { messages: { to: string; body: { text?: { body: string } } }[] }).messages;
    for (const n of numbers) assert.equal(messages.filter((m) => m.to === n).length, 1, `${n} received ${messages.filter((m) => m.to === n).length} messages`);
    assert.ok(messages.some((m) => m.to === numbers[1] && m.body.text?.body === 'Hello Bo, Jr., table for 4'));
    for (const n of numbers)
      assert.ok(
        api.history().some((e) => e.to === n && e.ok),
        `no history entry for ${n}`,
      );

    const again = await run();
    assert.ok(again);
    assert.equal(again.requests, 0);
    assert.equal(again.fromEarlierRuns, 4);
    const after = ((await (await fetch(`${url}/_sandbox/messages`)).json()) as { messages: { to: string }[] }).messages;
    assert.equal(after.filter((m) => numbers.includes(m.to)).length, 3);
  });
});
