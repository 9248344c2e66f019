import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as jsonwebtoken from 'jsonwebtoken';
import { projectRoot } from '../../helpers';
import { APP_ID, testKeys } from '../../core/auth/test-keys';
import { json, raw, recordingServer, type RecordingServer } from '../../core/http/recording-server';

const cli = path.join(projectRoot(), 'dist', 'cli.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Every run's output, checked at the end for secrets. */
const outputs: { args: string[]; run: Run }[] = [];

const SECRETS = {
  VONAGE_API_SECRET: 'apisecret-5f3c9e',
  WHATSAPP_TOKEN: 'EAAwhatsapptoken7d2a91',
  D360_API_KEY: 'd360key-1b8e44',
  GATEWAY_TOKEN: 'gwtoken-90af12',
};

function mwb(args: string[], env: Record<string, string> = {}, input?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    if (input !== undefined) child.stdin.end(input);
    child.on('close', (code) => {
      const run = { code, stdout, stderr };
      outputs.push({ args, run });
      resolve(run);
    });
  });
}

describe('mwb jwt / send / curl', function () {
  this.timeout(30000);
  let dir: string;
  let server: RecordingServer | undefined;
  let keyFile: string;
  let env: Record<string, string>;
  const write = (name: string, content: string) => {
    const f = path.join(dir, name);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, content);
    return f;
  };
  const payload = () => write('hello.vonage.json', JSON.stringify({ message_type: 'text', channel: 'whatsapp', to: '{{TO_NUMBER}}', from: '447700900000', text: "It's {{NAME}}'s code" }, null, 2));

  before(() => {
    assert.ok(fs.existsSync(cli), 'dist/cli.js missing: run `npm run build` first');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mwb-send-'));
    keyFile = write('private.key', testKeys().pkcs8);
    env = { VONAGE_APPLICATION_ID: APP_ID, VONAGE_PRIVATE_KEY: testKeys().pkcs8, ...SECRETS, MWB_VAR_TO_NUMBER: '447700900001', MWB_VAR_NAME: 'Ann' };
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    // The promise: no secret value appears in any output of any run above.
    const secretValues = [
      ...Object.values(SECRETS),
      ...testKeys()
        .pkcs8.split('\n')
        .filter((l) => l.length > 40),
    ];
    for (const { args, run } of outputs) {
      for (const s of secretValues) {
        assert.ok(!run.stdout.includes(s) && !run.stderr.includes(s), `a secret leaked in the output of mwb ${args.join(' ')}`);
      }
    }
    assert.ok(outputs.length >= 10);
  });

  it('mwb jwt prints a token that verifies, with ttl and sub', async () => {
    const r = await mwb(['jwt', '--application-id', APP_ID, '--private-key', keyFile, '--ttl', '60', '--sub', 'bob', '--acl', '{"paths":{"/*/users/**":{}}}']);
    assert.equal(r.code, 0, r.stderr);
    const claims = jsonwebtoken.verify(r.stdout.trim(), testKeys().publicKey, { algorithms: ['RS256'] }) as jsonwebtoken.JwtPayload;
    assert.equal(claims.application_id, APP_ID);
    assert.equal(claims.exp! - claims.iat!, 60);
    assert.equal(claims.sub, 'bob');
    assert.deepEqual(claims.acl, { paths: { '/*/users/**': {} } });
    outputs.pop(); // this output is a credential by design
  });

  it('mwb jwt refuses bad input with a sentence, exit 1 or 2, and never prints the key', async () => {
    const tooLong = await mwb(['jwt', '--application-id', APP_ID, '--private-key', keyFile, '--ttl', '86401']);
    assert.equal(tooLong.code, 1);
    assert.match(tooLong.stderr, /over 24 hours/);
    const missing = await mwb(['jwt', '--application-id', APP_ID, '--private-key', path.join(dir, 'nope.key')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such file/);
    const encrypted = await mwb(['jwt', '--application-id', APP_ID, '--private-key', write('enc.key', testKeys().encrypted)]);
    assert.equal(encrypted.code, 1);
    assert.match(encrypted.stderr, /passphrase/);
    const noArgs = await mwb(['jwt']);
    assert.equal(noArgs.code, 2);
  });

  it('mwb jwt decode --json gives header, claims and validity in words', async () => {
    const token = (await mwb(['jwt', '--application-id', APP_ID, '--private-key', keyFile])).stdout.trim();
    outputs.pop();
    const r = await mwb(['jwt', 'decode', '--json', token]);
    assert.equal(r.code, 0, r.stderr);
    const d = JSON.parse(r.stdout);
    assert.equal(d.header.alg, 'RS256');
    assert.equal(d.claims.application_id, APP_ID);
    assert.match(d.validity, /^expires in 15 minutes/);
    assert.equal(d.verified, false);
    const text = await mwb(['jwt', 'decode', token]);
    assert.match(text.stdout, /not verified/);
    outputs.splice(-2, 2); // they echo the token's claims, which is the point
    const bad = await mwb(['jwt', 'decode', 'garbage']);
    assert.equal(bad.code, 1);
  });

  it('mwb send --json sends, fills placeholders from MWB_VAR_ variables, prints the contract shape', async () => {
    server = await recordingServer(json(202, { message_uuid: '11111111-2222-4333-8444-555555555555' }));
    const r = await mwb(['send', '--json', '--endpoint', server.url, payload()], env);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(out).sort(), ['attempts', 'durationMs', 'messageId', 'ok', 'outcome', 'problem', 'status']);
    assert.equal(out.ok, true);
    assert.equal(out.outcome, 'sent');
    assert.equal(out.status, 202);
    assert.equal(out.messageId, '11111111-2222-4333-8444-555555555555');
    assert.equal(out.attempts, 1);
    assert.equal(out.problem, null);
    const req = server.requests[0];
    assert.equal(req.path, '/v1/messages');
    assert.deepEqual(JSON.parse(req.body), { message_type: 'text', channel: 'whatsapp', to: '447700900001', from: '447700900000', text: "It's Ann's code" });
    assert.doesNotThrow(() => jsonwebtoken.verify(String(req.headers.authorization).slice(7), testKeys().publicKey, { algorithms: ['RS256'] }));
  });

  it('mwb send explains a 422 and exits 1', async () => {
    server = await recordingServer(
      raw(
        422,
        'application/problem+json',
        JSON.stringify({
          type: 'https://developer.vonage.com/api-errors/messages#1150',
          title: 'Invalid params',
          detail: `The value of one or more parameters is invalid (${SECRETS.VONAGE_API_SECRET}).`,
          instance: 'abc',
          invalid_parameters: [{ name: 'to', reason: 'Invalid value' }],
        }),
      ),
    );
    const r = await mwb(['send', '--endpoint', server.url, payload()], env);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /HTTP 422: Invalid params/);
    assert.match(r.stderr, /- to: Invalid value/);
    assert.match(r.stderr, /\[redacted\]/);
    assert.equal(server.requests.length, 1);
  });

  it('mwb send refuses unresolved placeholders (exit 1) and a missing file (exit 2)', async () => {
    const { MWB_VAR_TO_NUMBER: _omit, ...noTo } = env;
    const r = await mwb(['send', '--json', '--endpoint', 'http://127.0.0.1:9', payload()], noTo);
    assert.equal(r.code, 1);
    assert.match(JSON.parse(r.stdout).problem, /\{\{TO_NUMBER\}\}/);
    const missing = await mwb(['send', path.join(dir, 'absent.vonage.json')], env);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such file/);
  });

  it('mwb send --dry-run shows the request with credentials redacted and sends nothing', async () => {
    server = await recordingServer(json(202, {}));
    const r = await mwb(['send', '--dry-run', '--endpoint', server.url, write('gw.gateway.json', '{"phone": "+447700900001", "message": "Hi"}')], env);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`^POST ${server.url}\\n`));
    assert.match(r.stdout, /"token": "\[redacted\]"/);
    assert.equal(server.requests.length, 0);
    const jwtDry = await mwb(['send', '--dry-run', '--endpoint', server.url, payload()], env);
    assert.match(jwtDry.stdout, /authorization: Bearer \[redacted\]/);
    assert.ok(!/eyJ/.test(jwtDry.stdout), 'no JWT in a dry run');
  });

  it('mwb send --profile reads the workspace settings (JSONC) and ignores secrets written there', async () => {
    server = await recordingServer(json(200, { messages: [{ id: 'wamid.1' }] }));
    write(
      '.vscode/settings.json',
      `{
      // profiles for this workspace
      "messageWorkbench.profiles": [
        { "name": "local 360", "provider": "whatsapp", "endpoint": "${server.url}/360", "auth": "d360", "token": "ignored-secret" },
      ],
    }`,
    );
    const f = write('msgs/hi.whatsapp.json', JSON.stringify({ messaging_product: 'whatsapp', recipient_type: 'individual', to: '447700900001', type: 'text', text: { body: 'Hi' } }));
    const r = await mwb(['send', '--json', '--profile', 'local 360', f], env);
    assert.equal(r.code, 0, r.stderr + r.stdout);
    assert.equal(JSON.parse(r.stdout).messageId, 'wamid.1');
    assert.equal(server.requests[0].headers['d360-api-key'], SECRETS.D360_API_KEY);
    const unknown = await mwb(['send', '--profile', 'nope', f], env);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /No profile "nope".*"local 360"/);
  });

  it('mwb curl prints a runnable, shell-quoted command with $VARIABLES for secrets and placeholders', async () => {
    server = await recordingServer(json(202, { message_uuid: 'c' }));
    const { MWB_VAR_TO_NUMBER: _to, MWB_VAR_NAME: _name, ...undeclared } = env;
    const r = await mwb(['curl', '--endpoint', server.url, payload()], undeclared);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, new RegExp(String.raw`^# A fresh JWT .*VONAGE_JWT=\$\(mwb jwt --application-id ${APP_ID} --private-key "\$VONAGE_PRIVATE_KEY_PATH"\)`, 'm'));
    assert.match(r.stdout, /-H "Authorization: Bearer \$VONAGE_JWT"/);
    assert.match(r.stdout, /"\$TO_NUMBER"/);
    // Run it: the shell must reproduce the exact request `mwb send` sends.
    if (spawnSync('curl', ['--version']).status !== 0) return;
    const jwt = 'eyJhbGciOiJub25lIn0.e30.';
    const sh = await new Promise<number | null>((resolve) =>
      spawn('sh', ['-c', r.stdout], { stdio: 'ignore', env: { PATH: process.env.PATH, VONAGE_JWT: jwt, TO_NUMBER: '447700900001', NAME: 'Ann' } }).on('close', resolve),
    );
    assert.equal(sh, 0);
    assert.equal(server.requests[0].method, 'POST');
    assert.equal(server.requests[0].path, '/v1/messages');
    assert.equal(server.requests[0].headers.authorization, `Bearer ${jwt}`);
    assert.equal(server.requests[0].headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(server.requests[0].body), { message_type: 'text', channel: 'whatsapp', to: '447700900001', from: '447700900000', text: "It's Ann's code" });
  });

  it('mwb curl for the gateway splices the token into the body as $GATEWAY_TOKEN', async () => {
    const r = await mwb(['curl', '--endpoint', 'https://gw.example.com/api/send', write('g.gateway.json', '{"phone": "+447700900001", "message": "Hi"}')], env);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /--data-raw '\{"token":"'"\$GATEWAY_TOKEN"'","phone":"\+447700900001","message":"Hi"\}'/);
  });
});
