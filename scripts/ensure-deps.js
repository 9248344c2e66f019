#!/usr/bin/env node
// Runs before `npm test` and `npm start`: on a fresh clone, install the locked dependencies first,
// so the README's two commands work with nothing else typed. Uses only Node's built-ins.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const marker = path.join(root, 'node_modules', '.package-lock.json');
const lock = path.join(root, 'package-lock.json');
const stale = !fs.existsSync(marker) || fs.statSync(lock).mtimeMs > fs.statSync(marker).mtimeMs + 1000;
if (stale) {
  console.log('[message-workbench] installing dependencies (npm ci)...');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('[message-workbench] npm ci failed: see above. The npm registry must be reachable.');
    process.exit(r.status || 1);
  }
}
