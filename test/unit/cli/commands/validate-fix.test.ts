import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { projectRoot } from '../../helpers';

const cli = path.join(projectRoot(), 'dist', 'cli.js');

function mwb(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('mwb validate --fix', function () {
  this.timeout(30000);
  let dir: string;
  const write = (name: string, content: string | Buffer) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, content);
    return f;
  };
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mwb-fix-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the fixed number in each provider\'s form, prints what it changed, exits 0 when nothing is left', () => {
    const files = [
      write('a.vonage.json', '{\n  "message_type": "text",\n  "channel": "sms",\n  "to": "+44 (0)7700 900000",\n  "from": "Acme",\n  "text": "hi"\n}\n'),
      write('b.whatsapp.json', '{"messaging_product": "whatsapp", "to": "0044 7700 900000", "type": "text", "text": {"body": "hi"}}'),
      write('c.gateway.json', '{"phone": "+44 (0)7700 900000", "message": "hi"}'),
    ];
    const r = mwb('validate', '--fix', ...files);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(JSON.parse(fs.readFileSync(files[0], 'utf8')).to, '447700900000');
    assert.equal(JSON.parse(fs.readFileSync(files[1], 'utf8')).to, '447700900000');
    assert.equal(JSON.parse(fs.readFileSync(files[2], 'utf8')).phone, '+447700900000');
    assert.match(r.stdout, /a\.vonage\.json:4:9: fixed: Write the number as 447700900000 \[phone-format\]/);
    assert.match(r.stderr, /3 files checked, 3 fixes applied: 0 error\(s\)/);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['a.vonage.json', 'b.whatsapp.json', 'c.gateway.json'], 'no temporary files left');
  });

  it('with --json lists the fixes per file and the problems left; exit 1 for errors left', () => {
    const f = write('a.gateway.json', '{"phone": "0044 7700 900000", "message": "hi", "buttons": "x"}');
    const r = mwb('validate', '--fix', '--json', f);
    assert.equal(r.code, 1);
    const out = JSON.parse(r.stdout).files[0];
    assert.deepEqual(out.fixed, [{ code: 'phone-format', title: 'Write the number as +447700900000', line: 1, column: 11 }]);
    assert.ok(out.problems.length > 0 && out.problems.every((p: { code: string }) => p.code !== 'phone-format'));
    assert.equal(JSON.parse(fs.readFileSync(f, 'utf8')).phone, '+447700900000');
  });

  it('leaves a file with nothing certain to fix untouched (not even rewritten)', () => {
    const f = write('a.gateway.json', '{"phone": "07700 900000", "message": "hi"}');
    const before = fs.statSync(f);
    const r = mwb('validate', '--fix', f);
    assert.equal(r.code, 1);
    assert.equal(fs.readFileSync(f, 'utf8'), '{"phone": "07700 900000", "message": "hi"}');
    assert.equal(fs.statSync(f).ino, before.ino);
    assert.doesNotMatch(r.stdout, /fixed:/);
    assert.match(r.stdout, /starts with 0/);
  });

  it('keeps a UTF-8 byte-order mark and CRLF line ends', () => {
    const f = write('a.gateway.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{\r\n  "phone": "+44 7700 900000",\r\n  "message": "hi"\r\n}\r\n')]));
    assert.equal(mwb('validate', '--fix', f).code, 0);
    assert.deepEqual(fs.readFileSync(f), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{\r\n  "phone": "+447700900000",\r\n  "message": "hi"\r\n}\r\n')]));
  });

  it('without --fix changes nothing', () => {
    const f = write('a.gateway.json', '{"phone": "+44 7700 900000", "message": "hi"}');
    assert.equal(mwb('validate', f).code, 1);
    assert.equal(fs.readFileSync(f, 'utf8'), '{"phone": "+44 7700 900000", "message": "hi"}');
  });
});
