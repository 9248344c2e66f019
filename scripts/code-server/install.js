// Installs, on first use, what the integration launcher and `npm start` need: Debian packages
// (chromium for the headless workbench, libkrb5-dev for code-server's kerberos build, ripgrep for
// @vscode/ripgrep's offline cache) and code-server 4.100.3 in a git-ignored cache folder.
// Everything here works without internet: only Debian's packages and the npm registry are reached.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..', '..');
// Newest code-server whose `engines` accept Node 20 (vscode-test.md).
const CODE_SERVER_VERSION = '4.100.3';
const CACHE_DIR = path.join(ROOT, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);
const MARKER = path.join(CACHE_DIR, '.installed');
const CHROMIUM = '/usr/bin/chromium';
// @vscode/ripgrep 1.15.11 (pulled in by code-server) looks for this cached download before
// trying GitHub, which we cannot reach.
const RIPGREP_CACHE = 'vscode-ripgrep-cache-1.15.11';
const RIPGREP_TARBALL = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';
// npm 11.19 prints "install-scripts ... not yet covered by allowScripts" for dependencies with
// install scripts but still runs them (verified: a scratch package's postinstall ran); only
// `strict-allow-scripts=true` blocks them. code-server's postinstall runs nested `npm install`s
// (lib/vscode, its built-in extensions) that build node-pty, kerberos, spdlog and fetch ripgrep, so
// we approve the two top-level packages with scripts, force strict mode off for the nested
// installs, and verify the products afterwards instead of trusting the exit code.
const ALLOW_SCRIPTS = ['code-server', 'argon2'];

const APT_PACKAGES = [
  { pkg: 'chromium', present: () => fs.existsSync(CHROMIUM) },
  { pkg: 'libkrb5-dev', present: () => fs.existsSync('/usr/include/gssapi/gssapi.h') },
  { pkg: 'ripgrep', present: () => fs.existsSync('/usr/bin/rg') },
];

function log(msg) {
  process.stderr.write(`[mwb-launcher] ${msg}\n`);
}

class SetupError extends Error {}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: opts.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit', ...opts });
  if (r.error) throw new SetupError(`could not run ${cmd}: ${r.error.message}`);
  return r;
}

function ensureAptPackages() {
  const missing = APT_PACKAGES.filter((p) => !p.present()).map((p) => p.pkg);
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    throw new SetupError(`missing Debian packages: ${missing.join(' ')}. Install them with \`sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}\` and run again.`);
  }
  log(`installing Debian packages: ${missing.join(' ')} (apt-get update first)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const t0 = Date.now();
  let r = run('apt-get', ['update', '-q'], { env, quiet: true });
  if (r.status !== 0) throw new SetupError(`apt-get update failed:\n${String(r.stderr).trim()}`);
  r = run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], { env, quiet: true });
  if (r.status !== 0) throw new SetupError(`apt-get install ${missing.join(' ')} failed:\n${String(r.stderr).trim()}`);
  log(`Debian packages installed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

function nodeDir() {
  // node-gyp (node-pty, kerberos) needs Node's headers and cannot download them offline.
  const candidates = [path.dirname(path.dirname(process.execPath)), '/usr', '/usr/local'];
  return candidates.find((d) => fs.existsSync(path.join(d, 'include', 'node', 'node.h')));
}

function codeServerBin() {
  return path.join(CACHE_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

function sleepSync(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/**
 * Two runs in the same checkout (a developer's `npm test` while `npm start` starts) must not
 * install into the cache folder at the same time: the second waits for the first. A lock whose
 * owner is gone is taken over.
 */
function withInstallLock(fn) {
  const lock = `${CACHE_DIR}.lock`;
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 10 * 60 * 1000;
  for (let said = false; ;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      let owner = NaN;
      try {
        owner = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
      } catch {
        /* being written */
      }
      if (Number.isInteger(owner) && !pidAlive(owner)) {
        fs.rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new SetupError(`another install of code-server (pid ${owner}) has held ${path.relative(ROOT, lock)} for 10 minutes; stop it or remove that folder.`);
      if (!said) {
        log(`waiting for another run (pid ${owner}) to finish installing code-server`);
        said = true;
      }
      sleepSync(500);
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

function ensureCodeServer() {
  if (fs.existsSync(MARKER) && fs.existsSync(codeServerBin())) return;
  withInstallLock(() => {
    // The run we waited for may have installed it.
    if (!(fs.existsSync(MARKER) && fs.existsSync(codeServerBin()))) installCodeServer();
  });
}

function installCodeServer() {
  const t0 = Date.now();
  log(`installing code-server@${CODE_SERVER_VERSION} into ${path.relative(ROOT, CACHE_DIR)} (once, about a minute)`);
  fs.rmSync(CACHE_DIR, { recursive: true, force: true });
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mwb-cs-install-'));
  try {
    const rgDir = path.join(tmp, RIPGREP_CACHE);
    fs.mkdirSync(rgDir);
    fs.copyFileSync('/usr/bin/rg', path.join(tmp, 'rg'));
    let r = run('tar', ['czf', path.join(rgDir, RIPGREP_TARBALL), '-C', tmp, 'rg'], { quiet: true });
    if (r.status !== 0) throw new SetupError(`could not pack ripgrep for the offline cache: ${String(r.stderr).trim()}`);
    fs.writeFileSync(
      path.join(CACHE_DIR, 'package.json'),
      JSON.stringify(
        {
          name: 'mwb-code-server-cache',
          private: true,
          description: 'Generated by scripts/code-server/install.js: code-server for integration tests and npm start.',
          allowScripts: Object.fromEntries(ALLOW_SCRIPTS.map((n) => [n, true])),
        },
        null,
        2,
      ) + '\n',
    );
    const env = {
      ...process.env,
      TMPDIR: tmp,
      npm_config_unsafe_perm: 'true', // code-server's postinstall refuses root otherwise
      npm_config_yes: 'true', // node-pty's postinstall runs `npx node-gyp`
      npm_config_update_notifier: 'false',
      npm_config_fund: 'false',
      npm_config_audit: 'false',
      npm_config_strict_allow_scripts: 'false',
    };
    const nd = nodeDir();
    if (nd) env.npm_config_nodedir = nd;
    r = run('npm', ['install', '--no-save', '--no-package-lock', '--omit=dev', `code-server@${CODE_SERVER_VERSION}`], { cwd: CACHE_DIR, env, quiet: true });
    const out = `${r.stdout}\n${r.stderr}`;
    fs.writeFileSync(path.join(CACHE_DIR, 'install.log'), out);
    if (r.status !== 0) {
      throw new SetupError(
        `npm install code-server@${CODE_SERVER_VERSION} failed (log: ${path.relative(ROOT, path.join(CACHE_DIR, 'install.log'))}):\n${out.trim().split('\n').slice(-25).join('\n')}`,
      );
    }
    verifyCodeServer();
    fs.writeFileSync(MARKER, `${CODE_SERVER_VERSION} ${new Date().toISOString()}\n`);
    log(`code-server installed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

// The install scripts build native modules and fetch ripgrep; if npm skipped any of them the
// server starts but fails later in confusing ways, so check their products now.
function verifyCodeServer() {
  const cs = path.join(CACHE_DIR, 'node_modules', 'code-server');
  const vs = path.join(cs, 'lib', 'vscode');
  const checks = [
    [codeServerBin(), 'code-server entry point'],
    [path.join(vs, 'node_modules', 'node-pty', 'build', 'Release', 'pty.node'), 'node-pty native build (VS Code postinstall)'],
    [path.join(vs, 'node_modules', '@vscode', 'spdlog', 'build', 'Release', 'spdlog.node'), 'spdlog native build'],
    [path.join(vs, 'node_modules', 'kerberos', 'build', 'Release', 'kerberos.node'), 'kerberos native build (needs libkrb5-dev)'],
    [path.join(vs, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'), 'ripgrep binary (@vscode/ripgrep postinstall)'],
  ];
  const missing = checks.filter(([p]) => !fs.existsSync(p));
  if (missing.length) {
    throw new SetupError(
      `code-server installed incompletely; missing: ${missing.map(([p, what]) => `${what} (${path.relative(ROOT, p)})`).join(', ')}. See ${path.relative(ROOT, path.join(CACHE_DIR, 'install.log'))}.`,
    );
  }
}

function ensureAll() {
  ensureAptPackages();
  ensureCodeServer();
  return { codeServer: codeServerBin(), chromium: CHROMIUM, version: CODE_SERVER_VERSION };
}

module.exports = { ensureAll, ensureAptPackages, ensureCodeServer, codeServerBin, SetupError, ROOT, CACHE_DIR, CODE_SERVER_VERSION, log };

if (require.main === module) {
  try {
    ensureAll();
  } catch (err) {
    log(err instanceof SetupError ? err.message : String((err && err.stack) || err));
    process.exit(2);
  }
}
