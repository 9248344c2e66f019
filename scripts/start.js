#!/usr/bin/env node
// `npm start`: VS Code in the browser (the same code-server the integration tests use) with
// Message Workbench installed and a copy of examples/ open (web VS Code saves as you type, so
// the clone's own examples are never edited). Installs what it needs on first use, builds,
// prints the URL and where the copy is, and runs until Ctrl-C.
//
// Usage: node scripts/start.js [--port N] [--folder DIR]   (--folder opens DIR itself)
// The profile (settings, state) lives in .vscode-test/start/ (git-ignored) and survives restarts;
// the extension is a symlink to this checkout, so `npm run watch` + "Developer: Reload Window"
// picks up changes.
'use strict';
const fs = require('fs');
const path = require('path');
const { ensureAll, SetupError, ROOT, log } = require('./code-server/install');
const { ensureExtensionBuilt } = require('./code-server/build');
const { makeSandboxDirs, sandboxEnv, startCodeServer, killGroup, killGroupNow, vscodeVersion } = require('./code-server/server');
const { scratchExamples } = require('./code-server/scratch');

const USAGE = 'usage: npm start [-- --port N] [-- --folder DIR]';

function parseArgs(argv) {
  const opts = { port: 0, folder: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--port') opts.port = Number(argv[++i]);
    else if (a === '--folder') opts.folder = path.resolve(argv[++i] || '');
    else if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else throw new SetupError(`unknown argument ${a}; ${USAGE}`);
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) throw new SetupError(`--port needs a port number (0-65535); ${USAGE}`);
  if (opts.folder !== undefined && !fs.existsSync(opts.folder)) throw new SetupError(`folder ${opts.folder} does not exist; pass an existing one with --folder.`);
  return opts;
}

/** Installs this checkout into the profile's extensions folder as a symlink. */
function linkExtension(extensionsDir) {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const id = `${pkg.publisher}.${pkg.name}`;
  for (const entry of fs.readdirSync(extensionsDir)) {
    // Earlier versions' links, and the scanner's cache, which would remember them.
    if (entry.startsWith(`${id}-`) || entry === 'extensions.json') fs.rmSync(path.join(extensionsDir, entry), { recursive: true, force: true });
  }
  fs.symlinkSync(ROOT, path.join(extensionsDir, `${id}-${pkg.version}`), 'dir');
  return `${id}@${pkg.version}`;
}

let server = null;
let stopping = false;

async function stop(code) {
  if (stopping) return;
  stopping = true;
  if (server) await killGroup(server.pid, 5000);
  process.exit(code);
}

process.on('exit', () => {
  if (server && !server.exited) killGroupNow(server.pid);
});
process.on('SIGINT', () => {
  log('stopping code-server');
  void stop(0);
});
process.on('SIGTERM', () => {
  log('stopping code-server');
  void stop(0);
});
process.on('SIGHUP', () => {
  void stop(0);
});

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const folder = opts.folder ?? scratchExamples(ROOT);
  ensureAll();
  ensureExtensionBuilt();
  const dirs = makeSandboxDirs('mwb-start-', path.join(ROOT, '.vscode-test', 'start'));
  const installed = linkExtension(dirs.extensions);
  const versions = vscodeVersion();
  server = startCodeServer({
    dirs,
    port: opts.port,
    env: sandboxEnv(dirs),
    onOutput: (t) => {
      if (process.env.MWB_VERBOSE) process.stderr.write(t);
    },
  });
  const { url } = await server.ready;
  const open = `${url}/?folder=${encodeURIComponent(folder)}`;
  log(`VS Code ${versions.vscode} (code-server ${versions.codeServer}) with ${installed} (linked to this checkout)`);
  const copy = opts.folder === undefined ? `It shows a copy of examples/ in ${folder}: edit freely, your clone stays as it is (delete that folder to start over).\n` : '';
  process.stdout.write(`\nMessage Workbench is running: open ${open}\n${copy}Press Ctrl-C to stop.\n\n`);
  await server.exitPromise;
  if (!stopping) {
    log(`code-server exited (${server.exitCode}); set MWB_VERBOSE=1 to see its output.`);
    process.exit(1);
  }
}

main().catch((err) => {
  log(err instanceof SetupError ? err.message : `could not start: ${err && err.message ? err.message : err}`);
  return stop(2);
});
