import * as assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { redactSecrets, redactor } from '../../../src/core/redact';
import { redact } from '../../../src/core/auth/apply';

const TOKEN = 'EAAGm0PX4ZCpsBAKZ3x7Qw9LmNoP1q2R';

/** Every form a server was seen to echo a credential in, each inside ordinary text. */
function echoes(secret: string): Record<string, string> {
  return {
    plain: `bad token ${secret}!`,
    lower: `bad token ${secret.toLowerCase()}!`,
    upper: `BAD TOKEN ${secret.toUpperCase()}!`,
    base64: `got ${Buffer.from(secret).toString('base64')} here`,
    'base64 of the lower-cased': `got ${Buffer.from(secret.toLowerCase()).toString('base64')} here`,
    base64url: `got ${Buffer.from(secret).toString('base64url')} here`,
    'base64, one byte in (a Basic header)': `Basic ${Buffer.from(`u:${secret}`).toString('base64')}`,
    'base64, two bytes in': `Basic ${Buffer.from(`us:${secret}`).toString('base64')}`,
    'base64url, one byte in': Buffer.from(`:${secret}`).toString('base64url'),
    'URL-encoded': `https://x.example/?t=${encodeURIComponent(secret)}`,
    'URL-encoded, upper-case hex': `t=${encodeURIComponent(secret).replace(/%[0-9a-f]{2}/gi, (h) => h.toUpperCase())}`,
    'JSON-escaped': JSON.stringify({ echo: secret }),
    hex: `0x${Buffer.from(secret).toString('hex')}`,
  };
}

function assertGone(out: string, secret: string, what: string) {
  for (const [form, value] of Object.entries({
    plain: secret,
    base64: Buffer.from(secret).toString('base64').replace(/=+$/, ''),
    base64url: Buffer.from(secret).toString('base64url'),
    url: encodeURIComponent(secret),
    hex: Buffer.from(secret).toString('hex'),
  })) {
    assert.ok(!out.toLowerCase().includes(value.toLowerCase().slice(0, Math.max(8, value.length - 4))), `${what}: ${form} form left in ${JSON.stringify(out)}`);
  }
}

describe('redactSecrets', () => {
  for (const secret of [TOKEN, 'sec ret/with+odd=chars&more', 'd360-key-\u00e9\u00e8-1234']) {
    for (const [form, text] of Object.entries(echoes(secret))) {
      it(`removes ${JSON.stringify(secret).slice(0, 14)}… echoed ${form}`, () => {
        const out = redactSecrets(text, [secret]);
        assert.match(out, /\[redacted\]/);
        assertGone(out, secret, form);
      });
    }
  }

  it('removes a private key whole, JSON-escaped, URL-encoded, and any one line of its body', () => {
    const pem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const line = pem.split('\n')[5];
    for (const text of [pem, JSON.stringify({ key: pem }), encodeURIComponent(pem), `...${line}...`, `key: ${Buffer.from(pem).toString('base64')}`]) {
      const out = redactSecrets(text, [pem]);
      assert.ok(!out.includes(line), `a line of the key is left in ${out.slice(0, 80)}`);
    }
  });

  it('leaves other text alone and ignores values too short to be secrets', () => {
    assert.equal(redactSecrets('nothing to see', [TOKEN]), 'nothing to see');
    assert.equal(redactSecrets('a ab abc', ['ab', '', 'abc']), 'a ab abc');
  });

  it('is what the existing redact() does, so every caller gets every encoding', () => {
    assert.equal(redact(`x ${TOKEN.toLowerCase()} y`, [TOKEN]), 'x [redacted] y');
  });

  it('keeps JSON valid', () => {
    const out = redactor([TOKEN])(JSON.stringify({ a: TOKEN, b: [Buffer.from(TOKEN).toString('base64')] }));
    const parsed = JSON.parse(out);
    assert.equal(parsed.a, '[redacted]');
    // A base64 value keeps at most its last character, which mixes in padding bits.
    assert.match(parsed.b[0], /^\[redacted\].{0,3}$/);
  });
});
