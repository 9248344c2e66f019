import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { activateExtension, closeAllEditors, openPayload, uniqueName } from './util';

import { TEST_SECRETS_COMMAND } from '../../src/extension/api';

const SECRET_NAMES = ['privateKey', 'apiSecret', 'token', 'd360ApiKey'];

/** The Sandbox profile's secret values (and the lines of the PEM, so no fragment slips through). */
async function sandboxSecrets(): Promise<string[]> {
  const values: string[] = [];
  for (const n of SECRET_NAMES) {
    const v = await vscode.commands.executeCommand<string | undefined>(TEST_SECRETS_COMMAND, 'get', 'Sandbox', n);
    assert.ok(v, `the Sandbox profile should have a generated ${n} once the sandbox has started`);
    values.push(v);
    if (n === 'privateKey') values.push(...v.split('\n').filter((l) => l.length > 20 && !l.startsWith('-----')));
  }
  return values;
}

interface Case {
  provider: string;
  suffix: string;
  payload: unknown;
  variable: string;
  path: RegExp;
}

const CASES: Case[] = [
  {
    provider: 'vonage',
    suffix: '.vonage.json',
    payload: { message_type: 'text', channel: 'sms', to: '447700900000', from: '447700900001', text: 'curl me' },
    variable: '$VONAGE_JWT',
    path: /\/v1\/messages/,
  },
  {
    provider: 'whatsapp',
    suffix: '.whatsapp.json',
    payload: { messaging_product: 'whatsapp', recipient_type: 'individual', to: '447700900000', type: 'text', text: { body: 'curl me' } },
    variable: '$WHATSAPP_TOKEN',
    path: /\/messages/,
  },
  {
    provider: 'whatsapp-onprem',
    suffix: '.whatsapp-onprem.json',
    payload: { recipient_type: 'individual', to: '447700900000', type: 'text', text: { body: 'curl me' } },
    variable: '$D360_API_KEY',
    path: /\/messages/,
  },
  { provider: 'gateway', suffix: '.gateway.json', payload: { phone: '+447700900000', message: 'curl me' }, variable: '$GATEWAY_TOKEN', path: /^curl /m },
];

describe('code lenses and Copy as cURL', function () {
  this.timeout(60000);
  before(async () => {
    await activateExtension();
    // The tests expect the default profile; another test may have left one active.
    await vscode.workspace.getConfiguration('messageWorkbench').update('activeProfile', undefined, vscode.ConfigurationTarget.Workspace);
  });
  afterEach(closeAllEditors);

  it('a payload file gets Send, Preview and Copy as cURL lenses that run our commands on that file', async () => {
    const editor = await openPayload(uniqueName('lens', '.vonage.json'), JSON.stringify(CASES[0].payload, null, 2));
    const uri = editor.document.uri;
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10)) ?? [];
    const ours = lenses.filter((l) => l.command?.command.startsWith('messageWorkbench.'));
    const byCommand = new Map(ours.map((l) => [l.command!.command, l]));
    assert.deepEqual([...byCommand.keys()].sort(), ['messageWorkbench.copyAsCurl', 'messageWorkbench.openPreviewToSide', 'messageWorkbench.sendMessage']);
    assert.match(byCommand.get('messageWorkbench.sendMessage')!.command!.title, /Send with Sandbox/);
    assert.match(byCommand.get('messageWorkbench.openPreviewToSide')!.command!.title, /Preview/);
    assert.match(byCommand.get('messageWorkbench.copyAsCurl')!.command!.title, /Copy as cURL/);
    for (const l of ours) {
      assert.equal(String(l.command!.arguments?.[0]), uri.toString(), `${l.command!.command} should act on the file it sits in`);
      assert.equal(l.range.start.line, 0);
    }
  });

  it('a file that is not a payload gets no lenses', async () => {
    const editor = await openPayload(uniqueName('plain', '.json'), '{ "to": "447700900000" }');
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri, 10)) ?? [];
    assert.equal(lenses.filter((l) => l.command?.command.startsWith('messageWorkbench.')).length, 0);
  });

  for (const c of CASES) {
    it(`${c.provider}: Copy as cURL for the Sandbox runs as pasted (its credentials are local and throwaway)`, async () => {
      const editor = await openPayload(uniqueName(`curl-${c.provider}`, c.suffix), JSON.stringify(c.payload, null, 2));
      await vscode.env.clipboard.writeText('before');
      const curl = await vscode.commands.executeCommand<string | undefined>('messageWorkbench.copyAsCurl', editor.document.uri);
      assert.ok(typeof curl === 'string', 'Copy as cURL should return the command');
      assert.match(curl, /^curl -X POST /m);
      assert.match(curl, c.path);
      assert.ok(curl.includes('curl me'), 'the body goes along');
      assert.ok(!curl.includes(c.variable), `no $VARIABLE to set for the sandbox:\n${curl}`);
      assert.equal(await vscode.env.clipboard.readText(), curl, 'the clipboard should hold the same command');
      // Run it as a user would paste it into a shell (where the machine has curl).
      if (spawnSync('sh', ['-c', 'command -v curl']).status !== 0) return;
      // Asynchronously: the sandbox answers from this same process.
      const run = await promisify(execFile)('sh', ['-c', `${curl} -s -o /dev/null -w '%{http_code}'`], { encoding: 'utf8', timeout: 15000 });
      assert.match(run.stdout, /^2\d\d$/, `the pasted command should be accepted by the sandbox: ${run.stdout} ${run.stderr}`);
    });
  }

  it("Copy as cURL for a real profile writes $VARIABLES, never the profile's secret", async () => {
    const url = await ((await activateExtension()).exports as { sandboxUrl(): Promise<string> }).sandboxUrl();
    const secret = `it-real-${Math.random().toString(36).slice(2)}`;
    const config = vscode.workspace.getConfiguration('messageWorkbench');
    await config.update('profiles', [{ name: 'IT Meta', provider: 'whatsapp', auth: 'bearer', phoneNumberId: '1', endpoint: url }], vscode.ConfigurationTarget.Workspace);
    await config.update('activeProfile', 'IT Meta', vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand(TEST_SECRETS_COMMAND, 'set', 'IT Meta', 'token', secret);
    try {
      const editor = await openPayload(uniqueName('curl-real', '.whatsapp.json'), JSON.stringify(CASES[1].payload, null, 2));
      const curl = await vscode.commands.executeCommand<string | undefined>('messageWorkbench.copyAsCurl', editor.document.uri);
      assert.ok(typeof curl === 'string');
      assert.ok(curl.includes('$WHATSAPP_TOKEN'), curl);
      assert.ok(!curl.includes(secret), "the profile's secret appears in the command");
      for (const s of await sandboxSecrets()) assert.ok(!curl.includes(s), `a Sandbox secret (${s.length} chars) appears in the curl command`);
    } finally {
      await vscode.commands.executeCommand(TEST_SECRETS_COMMAND, 'clear', 'IT Meta');
      await config.update('activeProfile', undefined, vscode.ConfigurationTarget.Workspace);
      await config.update('profiles', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
