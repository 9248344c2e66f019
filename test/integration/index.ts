// Mocha runner loaded by the VS Code extension host (extensionTestsPath). Both launchers use it:
// test/launcher/run.js (code-server + chromium, offline) and test/launcher/desktop.js
// (@vscode/test-electron). Its closing line `N passed, N failed` is what CI reads.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import Mocha = require('mocha');

export function run(): Promise<void> {
  const uiKind = vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop';
  console.log(`Integration suite in VS Code ${vscode.version} (${vscode.env.appName}, ${uiKind}${vscode.env.remoteName ? `, remote ${vscode.env.remoteName}` : ''})`);
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30000, reporter: 'spec' });
  const grep = process.env.MWB_TEST_GREP;
  if (grep) mocha.grep(grep);
  // Only compiled tests whose source still exists: tsc never deletes out/ files of removed tests.
  const sources = path.resolve(__dirname, '..', '..', '..', 'test', 'integration');
  const hasSource = (f: string) => !fs.existsSync(sources) || fs.existsSync(path.join(sources, f.replace(/\.js$/, '.ts')));
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js') && hasSource(f))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    try {
      // The callback runs after mocha.run has returned the runner, so its stats are final there.
      const runner: Mocha.Runner = mocha.run((failures) => {
        const passes = runner.stats?.passes ?? 0;
        console.log(`${passes} passed, ${failures} failed`);
        if (files.length === 0) reject(new Error('no integration test files found next to index.js'));
        else if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
    } catch (err) {
      console.error(err);
      console.log('0 passed, 1 failed');
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
