/**
 * The CLI against special files, huge and hostile inputs wherever it reads (payloads, catalogs in any
 * parent folder, settings, key files, env files, stdin): nothing hangs, nothing crashes, every
 * refusal is one sentence naming the file and an exit code of the contract.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { projectRoot } from '../helpers';

const cli = path.join(projectRoot(), 'dist', 'cli.js');
const APP = 'aaaaaaaa-bbbb-cccc-dddd-0123456789ab';

function mwb(args: string[], options: { env?: Record<string, string>; stdin?: string | number; cwd?: string } = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    timeout: 15000,
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', ...options.env },
    stdio: [typeof options.stdin === 'number' ? options.stdin : 'pipe', 'pipe', 'pipe'],
    input: typeof options.stdin === 'string' ? options.stdin : undefined,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, signal: r.signal, out: `${r.stdout}${r.stderr}`, stderr: r.stderr };
}

function assertCalmRefusal(r: ReturnType<typeof mwb>, what: string, says?: RegExp) {
  assert.equal(r.signal, null, `${what}: killed (${r.signal}), it hung`);
  assert.ok(r.code === 1 || r.code === 2, `${what}: exit ${r.code}\n${r.out.slice(0, 500)}`);
  assert.doesNotMatch(r.out, /internal error|\n\s+at .+:\d+:\d+\)?\n|Maximum call stack/, `${what}: ${r.out.slice(0, 500)}`);
  if (says) assert.match(r.out, says, what);
}

describe('special files, huge and hostile inputs', function () {
  this.timeout(120000);
  let dir: string;
  let fifo: string;
  const file = (name: string, content: string | Buffer) => {
    const f = path.join(dir, name);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, content);
    return f;
  };
  const ok = () => file('ok/m.whatsapp.json', JSON.stringify({ messaging_product: 'whatsapp', to: '447700900000', type: 'text', text: { body: 'hi' } }));
  const env = { WHATSAPP_TOKEN: 'EAAGm0PX4ZCpsBAKZ3x7Qw9LmNoP1q2R', WHATSAPP_PHONE_NUMBER_ID: '100000000000001' };

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mwb-special-'));
    fifo = path.join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a payload that is a FIFO, /dev/zero, a directory or 17 MB', () => {
    const huge = file('huge.gateway.json', '');
    fs.truncateSync(huge, 17 * 1024 * 1024);
    for (const target of [fifo, '/dev/zero', dir, huge]) {
      for (const command of [['validate'], ['preview'], ['send', '--dry-run'], ['curl'], ['validate', '--fix']]) {
        assertCalmRefusal(mwb([...command, target], { env }), `${command.join(' ')} ${target}`);
      }
    }
  });

  it('a *.templates.json that is a FIFO, /dev/zero or a directory, in a parent folder', () => {
    const f = ok();
    fs.symlinkSync(fifo, path.join(dir, 'ok', 'a.templates.json'));
    fs.symlinkSync('/dev/zero', path.join(dir, 'b.templates.json'));
    fs.mkdirSync(path.join(dir, 'ok', 'c.templates.json'));
    fs.writeFileSync(path.join(dir, 'package.json'), '{}');
    const r = mwb(['validate', f], { env });
    assert.equal(r.signal, null, 'hung on a catalog');
    assert.equal(r.code, 0, r.out);
    assert.equal(mwb(['send', '--dry-run', f], { env }).code, 0);
    for (const name of ['ok/a.templates.json', 'b.templates.json', 'ok/c.templates.json']) fs.rmSync(path.join(dir, name), { recursive: true });
  });

  it('.vscode/settings.json that is a FIFO, /dev/zero, 5 MB or nested 100,000 deep', () => {
    const f = ok();
    const settings = path.join(dir, 'ok', '.vscode', 'settings.json');
    fs.mkdirSync(path.dirname(settings), { recursive: true });
    const cases: [string, () => void, RegExp][] = [
      ['FIFO', () => fs.symlinkSync(fifo, settings), /named pipe/],
      ['/dev/zero', () => fs.symlinkSync('/dev/zero', settings), /character device/],
      ['5 MB', () => fs.writeFileSync(settings, `{"x": "${'a'.repeat(5 * 1024 * 1024)}"}`), /at most 4\.0 MB/],
      ['deep', () => fs.writeFileSync(settings, `{"messageWorkbench.profiles": ${'['.repeat(100000)}`), /more than 256 levels deep/],
    ];
    for (const [what, make, says] of cases) {
      fs.rmSync(settings, { force: true });
      make();
      assertCalmRefusal(mwb(['send', '--dry-run', '--profile', 'x', f], { env }), `settings ${what}`, says);
    }
    fs.rmSync(settings, { force: true });
  });

  it('a payload nested 100,000 deep and broken, in send and curl', () => {
    for (const text of ['{"a":['.repeat(100000), `${'['.repeat(100000)}1,${']'.repeat(99999)}`]) {
      const f = file('deep.whatsapp.json', text);
      for (const command of ['send', 'curl']) assertCalmRefusal(mwb([command, f], { env }), `${command} deep`, /more than 256 levels deep/);
    }
  });

  it('a private key that is a FIFO, /dev/zero, empty, 1 MB, UTF-16 or 1024 bits; in --private-key and VONAGE_PRIVATE_KEY_PATH', () => {
    const small = file('small.key', generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    const cases: [string, RegExp][] = [
      [fifo, /named pipe/],
      ['/dev/zero', /character device/],
      [file('empty.key', ''), /empty\.key is empty/],
      [file('big.key', 'k'.repeat(1024 * 1024)), /may be at most 64 KB/],
      [file('utf16.key', Buffer.from('-----BEGIN PRIVATE KEY-----\n', 'utf16le')), /UTF-16/],
      [small, /1024-bit RSA key/],
    ];
    const payload = file('v.vonage.json', JSON.stringify({ message_type: 'text', channel: 'sms', to: '447700900000', from: 'Acme', text: 'hi' }));
    for (const [key, says] of cases) {
      assertCalmRefusal(mwb(['jwt', '--application-id', APP, '--private-key', key]), `jwt --private-key ${key}`, says);
      assertCalmRefusal(mwb(['send', '--dry-run', payload], { env: { VONAGE_APPLICATION_ID: APP, VONAGE_PRIVATE_KEY_PATH: key } }), `send with VONAGE_PRIVATE_KEY_PATH=${key}`, says);
    }
  });

  it('stdin that never ends (/dev/zero) for sms -, jwt decode - and --private-key -', () => {
    const zero = fs.openSync('/dev/zero', 'r');
    try {
      assertCalmRefusal(mwb(['sms', '-'], { stdin: zero }), 'sms -', /more than 1 MB/);
      assertCalmRefusal(mwb(['jwt', 'decode', '-'], { stdin: zero }), 'jwt decode -', /more than 64 KB/);
      assertCalmRefusal(mwb(['jwt', '--application-id', APP, '--private-key', '-'], { stdin: zero }), '--private-key -', /more than 64 KB/);
    } finally {
      fs.closeSync(zero);
    }
    assert.equal(mwb(['sms', '-'], { stdin: 'hello' }).code, 0, 'ordinary stdin still works');
  });
});
