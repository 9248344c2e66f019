/** Command ids and setting keys are written once (src/extension/ids.ts) and agree with package.json. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { listFiles, projectRoot } from '../helpers';
import { COMMANDS, SECTION, SETTINGS } from '../../../src/extension/ids';

const root = projectRoot();
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const declared = pkg.contributes.commands as { command: string; category?: string; title: string }[];

describe('project: command ids and setting keys', () => {
  it('the commands of ids.ts are exactly those of package.json, each with our category', () => {
    assert.deepEqual(Object.values(COMMANDS).sort(), declared.map((c) => c.command).sort());
    for (const c of declared) assert.equal(c.category, 'Message Workbench', `${c.command} has no category`);
  });

  it('every command of ids.ts is registered by the extension', () => {
    const text = listFiles(path.join(root, 'src', 'extension'), (x) => x.endsWith('.ts'))
      .map((f) => fs.readFileSync(f, 'utf8'))
      .join('\n');
    for (const [name, id] of Object.entries(COMMANDS)) assert.match(text, new RegExp(`registerCommand\\(\\s*COMMANDS\\.${name}\\b`), `${id} is never registered`);
  });

  it('no command id or setting key is written as a literal outside ids.ts', () => {
    const literal = /['"`](messageWorkbench\.[A-Za-z]+)['"`]/g;
    const known = new Set([...Object.values(COMMANDS), ...Object.values(SETTINGS).map((k) => `${SECTION}.${k}`)]);
    for (const f of listFiles(path.join(root, 'src', 'extension'), (x) => x.endsWith('.ts') && !x.endsWith('ids.ts'))) {
      const code = fs.readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
      for (const m of code.matchAll(literal)) assert.ok(!known.has(m[1]), `${path.basename(f)} writes ${m[1]} as a literal`);
    }
  });

  it('the settings of ids.ts are exactly those of package.json, each with a scope', () => {
    const props = pkg.contributes.configuration.properties as Record<string, { scope?: string }>;
    assert.deepEqual(
      Object.values(SETTINGS)
        .map((k) => `${SECTION}.${k}`)
        .sort(),
      Object.keys(props).sort(),
    );
    for (const [k, v] of Object.entries(props)) assert.ok(v.scope, `${k} has no scope`);
  });

  it('menus refer only to declared commands', () => {
    const ids = new Set(declared.map((c) => c.command));
    for (const [where, items] of Object.entries(pkg.contributes.menus ?? {})) {
      for (const item of items as { command: string }[]) assert.ok(ids.has(item.command), `${where}: ${item.command}`);
    }
  });
});
