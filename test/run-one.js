#!/usr/bin/env node
// Developer helper: bundle the given unit test files with esbuild and run them with mocha,
// without type-checking the rest of the project. `node test/run-one.js test/unit/foo.test.ts ...`
'use strict';
const esbuild = require('esbuild');
const path = require('path');
const os = require('os');
const fs = require('fs');
const { spawnSync } = require('child_process');

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node test/run-one.js TEST.ts...');
  process.exit(2);
}
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'mwb-unit-'));
esbuild.buildSync({
  entryPoints: files,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outdir,
  outbase: '.',
  sourcemap: 'inline',
  mainFields: ['module', 'main'],
  external: ['mocha', 'vscode', 'playwright-core', '@vonage/*', 'jsonwebtoken', 'split-sms', 'sms-segments-calculator'],
  logLevel: 'warning',
  define: { __PROJECT_ROOT__: JSON.stringify(process.cwd()) },
});
const out = files.map((f) => path.join(outdir, f.replace(/\.ts$/, '.js')));
const r = spawnSync(process.execPath, [require.resolve('mocha/bin/mocha.js'), '--no-config', '--enable-source-maps', '--timeout', '20000', ...out], {
  stdio: 'inherit',
  env: { ...process.env, NODE_PATH: path.join(process.cwd(), 'node_modules') },
});
fs.rmSync(outdir, { recursive: true, force: true });
process.exit(r.status ?? 1);
