import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import { closeAllEditors, openPayload, screenshot, uniqueName } from './util';

describe('workbench screenshots (for visual tests)', () => {
  after(closeAllEditors);

  it('screenshot(name) returns a fresh PNG of the workbench', async function () {
    await openPayload(uniqueName('screenshot', '.gateway.json'), '{\n  "phone": "+447700900000",\n  "message": "screenshot"\n}\n');
    const before = Date.now();
    const file = await screenshot('workbench-smoke');
    if (!file) this.skip(); // the desktop launcher cannot take screenshots
    const png = fs.readFileSync(file);
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'should be a PNG');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    assert.ok(width >= 800 && height >= 600, `the whole workbench should be captured, got ${width}x${height}`);
    assert.ok(fs.statSync(file).mtimeMs >= before - 1000, 'the file should be new, not left from an earlier run');
  });
});
