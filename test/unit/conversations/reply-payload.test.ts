/** A reply to a customer's message is a valid payload of its provider, answering that message. */
import * as assert from 'node:assert/strict';
import { replyPayload } from '../../../src/conversations/reply-payload';
import { validateText } from '../../../src/pipeline/validate';
import { providerById } from '../../../src/providers/registry';

describe('conversations: reply payloads', () => {
  for (const provider of ['whatsapp', 'whatsapp-onprem', 'vonage', 'vonage-legacy', 'gateway']) {
    it(`${provider}: validates with no error, to the customer, quoting the message where the API can`, () => {
      const payload = replyPayload({ provider, to: '447700900123', from: '447700900001', contextId: 'ctx-123', channel: 'whatsapp' })!;
      const result = validateText(JSON.stringify(payload), { fileName: `reply${providerById(provider)!.suffix}` });
      assert.deepEqual(
        result.problems.filter((p) => p.severity === 'error').map((p) => `${p.pointer}: ${p.message}`),
        [],
      );
      assert.equal(result.model?.to?.text.replace(/^\+/, ''), '447700900123');
      if (provider !== 'vonage-legacy' && provider !== 'gateway') assert.equal(result.model?.replyTo, 'ctx-123', 'the reply context');
    });
  }

  it('leaves a Vonage sender it does not know as a placeholder to fill, and no context outside WhatsApp', () => {
    const p = replyPayload({ provider: 'vonage', to: '447700900123', channel: 'sms', contextId: 'x' })!;
    assert.equal(p.from, '{{FROM_NUMBER}}');
    assert.equal(p.context, undefined);
  });
});
