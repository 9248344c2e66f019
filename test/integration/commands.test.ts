import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, packageJson } from './util';

const PREFIX = 'messageWorkbench.';
const CATEGORY = 'Message Workbench';

describe('commands', () => {
  before(activateExtension);

  it('package.json contributes commands, all ours, each with the category', () => {
    const contributed = packageJson().contributes?.commands ?? [];
    assert.ok(contributed.length > 0, 'package.json contributes.commands should list our commands');
    for (const c of contributed) {
      assert.ok(c.command.startsWith(PREFIX), `${c.command} should start with ${PREFIX}`);
      assert.equal(c.category, CATEGORY, `${c.command} should have "category": "${CATEGORY}"`);
      assert.ok(c.title && c.title.trim().length > 0, `${c.command} should have a title`);
    }
  });

  it('every contributed command is registered', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = (packageJson().contributes?.commands ?? []).map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  it('every registered command of ours is in package.json', async () => {
    const contributed = new Set((packageJson().contributes?.commands ?? []).map((c) => c.command));
    const ours = (await vscode.commands.getCommands(true)).filter((id) => id.startsWith(PREFIX));
    assert.ok(ours.length > 0, 'the extension should register its commands');
    const extra = ours.filter((id) => !contributed.has(id));
    assert.deepEqual(extra, [], `registered but missing from package.json contributes.commands: ${extra.join(', ')}`);
  });
});
