import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const loader = path.resolve(__dirname, '../../../src/cli/code-cache.js');

/** Loads `file` with the code cache in a fresh process, as `mwb` does, and returns what it printed. */
function load(file: string, cacheDir: string): string {
  const script = `const m = require(${JSON.stringify(loader)}).requireWithCodeCache(${JSON.stringify(file)}); process.stdout.write(String(m.answer()));`;
  return execFileSync(process.execPath, ['-e', script], { env: { ...process.env, MWB_CACHE_DIR: cacheDir }, encoding: 'utf8' });
}

describe('cli: V8 code cache for command bundles', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mwb-code-cache-'));
  const cacheDir = path.join(dir, 'cache');
  const file = path.join(dir, 'command.js');
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes a cache after the first run and gives the same answer from it', () => {
    fs.writeFileSync(file, 'exports.answer = () => 6 * 7;\n');
    assert.equal(load(file, cacheDir), '42');
    const caches = fs.readdirSync(cacheDir);
    assert.equal(caches.length, 1);
    assert.match(caches[0], /^command-\d+-\d+-v\d+/);
    assert.equal(load(file, cacheDir), '42');
  });

  it('a rebuilt bundle gets a new cache (the old one is removed), never the old code', () => {
    fs.writeFileSync(file, 'exports.answer = () => "rebuilt";\n');
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(file, later, later);
    assert.equal(load(file, cacheDir), 'rebuilt');
    assert.equal(fs.readdirSync(cacheDir).length, 1);
  });

  it('a damaged cache is ignored and replaced', () => {
    const [cache] = fs.readdirSync(cacheDir);
    fs.writeFileSync(path.join(cacheDir, cache), 'not a V8 cache');
    assert.equal(load(file, cacheDir), 'rebuilt');
    assert.notEqual(fs.readFileSync(path.join(cacheDir, cache), 'utf8'), 'not a V8 cache');
  });
});
