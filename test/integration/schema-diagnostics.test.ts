import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { OUR_SOURCE, activateExtension, closeAllEditors, describeDiagnostics, openPayload, rangeOfText, uniqueName, waitForDiagnostics } from './util';

// Schema problems come from VS Code's JSON language service. In VS Code 1.100.3 (code-server) its
// diagnostics carry no `source` (newer builds may say 'json'), so "not ours" is what identifies them.
function isSchemaDiagnostic(d: vscode.Diagnostic): boolean {
  return d.source !== OUR_SOURCE && (d.source === undefined || d.source === 'json');
}

interface Case {
  provider: string;
  suffix: string;
  valid: object;
  /** The same payload with one value of the wrong type: `bad` is the JSON text the schema must flag. */
  invalid: object;
  bad: string;
  /**
   * The top-level key holding `bad`. Where a schema is a union (anyOf/oneOf), the JSON service
   * may report the mismatch on that key instead of the value; anywhere from it to `bad` counts.
   */
  anchor: string;
}

const CASES: Case[] = [
  {
    provider: 'vonage',
    suffix: '.vonage.json',
    valid: { message_type: 'text', channel: 'sms', to: '447700900000', from: '447700900001', text: 'hi' },
    invalid: { message_type: 'text', channel: 'sms', to: '447700900000', from: '447700900001', text: 4242 },
    bad: '4242',
    anchor: '"text"',
  },
  {
    provider: 'vonage-legacy',
    suffix: '.vonage-legacy.json',
    valid: { from: { type: 'sms', number: '447700900001' }, to: { type: 'sms', number: '447700900000' }, message: { content: { type: 'text', text: 'hi' } } },
    invalid: { from: { type: 'sms', number: '447700900001' }, to: { type: 'sms', number: '447700900000' }, message: { content: { type: 'text', text: 4242 } } },
    bad: '4242',
    anchor: '"message"',
  },
  {
    provider: 'whatsapp',
    suffix: '.whatsapp.json',
    valid: { messaging_product: 'whatsapp', recipient_type: 'individual', to: '447700900000', type: 'text', text: { body: 'hi' } },
    invalid: { messaging_product: 'whatsapp', recipient_type: 'individual', to: '447700900000', type: 'text', text: { body: 4242 } },
    bad: '4242',
    anchor: '"text"',
  },
  {
    provider: 'whatsapp-onprem',
    suffix: '.whatsapp-onprem.json',
    valid: { recipient_type: 'individual', to: '447700900000', type: 'text', text: { body: 'hi' } },
    invalid: { recipient_type: 'individual', to: '447700900000', type: 'text', text: { body: 4242 } },
    bad: '4242',
    anchor: '"text"',
  },
  {
    provider: 'gateway',
    suffix: '.gateway.json',
    valid: { phone: '+447700900000', message: 'hi' },
    invalid: { phone: '+447700900000', message: 4242 },
    bad: '4242',
    anchor: '"message"',
  },
];

function schemaDiagnostics(ds: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
  return ds.filter(isSchemaDiagnostic);
}

describe('schema diagnostics (contributes.jsonValidation with our generated schemas)', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  for (const c of CASES) {
    it(`${c.provider}: an invalid ${c.suffix} payload gets a schema error on the bad value, the valid one none`, async () => {
      const bad = await openPayload(uniqueName(`invalid-${c.provider}`, c.suffix), JSON.stringify(c.invalid, null, 2) + '\n');
      const badRange = rangeOfText(bad.document, c.anchor).union(rangeOfText(bad.document, c.bad));
      const ds = await waitForDiagnostics(bad.document.uri, (d) => schemaDiagnostics(d).some((x) => x.range.intersection(badRange) !== undefined), 20000,
        `a JSON schema diagnostic between ${c.anchor} and ${c.bad} in the ${c.provider} payload`);
      const hit = schemaDiagnostics(ds).find((x) => x.range.intersection(badRange) !== undefined);
      assert.ok(hit);
      assert.ok(hit.severity <= vscode.DiagnosticSeverity.Warning, `schema problem should be an error or warning: ${describeDiagnostics([hit])}`);

      // The valid twin proves the schema is ours and fits: the JSON service has finished with the
      // invalid file above, so a settled empty result here is meaningful, but wait for it anyway.
      const good = await openPayload(uniqueName(`valid-${c.provider}`, c.suffix), JSON.stringify(c.valid, null, 2) + '\n');
      const goodUri = good.document.uri;
      // Give the JSON service a real chance to report, by waiting until it has validated the file:
      // a deliberately broken sibling opened after it gets its diagnostics strictly later.
      const probe = await openPayload(uniqueName(`probe-${c.provider}`, c.suffix), JSON.stringify(c.invalid, null, 2) + '\n');
      await waitForDiagnostics(probe.document.uri, (d) => schemaDiagnostics(d).length > 0, 20000, `schema diagnostics on the probe ${c.provider} payload`);
      const goodSchema = schemaDiagnostics(vscode.languages.getDiagnostics(goodUri));
      assert.deepEqual(goodSchema.map((d) => d.message), [], `valid ${c.provider} payload should have no schema diagnostics: ${describeDiagnostics(goodSchema)}`);
    });
  }
});
