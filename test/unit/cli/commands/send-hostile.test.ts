/**
 * A hostile server against `mwb send`: it echoes the credential back in every encoding and sends
 * terminal escape sequences. Nothing secret and no raw control character may reach the output.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { projectRoot } from '../../helpers';

const cli = path.join(projectRoot(), 'dist', 'cli.js');
const ESCAPES = '\u001b[2J\u001b[H\u001b]0;pwned\u0007\u009b31m\rfake prompt$ ';

function mwb(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('close', (code) => resolve({ code, out }));
  });
}

/** Every echo of `secret` a server could send. */
function forms(secret: string): string[] {
  return [
    secret,
    secret.toLowerCase(),
    secret.toUpperCase(),
    Buffer.from(secret).toString('base64'),
    Buffer.from(secret).toString('base64url'),
    encodeURIComponent(secret),
    Buffer.from(`k:${secret}`).toString('base64'),
  ];
}

function leaks(out: string, secret: string): string[] {
  // The stable middle of each form: an echo cut short or padded is a leak too.
  return forms(secret).filter((f) => out.includes(f.slice(2, -2)));
}

describe('mwb send against a server that echoes credentials and escape sequences', function () {
  this.timeout(30000);
  let server: http.Server;
  let url: string;
  let dir: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mwb-hostile-'));
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString();
        const auth = String(req.headers.authorization ?? req.headers['d360-api-key'] ?? '');
        const bodyToken = /"token":"([^"]*)"/.exec(body)?.[1] ?? '';
        const credential = auth.replace(/^(Bearer|Basic) /, '') || bodyToken;
        const decoded = auth.startsWith('Basic ') ? Buffer.from(credential, 'base64').toString() : credential;
        const echo = [...forms(credential), ...forms(decoded)].join(' | ');
        const message = `${ESCAPES}Invalid credential ${echo}`;
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message, type: 'OAuthException', code: 999001, error_data: { details: message } }, title: message, detail: message, type: 'x' }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await new Promise((r) => server.close(r));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const cases: { name: string; file: string; payload: unknown; env: Record<string, string>; secret: string }[] = [
    {
      name: 'WhatsApp bearer token',
      file: 'a.whatsapp.json',
      payload: { messaging_product: 'whatsapp', to: '447700900000', type: 'text', text: { body: 'hi' } },
      env: { WHATSAPP_TOKEN: 'EAAGm0PX4ZCpsBAKZ3x7Qw9LmNoP1q2R', WHATSAPP_PHONE_NUMBER_ID: '100000000000001' },
      secret: 'EAAGm0PX4ZCpsBAKZ3x7Qw9LmNoP1q2R',
    },
    {
      name: 'Vonage Basic secret',
      file: 'a.vonage.json',
      payload: { message_type: 'text', channel: 'sms', to: '447700900000', from: 'Acme', text: 'hi' },
      env: { VONAGE_API_KEY: 'abcd1234', VONAGE_API_SECRET: 'Zq9sEcReTvAlUe77' },
      secret: 'Zq9sEcReTvAlUe77',
    },
    { name: 'gateway token in the body', file: 'a.gateway.json', payload: { phone: '+447700900000', message: 'hi' }, env: { GATEWAY_TOKEN: 'gw-T0ken-5ecret-9912' }, secret: 'gw-T0ken-5ecret-9912' },
  ];
  for (const c of cases) {
    for (const json of [false, true]) {
      it(`${c.name}${json ? ' (--json)' : ''}: no form of the secret and no raw control character in the output`, async () => {
        const f = path.join(dir, c.file);
        fs.writeFileSync(f, JSON.stringify(c.payload));
        const endpoint = c.file.endsWith('.gateway.json') ? `${url}/send` : url;
        const r = await mwb(['send', ...(json ? ['--json'] : []), '--endpoint', endpoint, f], c.env);
        assert.equal(r.code, 1, r.out);
        assert.match(r.out, /Invalid credential/, "the server's message is shown");
        assert.deepEqual(leaks(r.out, c.secret), []);
        assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(r.out.replace(/\r\n/g, '\n')), `raw control character in ${JSON.stringify(r.out)}`);
        assert.match(r.out, /\\u001b\[2J/, 'the escape is shown, not obeyed');
        if (json) assert.doesNotThrow(() => JSON.parse(r.out.slice(0, r.out.lastIndexOf('}') + 1)));
      });
    }
  }
});
