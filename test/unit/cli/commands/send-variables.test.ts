/** Where `mwb send` and `mwb curl` take placeholder values from, and that no credential is ever one. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { projectRoot } from '../../helpers';

const cli = path.join(projectRoot(), 'dist', 'cli.js');
const TOKEN = 'EAAGm0PX4ZCpsBAKZ3x7Qw9LmNoP1q2R';

function mwb(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, all: r.stdout + r.stderr };
}

describe('mwb send / curl placeholder values', function () {
  this.timeout(30000);
  let dir: string;
  const write = (name: string, content: string) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, content);
    return f;
  };
  const base = { WHATSAPP_TOKEN: TOKEN, WHATSAPP_PHONE_NUMBER_ID: '100000000000001' };
  const payload = (body: string) => write('m.whatsapp.json', JSON.stringify({ messaging_product: 'whatsapp', to: '{{TO_NUMBER}}', type: 'text', text: { body } }));
  const sentBody = (stdout: string) => JSON.parse(stdout).request.body;

  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mwb-vars-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('fills from --var, then --vars-file, then MWB_VAR_*; never from other environment variables', () => {
    const f = payload('Hi {{NAME}} from {{CITY}}');
    const varsFile = write('demo.env', 'NAME=Env File\nCITY=Leeds\n');
    const r = mwb(['send', '--dry-run', '--json', '--var', 'NAME=Ann', '--vars-file', varsFile, f], { ...base, MWB_VAR_TO_NUMBER: '447700900001', MWB_VAR_CITY: 'York', NAME: 'plain env' });
    assert.equal(r.code, 0, r.all);
    assert.deepEqual(sentBody(r.stdout), { messaging_product: 'whatsapp', to: '447700900001', type: 'text', text: { body: 'Hi Ann from Leeds' } });

    const plain = mwb(['send', '--dry-run', f], { ...base, TO_NUMBER: '447700900001', NAME: 'Ann', CITY: 'York' });
    assert.equal(plain.code, 1);
    assert.match(plain.stderr, /unresolved placeholders \{\{TO_NUMBER\}\}.*--var TO_NUMBER=VALUE.*MWB_VAR_TO_NUMBER/s);
  });

  it('refuses a placeholder naming a credential: exit 1, nothing sent, the secret nowhere in the output', () => {
    for (const name of ['WHATSAPP_TOKEN', 'VONAGE_PRIVATE_KEY', 'AWS_SECRET_ACCESS_KEY']) {
      const f = payload(`Your key is {{${name}}}`);
      const env = {
        ...base,
        MWB_VAR_TO_NUMBER: '447700900001',
        VONAGE_PRIVATE_KEY: 'not-a-key-but-secret-1',
        AWS_SECRET_ACCESS_KEY: 'aws-secret-value-123',
        [`MWB_VAR_${name}`]: 'declared-anyway-999',
      };
      for (const args of [
        ['send', '--dry-run', f],
        ['send', '--json', '--endpoint', 'http://127.0.0.1:9', f],
        ['curl', f],
        ['validate', f],
      ]) {
        const r = mwb(args, env);
        assert.equal(r.code, 1, `${name} ${args[0]}: ${r.all}`);
        assert.match(r.all, /names a credential/, `${name} ${args.join(' ')}`);
        for (const secret of [TOKEN, 'not-a-key-but-secret-1', 'aws-secret-value-123', 'declared-anyway-999']) assert.ok(!r.all.includes(secret), `${secret} in ${args.join(' ')}`);
      }
      assert.equal(mwb(['send', '--dry-run', '--var', `${name}=x`, f], env).code, 2, '--var with a credential name is a usage error');
    }
  });

  it('curl fills declared values and leaves the others as $NAME', () => {
    const f = payload('Hi {{NAME}}');
    const r = mwb(['curl', '--var', 'TO_NUMBER=447700900001', f], base);
    assert.equal(r.code, 0, r.all);
    assert.match(r.stdout, /447700900001/);
    assert.match(r.stdout, /\$NAME/);
  });

  it('a vars file must be a regular file of reasonable size', () => {
    const f = payload('Hi');
    const r = mwb(['send', '--dry-run', '--var', 'TO_NUMBER=447700900001', '--vars-file', '/dev/zero', f], base);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /\/dev\/zero: is a character device; a vars file must be a regular file/);
  });
});
