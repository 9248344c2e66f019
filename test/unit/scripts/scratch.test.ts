// `npm start` opens a copy of examples/: the clone is never edited, and what the user edited is kept.
// (test/launcher/start-check.js runs the real thing: it edits and saves in the workbench and compares git status.)
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// Plain CommonJS launcher code (no build step): load it from the checkout at run time.

const scratch = require(path.join(process.cwd(), 'scripts', 'code-server', 'scratch.js')) as {
  scratchDir(root: string, base?: string): string;
  copyMissing(src: string, dest: string): number;
  scratchExamples(root: string, base?: string): string;
};

describe('npm start: a scratch copy of examples/', () => {
  let tmp: string;
  beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mwb-scratch-test-'))));
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  function clone(): string {
    const root = path.join(tmp, 'clone');
    fs.mkdirSync(path.join(root, 'examples', 'whatsapp'), { recursive: true });
    fs.writeFileSync(path.join(root, 'examples', 'whatsapp', 'text.whatsapp.json'), '{"type": "text"}\n');
    fs.writeFileSync(path.join(root, 'examples', 'templates.templates.json'), '[]\n');
    return root;
  }

  it('lies outside the clone, one per clone', () => {
    const a = scratch.scratchDir('/x/clone-a', tmp);
    assert.ok(path.relative('/x/clone-a', a).startsWith('..'), a);
    assert.notEqual(a, scratch.scratchDir('/x/clone-b', tmp));
    assert.equal(a, scratch.scratchDir('/x/clone-a/', tmp));
    assert.equal(path.basename(a), 'examples');
  });

  it("copies every example, keeps the user's edits on the next start, adds new examples, and never writes the clone", () => {
    const root = clone();
    const before = fs.readFileSync(path.join(root, 'examples', 'whatsapp', 'text.whatsapp.json'), 'utf8');
    const dest = scratch.scratchExamples(root, tmp);
    assert.ok(!dest.startsWith(root + path.sep));
    const copied = path.join(dest, 'whatsapp', 'text.whatsapp.json');
    assert.equal(fs.readFileSync(copied, 'utf8'), before);
    assert.ok(fs.existsSync(path.join(dest, 'templates.templates.json')));

    fs.writeFileSync(copied, '{"type": "text", "edited": true}\n'); // what web VS Code's autosave does
    fs.writeFileSync(path.join(root, 'examples', 'whatsapp', 'image.whatsapp.json'), '{"type": "image"}\n'); // a pull brings a new example
    assert.equal(scratch.scratchExamples(root, tmp), dest);
    assert.equal(fs.readFileSync(copied, 'utf8'), '{"type": "text", "edited": true}\n');
    assert.ok(fs.existsSync(path.join(dest, 'whatsapp', 'image.whatsapp.json')));
    assert.equal(fs.readFileSync(path.join(root, 'examples', 'whatsapp', 'text.whatsapp.json'), 'utf8'), before);
  });
});
