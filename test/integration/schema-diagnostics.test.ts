import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, OUR_SOURCE, activateExtension, closeAllEditors, codeOf, describeDiagnostics, openPayload, rangeOfText, uniqueName, waitFor, waitForDiagnostics } from './util';

interface Hooks {
  problemStatus(): { text: string; tooltip: string; errors: number; warnings: number } | undefined;
}
const hooks = () => vscode.extensions.getExtension(EXTENSION_ID)!.exports as Hooks;

// Schema problems are ours alone: VS Code's JSON service gets schemas for completion and hover that
// do not validate (src/schemas/editor-schema.ts). Its own diagnostics carry no `source` in VS Code
// 1.100.3 (newer builds may say 'json'): anything not ours is its.
function notOurs(ds: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
  return ds.filter((d) => d.source !== OUR_SOURCE);
}

interface Case {
  provider: string;
  suffix: string;
  valid: object;
  /** The same payload with one value of the wrong type: `bad` is the JSON text the problem must underline. */
  invalid: object;
  bad: string;
}

const CASES: Case[] = [
  {
    provider: 'vonage',
    suffix: '.vonage.json',
    valid: { message_type: 'text', channel: 'sms', to: '447700900000', from: '447700900001', text: 'hi' },
    invalid: { message_type: 'text', channel: 'sms', to: '447700900000', from: '447700900001', text: 4242 },
    bad: '4242',
  },
  {
    provider: 'vonage-legacy',
    suffix: '.vonage-legacy.json',
    valid: { from: { type: 'sms', number: '447700900001' }, to: { type: 'sms', number: '447700900000' }, message: { content: { type: 'text', text: 'hi' } } },
    invalid: { from: { type: 'sms', number: '447700900001' }, to: { type: 'sms', number: '447700900000' }, message: { content: { type: 'text', text: 4242 } } },
    bad: '4242',
  },
  {
    provider: 'whatsapp',
    suffix: '.whatsapp.json',
    valid: { messaging_product: 'whatsapp', recipient_type: 'individual', to: '447700900000', type: 'text', text: { body: 'hi' } },
    invalid: { messaging_product: 'whatsapp', recipient_type: 'individual', to: '447700900000', type: 'text', text: { body: 4242 } },
    bad: '4242',
  },
  {
    provider: 'whatsapp-onprem',
    suffix: '.whatsapp-onprem.json',
    valid: { recipient_type: 'individual', to: '447700900000', type: 'text', text: { body: 'hi' } },
    invalid: { recipient_type: 'individual', to: '447700900000', type: 'text', text: { body: 4242 } },
    bad: '4242',
  },
  {
    provider: 'gateway',
    suffix: '.gateway.json',
    valid: { phone: '+447700900000', message: 'hi' },
    invalid: { phone: '+447700900000', message: 4242 },
    bad: '4242',
  },
];

describe('schema diagnostics: ours, once, in our words (VS Code validates nothing)', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  for (const c of CASES) {
    it(`${c.provider}: a wrong type in a ${c.suffix} payload is one error of ours on the bad value; the valid one has none`, async () => {
      const bad = await openPayload(uniqueName(`invalid-${c.provider}`, c.suffix), JSON.stringify(c.invalid, null, 2) + '\n');
      const badRange = rangeOfText(bad.document, c.bad);
      const ds = await waitForDiagnostics(
        bad.document.uri,
        (d) => d.some((x) => x.source === OUR_SOURCE && codeOf(x) === 'schema'),
        20000,
        `our schema diagnostic on ${c.bad} in the ${c.provider} payload`,
      );
      const schema = ds.filter((x) => x.source === OUR_SOURCE && codeOf(x) === 'schema');
      assert.equal(schema.length, 1, describeDiagnostics(ds));
      assert.equal(schema[0].severity, vscode.DiagnosticSeverity.Error);
      assert.ok(schema[0].range.isEqual(badRange), `on ${c.bad}: ${describeDiagnostics(schema)}`);
      assert.match(schema[0].message, /must be a string, not a number\.$/);

      // The JSON service has validated a file once it reports a syntax error in one opened after it:
      // by then it had its chance on the bad payload, and must have said nothing.
      const probe = await openPayload(uniqueName(`probe-${c.provider}`, c.suffix), '{"x": }\n');
      await waitForDiagnostics(probe.document.uri, (d) => notOurs(d).length > 0, 20000, `VS Code's syntax error in the probe ${c.provider} payload`);
      assert.deepEqual(
        notOurs(vscode.languages.getDiagnostics(bad.document.uri)).map((d) => d.message),
        [],
        `VS Code reported on the ${c.provider} payload`,
      );

      const good = await openPayload(uniqueName(`valid-${c.provider}`, c.suffix), JSON.stringify(c.valid, null, 2) + '\n');
      const probe2 = await openPayload(uniqueName(`probe2-${c.provider}`, c.suffix), '{"x": }\n');
      await waitForDiagnostics(probe2.document.uri, (d) => notOurs(d).length > 0, 20000, 'the second probe');
      // Back on the valid file: the status bar counts its problems (the list our diagnostics come from).
      await vscode.window.showTextDocument(good.document);
      const name = good.document.uri.path.split('/').pop()!;
      const shown = await waitFor(
        () => {
          const s = hooks().problemStatus();
          return s && s.tooltip.includes(name) ? s : undefined;
        },
        10000,
        `the status bar on ${name}`,
      );
      assert.equal(shown.errors, 0);
      // (An On-Premises payload keeps its warning that the API is retired.)
      const left = vscode.languages.getDiagnostics(good.document.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error || d.source !== OUR_SOURCE);
      assert.deepEqual(
        left.map((d) => d.message),
        [],
        `the valid ${c.provider} payload`,
      );
    });
  }
});
