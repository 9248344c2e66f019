import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decodePayload, readPayloadFile, readRegularFile, readTextFile } from '../../../src/core/read-file';

describe('reading files', function () {
  this.timeout(10000);
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mwb-read-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses a FIFO without waiting for a writer, and a character device without reading it', () => {
    const fifo = path.join(dir, 'pipe.templates.json');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    const r = readRegularFile(fifo, 1024, 'a template catalog');
    assert.equal(r.ok, false);
    assert.match((r as { message: string }).message, /is a named pipe \(FIFO\); a template catalog must be a regular file/);
    assert.ok(Date.now() - started < 1000);
    const z = readTextFile('/dev/zero', 1024, 'a settings file');
    assert.deepEqual(z, { ok: false, message: '/dev/zero: is a character device; a settings file must be a regular file.' });
  });

  it('refuses a file over its cap without reading it', () => {
    const big = path.join(dir, 'big.json');
    fs.writeFileSync(big, 'x'.repeat(5000));
    const r = readRegularFile(big, 4096, 'a private key file');
    assert.equal(r.ok, false);
    assert.match((r as { message: string }).message, /is 5 KB; a private key file may be at most 4 KB/);
    const payload = path.join(dir, 'huge.gateway.json');
    fs.closeSync(fs.openSync(payload, 'w'));
    fs.truncateSync(payload, 17 * 1024 * 1024);
    const p = readPayloadFile(payload);
    assert.equal(p.ok, false);
    assert.equal((p as { code: string }).code, 'too-large');
  });

  it('names UTF-16 and UTF-32, with or without a byte-order mark, instead of calling them binary', () => {
    const text = '{"phone": "+447700900000"}';
    const cases: [Buffer, string][] = [
      [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'UTF-16 LE'],
      [Buffer.from(text, 'utf16le'), 'UTF-16 LE'],
      [Buffer.from(text, 'utf16le').swap16(), 'UTF-16 BE'],
      [Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]), 'UTF-16 BE'],
    ];
    for (const [bytes, name] of cases) {
      const r = decodePayload(bytes);
      assert.equal(r.ok, false);
      assert.equal((r as { code: string }).code, 'encoding', name);
      assert.match((r as { message: string }).message, new RegExp(`saved as ${name}.*Save it as UTF-8`), name);
    }
    assert.equal((decodePayload(Buffer.from([0x7b, 0x00, 0x01, 0x02])) as { code: string }).code, 'binary-file');
  });
});
