// Builds what the launchers load, when it is missing or older than its sources: dist/ (the
// extension bundle, via esbuild.js) and out/test/integration/ (the suite, via tsc). `npm test`
// has already built both, so there this costs a few stat calls.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { ROOT, log } = require('./install');

function newestMtime(dir, filter) {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p, filter));
    else if (filter(p)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

function mtime(p) {
  return fs.existsSync(p) ? fs.statSync(p).mtimeMs : -1;
}

function runStep(what, args) {
  log(`building ${what}: ${args.join(' ')}`);
  return spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' }).status;
}

function ensureExtensionBuilt() {
  const bundle = path.join(ROOT, 'dist', 'extension.js');
  const srcNewest = Math.max(
    newestMtime(path.join(ROOT, 'src'), (p) => p.endsWith('.ts') || p.endsWith('.css')),
    mtime(path.join(ROOT, 'package.json')),
  );
  if (mtime(bundle) >= srcNewest) return;
  if (runStep('the extension', ['esbuild.js']) !== 0 || !fs.existsSync(bundle)) {
    throw new Error('building the extension failed (`node esbuild.js`); fix the errors above and run again.');
  }
}

function ensureSuiteBuilt() {
  const index = path.join(ROOT, 'out', 'test', 'integration', 'index.js');
  const srcNewest = newestMtime(path.join(ROOT, 'test', 'integration'), (p) => p.endsWith('.ts'));
  const outNewest = newestMtime(path.join(ROOT, 'out', 'test', 'integration'), (p) => p.endsWith('.js'));
  if (fs.existsSync(index) && outNewest >= srcNewest) return;
  const tsc = require.resolve('typescript/bin/tsc', { paths: [ROOT] });
  const status = runStep('the integration suite', [tsc, '-p', 'tsconfig.test.json']);
  if (!fs.existsSync(index)) throw new Error('compiling the integration suite failed (`tsc -p tsconfig.test.json`); fix the errors above and run again.');
  // tsc still emits on type errors; those fail `npm run test:unit` already, so run what we have.
  if (status !== 0) log('tsc reported type errors (above); running the suite as emitted.');
}

module.exports = { ensureExtensionBuilt, ensureSuiteBuilt };
