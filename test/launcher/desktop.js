#!/usr/bin/env node
// Runs the same integration suite in desktop VS Code via @vscode/test-electron (2.x: runs on
// Node 20). It downloads VS Code from Microsoft on first use, so it needs internet; offline
// machines and CI use test/launcher/run.js (code-server) instead. `npm run test:desktop` builds
// dist/ and out/ first. On Linux without a display, run it under `xvfb-run -a`.
//
// Env: MWB_VSCODE_VERSION (default: 1.100.3, the API level in engines.vscode; 'stable' for the
// newest), MWB_TEST_GREP (only tests whose title matches).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');

async function main() {
  let testElectron;
  try {
    testElectron = require('@vscode/test-electron');
  } catch {
    console.error('[mwb-desktop] @vscode/test-electron is not installed; run `npm ci` first.');
    return 2;
  }
  const suite = path.join(ROOT, 'out', 'test', 'integration', 'index.js');
  if (!fs.existsSync(suite) || !fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) {
    console.error('[mwb-desktop] the extension or the suite is not built; run `npm run test:desktop` (it builds first).');
    return 2;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mwb-desktop-'));
  const workspace = path.join(tmp, 'workspace');
  fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  const version = process.env.MWB_VSCODE_VERSION || '1.100.3';
  try {
    let vscodeExecutablePath;
    try {
      vscodeExecutablePath = await testElectron.downloadAndUnzipVSCode({ version, cachePath: path.join(ROOT, '.vscode-test') });
    } catch (err) {
      console.error(
        `[mwb-desktop] could not get desktop VS Code ${version} (${err && err.message ? err.message : err}). It is downloaded from Microsoft on first use, which needs internet; offline, run \`npm run test:integration\` (code-server) instead.`,
      );
      return 2;
    }
    console.error(`[mwb-desktop] running the integration suite in desktop VS Code ${version}`);
    await testElectron.runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: suite,
      extensionTestsEnv: {
        MWB_INTEGRATION: 'desktop',
        MWB_TEST_GREP: process.env.MWB_TEST_GREP || '',
      },
      launchArgs: [
        workspace,
        // A throwaway profile: no user settings or other extensions leak into the run.
        '--user-data-dir',
        path.join(tmp, 'user-data'),
        '--extensions-dir',
        path.join(tmp, 'extensions'),
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-gpu',
      ],
    });
    return 0;
  } catch (err) {
    // runTests rejects when VS Code exits non-zero, i.e. when the suite failed; its output is above.
    console.error(`[mwb-desktop] ${err && err.message ? err.message : err}`);
    return 1;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code));
