import * as assert from 'node:assert/strict';
import { validateText } from '../../../../src/pipeline/validate';
import { prepareSend } from '../../../../src/pipeline/send';
import { defaultProfile } from '../../../../src/pipeline/profiles';
import { providerById } from '../../../../src/providers/registry';

describe('placeholder-secret', () => {
  it('is an error on the placeholder itself, for each credential name', () => {
    for (const name of ['WHATSAPP_TOKEN', 'VONAGE_PRIVATE_KEY', 'AWS_SECRET_ACCESS_KEY']) {
      const text = JSON.stringify({ phone: '+447700900000', message: `Your key: {{${name}}}` }, null, 2);
      const p = validateText(text, { fileName: 'x.gateway.json' }).problems.filter((x) => x.code === 'placeholder-secret');
      assert.equal(p.length, 1, name);
      assert.equal(p[0].severity, 'error');
      assert.equal(p[0].pointer, '/message');
      assert.equal(text.slice(p[0].start, p[0].end), `{{${name}}}`);
      assert.match(p[0].message, /names a credential/);
    }
  });

  it('finds them at any depth and leaves ordinary placeholders alone', () => {
    const text = JSON.stringify({
      messaging_product: 'whatsapp',
      to: '{{TO_NUMBER}}',
      type: 'template',
      template: {
        name: 'x',
        language: { code: 'en' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: '{{ db_password }}' },
              { type: 'text', text: '{{NAME}}' },
            ],
          },
        ],
      },
    });
    const p = validateText(text, { fileName: 'x.whatsapp.json' }).problems.filter((x) => x.code === 'placeholder-secret');
    assert.deepEqual(
      p.map((x) => x.pointer),
      ['/template/components/0/parameters/0/text'],
    );
  });

  it('stops the send before anything is filled or sent, whatever the variables hold', () => {
    const text = JSON.stringify({ phone: '+447700900000', message: '{{GATEWAY_TOKEN}}' });
    const r = prepareSend({
      text,
      fileName: 'x.gateway.json',
      profile: defaultProfile(providerById('gateway')!, { endpoint: 'https://gw.example.com/send' }),
      variables: { GATEWAY_TOKEN: 'gw-secret-1234' },
    });
    assert.equal(r.ok, false);
    assert.match((r as { message: string }).message, /names a credential/);
    assert.ok(!(r as { message: string }).message.includes('gw-secret-1234'));
  });
});
