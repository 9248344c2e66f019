import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { replaceFileIfUnchanged } from '../../../src/core/atomic-write';

describe('replaceFileIfUnchanged', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mwb-atomic-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('replaces the file in one rename, keeping its mode, and leaves no temporary file', () => {
    const f = path.join(dir, 'a.json');
    fs.writeFileSync(f, 'old');
    fs.chmodSync(f, 0o640);
    const inode = fs.statSync(f).ino;
    assert.deepEqual(replaceFileIfUnchanged(f, Buffer.from('new'), Buffer.from('old')), { ok: true });
    assert.equal(fs.readFileSync(f, 'utf8'), 'new');
    assert.equal(fs.statSync(f).mode & 0o777, 0o640);
    assert.notEqual(fs.statSync(f).ino, inode, 'a new file took its place (rename), not a rewrite in place');
    assert.deepEqual(fs.readdirSync(dir), ['a.json']);
  });

  it('does not overwrite a file that changed since it was read', () => {
    const f = path.join(dir, 'a.json');
    fs.writeFileSync(f, 'edited in the editor meanwhile');
    const r = replaceFileIfUnchanged(f, Buffer.from('fixed'), Buffer.from('as read'));
    assert.equal(r.ok, false);
    assert.match((r as { message: string }).message, /changed while it was being fixed/);
    assert.equal(fs.readFileSync(f, 'utf8'), 'edited in the editor meanwhile');
    assert.deepEqual(fs.readdirSync(dir), ['a.json']);
  });

  it('writes through a symbolic link to the file it names', () => {
    const real = path.join(dir, 'real.json');
    const link = path.join(dir, 'link.json');
    fs.writeFileSync(real, 'old');
    fs.symlinkSync(real, link);
    assert.equal(replaceFileIfUnchanged(link, Buffer.from('new'), Buffer.from('old')).ok, true);
    assert.ok(fs.lstatSync(link).isSymbolicLink());
    assert.equal(fs.readFileSync(real, 'utf8'), 'new');
  });

  it('says so, and leaves nothing behind, when the folder is not writable', function () {
    if (process.getuid?.() === 0) this.skip(); // root writes anyway
    const f = path.join(dir, 'a.json');
    fs.writeFileSync(f, 'old');
    fs.chmodSync(dir, 0o500);
    try {
      const r = replaceFileIfUnchanged(f, Buffer.from('new'), Buffer.from('old'));
      assert.equal(r.ok, false);
      assert.match((r as { message: string }).message, /permission denied/);
    } finally {
      fs.chmodSync(dir, 0o700);
    }
    assert.equal(fs.readFileSync(f, 'utf8'), 'old');
  });
});
