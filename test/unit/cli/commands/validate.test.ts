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

describe('mwb validate', function () {
  this.timeout(30000);
  let dir: string;
  const write = (name: string, content: string | Buffer) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, content);
    return f;
  };

  before(() => {
    assert.ok(fs.existsSync(cli), 'dist/cli.js missing: run `npm run build` first');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mwb-validate-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('exits 0 with an empty problem list for a valid file', () => {
    const f = write('ok.gateway.json', '{"phone": "+447700900000", "message": "Hello *world*"}');
    const r = mwb('validate', '--json', f);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), { files: [{ file: f, provider: 'gateway', problems: [] }] });
  });

  it('reports problems with 1-based line and column, a pointer, and exits 1', () => {
    const f = write('bad.gateway.json', '{\n  "phone": "447700900000",\n  "message": ""\n}\n');
    const r = mwb('validate', '--json', f);
    assert.equal(r.code, 1);
    const problems = JSON.parse(r.stdout).files[0].problems;
    const phone = problems.find((p: { code: string }) => p.code === 'phone-format');
    assert.deepEqual({ line: phone.line, column: phone.column, pointer: phone.pointer, severity: phone.severity }, { line: 2, column: 12, pointer: '/phone', severity: 'error' });
    const empty = problems.find((p: { pointer: string }) => p.pointer === '/message');
    assert.equal(empty.line, 3);
    assert.match(empty.message, /must not be empty/);
  });

  it('reports malformed JSON where it is, and keeps checking what it could read', () => {
    const f = write('broken.gateway.json', '{\n  "phone": "447700900000"\n  "message": "hi"\n}');
    const r = mwb('validate', '--json', f);
    assert.equal(r.code, 1);
    const problems = JSON.parse(r.stdout).files[0].problems;
    const syntax = problems.find((p: { code: string }) => p.code === 'json-syntax');
    assert.deepEqual([syntax.line, syntax.column], [3, 3]);
    assert.match(syntax.message, /comma/);
    assert.ok(
      problems.some((p: { code: string }) => p.code === 'phone-format'),
      'lint still ran on what was read',
    );
  });

  it('gives one clear line for a file that does not exist or a directory, exit 2, no stack trace', () => {
    for (const target of [path.join(dir, 'nope.gateway.json'), dir]) {
      const r = mwb('validate', target);
      assert.equal(r.code, 2);
      assert.equal(r.stderr.split('\n').filter((l) => l.startsWith('mwb:')).length, 1, r.stderr);
      assert.doesNotMatch(r.stderr + r.stdout, /\n\s+at /);
    }
  });

  it('reports binary, non-UTF-8 and empty files as problems of the file', () => {
    const cases: [string, string | Buffer, string][] = [
      ['bin.gateway.json', Buffer.from([0x7b, 0x00, 0x01, 0x02]), 'binary-file'],
      ['latin1.gateway.json', Buffer.from('{"phone": "+447700900000", "message": "caf\xe9"}', 'latin1'), 'encoding'],
      ['empty.gateway.json', '', 'empty-file'],
    ];
    for (const [name, content, code] of cases) {
      const r = mwb('validate', '--json', write(name, content));
      assert.equal(r.code, 1, name);
      const problems = JSON.parse(r.stdout).files[0].problems;
      assert.equal(problems.length, 1, name);
      assert.equal(problems[0].code, code, name);
    }
  });

  it('names the suffixes for JSON of no known shape', () => {
    const r = mwb('validate', '--json', write('what.json', '{"hello": "world"}'));
    assert.equal(r.code, 1);
    const p = JSON.parse(r.stdout).files[0].problems[0];
    assert.equal(p.code, 'unknown-provider');
    assert.match(p.message, /\.whatsapp\.json/);
  });

  it('checks a 10 MB file and says what is wrong, without a stack trace', () => {
    const big = JSON.stringify({ phone: '+447700900000', message: 'x'.repeat(10 * 1024 * 1024) });
    const r = mwb('validate', '--json', write('big.gateway.json', big));
    assert.equal(r.code, 1);
    const p = JSON.parse(r.stdout).files[0].problems;
    assert.equal(p.length, 1);
    assert.equal(p[0].pointer, '/message');
    assert.match(p[0].message, /4096/);
  });

  it('refuses JSON nested 100,000 levels deep with one problem, not a stack overflow', () => {
    const f = write('deep.vonage.json', `{"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    const r = mwb('validate', '--json', f);
    assert.equal(r.code, 1, r.stderr);
    const p = JSON.parse(r.stdout).files[0].problems;
    assert.deepEqual(
      p.map((x: { code: string }) => x.code),
      ['too-deep'],
    );
    assert.doesNotMatch(r.stderr, /RangeError|at /);
  });

  it('rejects an unknown --provider and a missing FILE as usage errors', () => {
    assert.equal(mwb('validate', '--provider', 'nope', 'x.json').code, 2);
    assert.equal(mwb('validate').code, 2);
    assert.equal(mwb('frobnicate').code, 2);
  });

  it('checks a template catalog against its schema, with the field at fault', () => {
    const good = write('ok.templates.json', JSON.stringify({ templates: [{ name: 'order_update', language: 'en_US', body: 'Hi {{1}}' }] }));
    assert.equal(mwb('validate', good).code, 0);
    const bad = write('bad.templates.json', JSON.stringify({ templates: [{ name: 'x', body: 'b'.repeat(1025) }] }));
    const r = mwb('validate', '--json', bad);
    assert.equal(r.code, 1);
    const p = JSON.parse(r.stdout).files[0].problems[0];
    assert.equal(p.pointer, '/templates/0/body');
    assert.match(p.message, /1024/);
  });

  it('limits a catalog template to 2 URL buttons and 1 phone button', () => {
    const url = (n: number) => ({ type: 'url', text: `Link ${n}`, url: 'https://example.com' });
    const f = write(
      'buttons.templates.json',
      JSON.stringify({ templates: [{ name: 't', body: 'b', buttons: [url(1), url(2), { type: 'phone_number', text: 'Call', phone_number: '+447700900000' }, url(3)] }] }),
    );
    const r = mwb('validate', '--json', f);
    assert.equal(r.code, 1);
    const p = JSON.parse(r.stdout).files[0].problems;
    assert.equal(p.length, 1);
    assert.equal(p[0].pointer, '/templates/0/buttons/3/type');
    assert.match(p[0].message, /at most 2 URL buttons/);
  });

  it('--provider overrides the file name', () => {
    const f = write('any.json', '{"phone": "+447700900000", "message": "hi"}');
    const r = mwb('validate', '--json', '--provider', 'gateway', f);
    assert.equal(r.code, 0);
    assert.equal(JSON.parse(r.stdout).files[0].provider, 'gateway');
  });

  describe('--fix', () => {
    // Each test writes its files with its own prefix, so the folder shows what each one left behind.
    const left = (prefix: string) =>
      fs
        .readdirSync(dir)
        .filter((f) => f.startsWith(prefix) || f.startsWith(`.${prefix}`))
        .sort();

    it("writes the fixed number in each provider's form, prints what it changed, exits 0 when nothing is left", () => {
      const files = [
        write('fx1-a.vonage.json', '{\n  "message_type": "text",\n  "channel": "sms",\n  "to": "+44 (0)7700 900000",\n  "from": "Acme",\n  "text": "hi"\n}\n'),
        write('fx1-b.whatsapp.json', '{"messaging_product": "whatsapp", "to": "0044 7700 900000", "type": "text", "text": {"body": "hi"}}'),
        write('fx1-c.gateway.json', '{"phone": "+44 (0)7700 900000", "message": "hi"}'),
      ];
      const r = mwb('validate', '--fix', ...files);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.equal(JSON.parse(fs.readFileSync(files[0], 'utf8')).to, '447700900000');
      assert.equal(JSON.parse(fs.readFileSync(files[1], 'utf8')).to, '447700900000');
      assert.equal(JSON.parse(fs.readFileSync(files[2], 'utf8')).phone, '+447700900000');
      assert.match(r.stdout, /fx1-a\.vonage\.json:4:9: fixed: Write the number as 447700900000 \[phone-format\]/);
      assert.match(r.stderr, /3 files checked, 3 fixes applied: 0 error\(s\)/);
      assert.deepEqual(left('fx1-'), ['fx1-a.vonage.json', 'fx1-b.whatsapp.json', 'fx1-c.gateway.json'], 'no temporary files left');
    });

    it('with --json lists the fixes per file and the problems left; exit 1 for errors left', () => {
      const f = write('fx2-a.gateway.json', '{"phone": "0044 7700 900000", "message": "hi", "buttons": "x"}');
      const r = mwb('validate', '--fix', '--json', f);
      assert.equal(r.code, 1);
      const out = JSON.parse(r.stdout).files[0];
      assert.deepEqual(out.fixed, [{ code: 'phone-format', title: 'Write the number as +447700900000', line: 1, column: 11 }]);
      assert.ok(out.problems.length > 0 && out.problems.every((p: { code: string }) => p.code !== 'phone-format'));
      assert.equal(JSON.parse(fs.readFileSync(f, 'utf8')).phone, '+447700900000');
    });

    it('leaves a file with nothing certain to fix untouched (not even rewritten)', () => {
      const f = write('fx3-a.gateway.json', '{"phone": "07700 900000", "message": "hi"}');
      const before = fs.statSync(f);
      const r = mwb('validate', '--fix', f);
      assert.equal(r.code, 1);
      assert.equal(fs.readFileSync(f, 'utf8'), '{"phone": "07700 900000", "message": "hi"}');
      assert.equal(fs.statSync(f).ino, before.ino);
      assert.doesNotMatch(r.stdout, /fixed:/);
      assert.match(r.stdout, /starts with 0/);
    });

    it('keeps a UTF-8 byte-order mark and CRLF line ends', () => {
      const f = write('fx4-a.gateway.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{\r\n  "phone": "+44 7700 900000",\r\n  "message": "hi"\r\n}\r\n')]));
      assert.equal(mwb('validate', '--fix', f).code, 0);
      assert.deepEqual(fs.readFileSync(f), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{\r\n  "phone": "+447700900000",\r\n  "message": "hi"\r\n}\r\n')]));
    });

    it('without --fix changes nothing', () => {
      const f = write('fx5-a.gateway.json', '{"phone": "+44 7700 900000", "message": "hi"}');
      assert.equal(mwb('validate', f).code, 1);
      assert.equal(fs.readFileSync(f, 'utf8'), '{"phone": "+44 7700 900000", "message": "hi"}');
    });
  });
});
