import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { listFiles, projectRoot } from '../helpers';

const root = projectRoot();
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

describe('package.json commands <-> source', () => {
  const registered = new Set<string>();
  for (const f of listFiles(path.join(root, 'src', 'extension'), (x) => x.endsWith('.ts'))) {
    const text = fs.readFileSync(f, 'utf8');
    for (const m of text.matchAll(/registerCommand\(\s*['"`]([\w.]+)['"`]/g)) registered.add(m[1]);
    // registerCommand(SOME_CONSTANT, ...) with `const SOME_CONSTANT = 'messageWorkbench.x'` in the same file
    for (const m of text.matchAll(/registerCommand\(\s*([A-Z][A-Z0-9_]*)\s*,/g)) {
      const decl = new RegExp(`const ${m[1]}\\s*=\\s*['"\`]([\\w.]+)['"\`]`).exec(text);
      if (decl) registered.add(decl[1]);
    }
  }
  const declared = (pkg.contributes.commands as { command: string; category?: string; title: string }[]);

  it('every declared command is registered by the extension, and has our category', () => {
    for (const c of declared) {
      assert.ok(registered.has(c.command), `${c.command} is in package.json but never registered`);
      assert.equal(c.category, 'Message Workbench', `${c.command} has no category`);
      assert.ok(c.command.startsWith('messageWorkbench.'), c.command);
    }
  });

  it('every registered command is declared in package.json', () => {
    const ids = new Set(declared.map((c) => c.command));
    for (const id of registered) assert.ok(ids.has(id), `${id} is registered but not in package.json`);
  });

  it('menus refer only to declared commands', () => {
    const ids = new Set(declared.map((c) => c.command));
    for (const [where, items] of Object.entries(pkg.contributes.menus ?? {})) {
      for (const item of items as { command: string }[]) assert.ok(ids.has(item.command), `${where}: ${item.command}`);
    }
  });
});
