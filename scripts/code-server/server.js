// Starts code-server with a throwaway profile and stops it (and everything it spawned) by
// process group. Shared by the integration launcher (run.js) and `npm start` (start.js).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const { codeServerBin, CACHE_DIR } = require('./install');

/**
 * A folder holding every directory code-server and chromium would otherwise write into `~`:
 * a fresh temp folder for `prefix`, or the given `root` (kept between runs, for `npm start`).
 */
function makeSandboxDirs(prefix, root = fs.mkdtempSync(path.join(os.tmpdir(), prefix))) {
  const dirs = { root };
  for (const name of ['home', 'user-data', 'extensions', 'config', 'data', 'cache', 'tmp', 'chromium']) {
    dirs[name] = path.join(root, name);
    fs.mkdirSync(dirs[name], { recursive: true });
  }
  return dirs;
}

function sandboxEnv(dirs, extra = {}) {
  return {
    ...process.env,
    HOME: dirs.home,
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    XDG_CACHE_HOME: dirs.cache,
    TMPDIR: dirs.tmp,
    // No marketplace: nothing may be fetched from outside.
    EXTENSIONS_GALLERY: '{}',
    ...extra,
  };
}

function vscodeVersion() {
  const cs = path.join(CACHE_DIR, 'node_modules', 'code-server');
  const csVersion = JSON.parse(fs.readFileSync(path.join(cs, 'package.json'), 'utf8')).version;
  const vsVersion = JSON.parse(fs.readFileSync(path.join(cs, 'lib', 'vscode', 'package.json'), 'utf8')).version;
  return { codeServer: csVersion, vscode: vsVersion };
}

/**
 * Spawns code-server detached (so it leads its own process group) and resolves with its URL once
 * it prints the port it bound; port 0 lets the OS choose, which never races.
 */
function startCodeServer({ dirs, env, args = [], onOutput, port = 0, startTimeoutMs = 60000 }) {
  const child = spawn(
    process.execPath,
    [
      codeServerBin(),
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir',
      dirs['user-data'],
      '--extensions-dir',
      dirs.extensions,
      ...args,
    ],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env },
  );
  const handle = { child, pid: child.pid, exited: false, exitCode: null };
  const exitPromise = new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      handle.exited = true;
      handle.exitCode = code ?? signal;
      resolve();
    }),
  );
  handle.exitPromise = exitPromise;
  const ready = new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error(`code-server did not report its port within ${startTimeoutMs / 1000} s`)), startTimeoutMs);
    const onData = (chunk) => {
      const text = chunk.toString();
      if (onOutput) onOutput(text);
      buffered += text;
      const m = /HTTP server listening on (http:\/\/127\.0\.0\.1:(\d+))\/?/.exec(buffered);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], port: Number(m[2]) });
      }
      if (buffered.length > 100000) buffered = buffered.slice(-1000);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`could not start code-server: ${err.message}`));
    });
    exitPromise.then(() => {
      clearTimeout(timer);
      reject(new Error(`code-server exited early (${handle.exitCode}); its output:\n${buffered.trim().split('\n').slice(-20).join('\n')}`));
    });
  });
  handle.ready = ready;
  return handle;
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM the process group led by `pid`, SIGKILL it if anything is left after `graceMs`. */
async function killGroup(pid, graceMs = 5000) {
  if (!pid || !groupAlive(pid)) return;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && groupAlive(pid)) await new Promise((r) => setTimeout(r, 100));
  if (groupAlive(pid)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

/** Synchronous last resort for process 'exit' handlers, where nothing async runs any more. */
function killGroupNow(pid) {
  if (!pid) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
}

/** Pids of processes whose command line mentions `marker` (our temp folder), Linux /proc only. */
function pidsMentioning(marker) {
  const pids = [];
  let entries = [];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return pids;
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e) || Number(e) === process.pid) continue;
    try {
      if (fs.readFileSync(`/proc/${e}/cmdline`, 'utf8').includes(marker)) pids.push(Number(e));
    } catch {
      /* exited meanwhile */
    }
  }
  return pids;
}

/**
 * Stops processes that left our process groups but still use our temp folder: chromium's crashpad
 * handlers daemonize into groups of their own. Matching on the unique temp path never touches
 * anyone else's processes.
 */
async function killStragglers(marker, graceMs = 5000) {
  let pids = pidsMentioning(marker);
  if (pids.length === 0) return;
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      /* gone */
    }
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && (pids = pidsMentioning(marker)).length) await new Promise((r) => setTimeout(r, 100));
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
}

module.exports = { killStragglers, pidsMentioning, makeSandboxDirs, sandboxEnv, startCodeServer, killGroup, killGroupNow, vscodeVersion };
