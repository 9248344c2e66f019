import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { toCurl, shellQuote } from '../../../../src/core/http/curl';
import { jsonRequest } from '../../../../src/core/http/types';
import type { Profile } from '../../../../src/core/profile';
import { authDefOf } from '../../../../src/providers/registry';

const curl = (req: Parameters<typeof toCurl>[0], profile: Profile) => toCurl(req, profile, authDefOf(profile.provider, profile.auth)!);

/** Run the command with `curl` replaced by a shell function that prints each argument on its own NUL-terminated line. */
function argsOf(command: string, env: Record<string, string> = {}): string[] {
  const r = spawnSync('sh', ['-c', `curl() { for a in "$@"; do printf '%s\\0' "$a"; done; }\n${command}`], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.split('\0').slice(0, -1);
}

const nasty = { text: `It's $(touch /tmp/pwned) \`id\` "quoted" back\\slash\nnew line $HOME`, to: '{{TO}}' };

describe('send: curl text', () => {
  it('quotes any text so the shell passes it through unchanged', () => {
    for (const s of ['plain', "it's", '$HOME `id` $(x)', 'a\nb', '', "''"]) assert.deepEqual(argsOf(`curl ${shellQuote(s)}`), [s]);
  });

  it('reproduces the exact body, splicing only placeholders and credentials as $VARIABLES', () => {
    const profile: Profile = { name: 'p', provider: 'whatsapp', endpoint: 'https://graph.facebook.com', auth: 'bearer', phoneNumberId: '1' };
    const req = jsonRequest('POST', 'https://graph.facebook.com/v21.0/1/messages', nasty);
    const text = curl(req, profile);
    assert.ok(!text.includes('user-agent'));
    const args = argsOf(text, { TO: '447700900001', WHATSAPP_TOKEN: 'tok' });
    assert.deepEqual(args.slice(0, 3), ['-X', 'POST', 'https://graph.facebook.com/v21.0/1/messages']);
    assert.ok(args.includes('Authorization: Bearer tok'));
    assert.ok(args.includes('content-type: application/json'));
    const body = args[args.indexOf('--data-raw') + 1];
    assert.deepEqual(JSON.parse(body), { ...nasty, to: '447700900001' });
  });

  it('splices a placeholder in the URL too (On-Premises mark as read)', () => {
    const req = jsonRequest('PUT', 'https://waba.360dialog.io/v1/messages/{{MESSAGE_ID}}', { status: 'read' });
    const args = argsOf(curl(req, { name: 'p', provider: 'whatsapp-onprem', endpoint: 'https://waba.360dialog.io/v1', auth: 'd360' }), { MESSAGE_ID: 'gBEGabc' });
    assert.deepEqual(args.slice(0, 3), ['-X', 'PUT', 'https://waba.360dialog.io/v1/messages/gBEGabc']);
  });

  it('uses -u for Basic auth and a header for D360', () => {
    const req = jsonRequest('POST', 'https://api.nexmo.com/v1/messages', {});
    const basic = argsOf(curl(req, { name: 'p', provider: 'vonage', endpoint: 'https://api.nexmo.com', auth: 'basic', apiKey: 'key1' }), { VONAGE_API_SECRET: 's' });
    assert.equal(basic[basic.indexOf('-u') + 1], 'key1:s');
    const d360 = argsOf(curl(req, { name: 'p', provider: 'whatsapp-onprem', endpoint: 'https://waba.360dialog.io/v1', auth: 'd360' }), { D360_API_KEY: 'k' });
    assert.ok(d360.includes('D360-API-KEY: k'));
  });
});
