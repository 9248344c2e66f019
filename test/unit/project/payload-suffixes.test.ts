import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PAYLOAD_SUFFIXES } from '../../../src/extension/payload-suffixes';
import { PROVIDERS } from '../../../src/providers/registry';
import { projectRoot } from '../helpers';

describe('payload suffixes: the extension and the providers agree', () => {
  it('the extension knows exactly the suffixes of the registered providers', () => {
    assert.deepEqual([...PAYLOAD_SUFFIXES].sort(), PROVIDERS.map((p) => p.suffix).sort());
  });

  it('package.json activates on a workspace holding any payload file', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot(), 'package.json'), 'utf8'));
    const events = new Set<string>(pkg.activationEvents);
    for (const s of PAYLOAD_SUFFIXES) assert.ok(events.has(`workspaceContains:**/*${s}`), `no activation event for *${s}`);
  });
});
