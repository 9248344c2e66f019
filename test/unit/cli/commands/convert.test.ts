import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { projectRoot } from '../../helpers';

const root = projectRoot();
const cli = path.join(root, 'dist', 'cli.js');
const mwb = (...args: string[]) => {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: root });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('mwb convert', function () {
  this.timeout(30000);
  let dir: string;
  before(() => {
    assert.ok(fs.existsSync(cli), 'dist/cli.js missing: run `npm run build` first');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mwb-convert-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the Cloud payload on stdout, the notes on stderr, exit 0', () => {
    const r = mwb('convert', '--to', 'whatsapp', 'examples/whatsapp-onprem/template.whatsapp-onprem.json');
    assert.equal(r.code, 0, r.stderr);
    const payload = JSON.parse(r.stdout);
    assert.equal(payload.messaging_product, 'whatsapp');
    assert.equal(payload.template.namespace, undefined);
    assert.match(r.stderr, /note: Dropped `namespace`/);
  });

  it('--json: file, from, to, output, payload, notes and problems', () => {
    const r = mwb('convert', '--json', 'examples/vonage-legacy/template-default-params.vonage-legacy.json');
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(json), ['file', 'from', 'to', 'output', 'payload', 'notes', 'problems']);
    assert.equal(json.from, 'vonage-legacy');
    assert.equal(json.to, 'vonage');
    assert.equal(json.output, null);
    assert.deepEqual(json.payload.template.parameters, ['Nexmo Verification', '64873', '10']);
    assert.equal(json.notes.length, 1);
  });

  it('--write puts the new file beside the source with the new suffix, and will not replace it without --force', () => {
    const src = path.join(dir, 'hello.whatsapp-onprem.json');
    fs.copyFileSync(path.join(root, 'examples/whatsapp-onprem/text.whatsapp-onprem.json'), src);
    const r = mwb('convert', '--write', src);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    const written = path.join(dir, 'hello.whatsapp.json');
    assert.equal(JSON.parse(fs.readFileSync(written, 'utf8')).messaging_product, 'whatsapp');
    assert.equal(mwb('validate', written).code, 0);
    assert.equal(mwb('convert', '--write', src).code, 2);
    assert.equal(mwb('convert', '--write', '--force', src).code, 0);
  });

  it('--out FILE writes there', () => {
    const out = path.join(dir, 'sms.vonage.json');
    const r = mwb('convert', '--out', out, 'examples/vonage-legacy/sms-text.vonage-legacy.json');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(fs.readFileSync(out, 'utf8')).channel, 'sms');
  });

  it('exit 1 when the new payload has errors (they are listed), or the file is not a convertible payload', () => {
    const src = path.join(dir, 'long.vonage-legacy.json');
    // A legacy Messenger text may be 1000 characters; v1 Messenger allows 640.
    fs.writeFileSync(src, JSON.stringify({ from: { type: 'messenger', id: '1' }, to: { type: 'messenger', id: '2' }, message: { content: { type: 'text', text: 'x'.repeat(700) } } }));
    const r = mwb('convert', src);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /error: .*640/);
    assert.equal(mwb('convert', 'examples/whatsapp/text.whatsapp.json').code, 1);
  });

  it('exit 2 for usage: no file, two outputs, an unknown or wrong target, a missing file', () => {
    assert.equal(mwb('convert').code, 2);
    assert.equal(mwb('convert', '--write', '--out', 'x.json', 'examples/whatsapp-onprem/text.whatsapp-onprem.json').code, 2);
    assert.equal(mwb('convert', '--to', 'sms', 'examples/whatsapp-onprem/text.whatsapp-onprem.json').code, 2);
    assert.equal(mwb('convert', '--to', 'vonage', 'examples/whatsapp-onprem/text.whatsapp-onprem.json').code, 2);
    assert.equal(mwb('convert', path.join(dir, 'none.json')).code, 2);
  });
});
