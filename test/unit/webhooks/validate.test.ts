/** Webhook payload files through the one validation path, and their preview. */
import * as assert from 'node:assert/strict';
import { validateText } from '../../../src/pipeline/validate';
import { renderWebhookPreview, ticksOf } from '../../../src/preview/webhook';
import { toText } from '../../../src/preview/text';
import { toHtml } from '../../../src/preview/page';
import { locateProblems } from '../../../src/preview/problems';

const status = (st: Record<string, unknown>) =>
  JSON.stringify(
    {
      object: 'whatsapp_business_account',
      entry: [{ id: '1', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550000000', phone_number_id: '1' }, statuses: [st] } }] }],
    },
    null,
    2,
  );

describe('webhooks/validate', () => {
  it("checks a webhook file against its provider's webhook schema, with errors at their pointers", () => {
    const text = status({ id: 'wamid.a', status: 'seen', timestamp: 1749416383, recipient_id: '447700900123', pricing: { pricing_model: 'PMP', category: 'service', type: 'free' } });
    const r = validateText(text, { fileName: 'x.whatsapp-webhook.json' });
    assert.equal(r.provider, undefined, 'a webhook is never a payload to send');
    assert.equal(r.webhook?.providerId, 'whatsapp');
    const at = (p: string) => r.problems.filter((x) => x.severity === 'error' && x.pointer === p).length;
    const base = '/entry/0/changes/0/value/statuses/0';
    assert.equal(at(`${base}/status`), 1);
    assert.equal(at(`${base}/timestamp`), 1);
    assert.equal(at(`${base}/pricing/type`), 1);
  });

  it('accepts what each provider sends, and warns about a body with nothing in it', () => {
    const ok = validateText(status({ id: 'wamid.a', status: 'read', timestamp: '1749416383', recipient_id: '447700900123' }), { fileName: 'x.whatsapp-webhook.json' });
    assert.deepEqual(ok.problems, []);
    const empty = validateText('{"statuses": []}', { fileName: 'x.whatsapp-onprem-webhook.json' });
    assert.deepEqual(
      empty.problems.map((p) => [p.severity, p.code]),
      [['warning', 'webhook-no-events']],
    );
    const vonage = validateText('{"message_uuid": "m", "to": "1", "from": "2", "timestamp": "2025-02-03T12:14:25Z", "status": "gone"}', { fileName: 'x.vonage-webhook.json' });
    assert.ok(vonage.problems.some((p) => p.severity === 'error'));
    assert.equal(validateText('{"a":1}', { fileName: 'x.whatsapp.json' }).webhook, undefined, 'a payload file is not a webhook');
  });

  it("previews a status as the ticks it means and a customer's message as an incoming bubble", () => {
    assert.deepEqual(['sent', 'submitted', 'delivered', 'read', 'failed', 'rejected', 'undeliverable', 'what'].map(ticksOf), [
      'sent',
      'sent',
      'delivered',
      'read',
      'failed',
      'failed',
      'failed',
      'pending',
    ]);
    const tree = renderWebhookPreview({
      fileName: 'x.whatsapp-webhook.json',
      label: 'WhatsApp Cloud API webhook',
      events: [
        { kind: 'message', messageId: 'wamid.in', from: '447700900123', text: 'Hi *there*', pointer: '' },
        { kind: 'status', messageId: 'wamid.out', status: 'read', pointer: '' },
        { kind: 'status', messageId: 'wamid.bad', status: 'failed', errorCode: 131047, errorTitle: 'Re-engagement message', pointer: '' },
      ],
      problems: locateProblems('', []),
    });
    const html = toHtml(tree);
    assert.match(html, /class="bubble incoming[^"]*"/);
    assert.match(html, /<strong>there<\/strong>/, "WhatsApp formatting in the customer's text");
    assert.match(html, /class="ticks ticks-read"/);
    assert.match(html, /class="ticks ticks-failed"/);
    assert.match(toText(tree), /Not delivered: 131047 Re-engagement message/);
  });
});
