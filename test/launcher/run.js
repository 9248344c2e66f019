#!/usr/bin/env node
// Runs the integration suite (out/test/integration/index.js) inside a real VS Code without
// internet: code-server 4.100.3 serves the workbench, Debian's chromium (driven headless by
// playwright-core) opens it with our extension under development and the suite as test payload,
// the same mechanism as VS Code's own web integration tests. See shared/vscode-test.md.
//
// Usage: node test/launcher/run.js [--timeout SECONDS] [--grep PATTERN]
// Exit codes: 0 suite passed, 1 suite failed, 2 setup or launch error, 3 launcher timeout,
// 130/143 interrupted by SIGINT/SIGTERM.
'use strict';
const fs = require('fs');
const path = require('path');
const util = require('util');
const { ensureAll, SetupError, ROOT, log } = require('../../scripts/code-server/install');
const { ensureExtensionBuilt, ensureSuiteBuilt } = require('../../scripts/code-server/build');
const { killStragglers, makeSandboxDirs, sandboxEnv, startCodeServer, killGroup, killGroupNow, vscodeVersion } = require('../../scripts/code-server/server');

const EXIT_SETUP = 2;
const EXIT_TIMEOUT = 3;
const SCREENSHOT_DIR = path.join(ROOT, 'test-results', 'screenshots');
// Workbench start-up chatter that says nothing about the suite; MWB_IT_VERBOSE=1 shows it.
const NOISE =
  /^(Creating a socket|Resolving connection token|Resolved connection token|Ignoring fetching additional builtin extensions|Updating additional builtin extensions cache|\[Service Worker\]|ChatSessionStore:|Creation of workbench contribution)/;
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Debian's build starts crashpad handlers that detach from the browser's process group and write
  // into ~/.config; we start nothing we cannot stop.
  '--disable-crash-reporter',
  '--disable-breakpad',
];

function parseArgs(argv) {
  const opts = { timeoutSec: Number(process.env.MWB_IT_TIMEOUT || 300), grep: process.env.MWB_TEST_GREP || '' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--timeout') opts.timeoutSec = Number(argv[++i]);
    else if (a === '--grep') opts.grep = argv[++i] || '';
    else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: node test/launcher/run.js [--timeout SECONDS] [--grep PATTERN]\n');
      process.exit(0);
    } else throw new SetupError(`unknown argument ${a}; usage: node test/launcher/run.js [--timeout SECONDS] [--grep PATTERN]`);
  }
  if (!(opts.timeoutSec > 0)) throw new SetupError('--timeout needs a positive number of seconds.');
  return opts;
}

const state = { server: null, browserServer: null, browser: null, dirs: null, cleaning: null, interrupted: false };

function chromiumPid() {
  const proc = state.browserServer && state.browserServer.process();
  return proc && proc.exitCode === null && proc.signalCode === null ? proc.pid : undefined;
}

async function withTimeout(promise, ms) {
  let timer;
  try {
    return await Promise.race([
      promise,
      new Promise((resolve) => {
        timer = setTimeout(resolve, ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function cleanup() {
  if (!state.cleaning) {
    state.cleaning = (async () => {
      if (state.browser)
        await withTimeout(
          state.browser.close().catch(() => {}),
          3000,
        );
      if (state.browserServer)
        await withTimeout(
          state.browserServer.close().catch(() => {}),
          3000,
        );
      // playwright spawns chromium detached, so it leads its own group: stop that group by pid.
      const pid = chromiumPid();
      if (pid) await killGroup(pid, 5000);
      if (state.server) await killGroup(state.server.pid, 5000);
      if (state.dirs) await killStragglers(state.dirs.root, 5000);
      if (state.dirs) fs.rmSync(state.dirs.root, { recursive: true, force: true, maxRetries: 3 });
    })();
  }
  return state.cleaning;
}

// If we die without running cleanup (uncaught error), leave no server behind.
process.on('exit', () => {
  const pid = chromiumPid();
  if (pid) killGroupNow(pid);
  if (state.server && !state.server.exited) killGroupNow(state.server.pid);
});
for (const [sig, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
]) {
  process.on(sig, () => {
    state.interrupted = true;
    log(`${sig}: stopping code-server and chromium`);
    cleanup().finally(() => process.exit(code));
  });
}

function copyDir(from, to) {
  fs.cpSync(from, to, { recursive: true });
}

async function saveScreenshot(page, name) {
  if (!/^[A-Za-z0-9._-]{1,100}$/.test(name) || name.startsWith('.')) {
    log(`ignoring screenshot request with unsafe name ${JSON.stringify(name)}`);
    return;
  }
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  // Write then rename, so a polling test never reads half a file.
  const partial = `${file}.partial`;
  fs.writeFileSync(partial, await page.screenshot({ type: 'png', timeout: 10000 }));
  fs.renameSync(partial, file);
  log(`screenshot saved: ${path.relative(ROOT, file)}`);
}

async function main() {
  const started = Date.now();
  const opts = parseArgs(process.argv.slice(2));
  const tools = ensureAll();
  ensureExtensionBuilt();
  ensureSuiteBuilt();
  const suite = path.join(ROOT, 'out', 'test', 'integration', 'index.js');
  const versions = vscodeVersion();
  log(`VS Code ${versions.vscode} (code-server ${versions.codeServer}), extension ${ROOT}`);

  log(`setup and build checks took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const serverStarted = Date.now();
  const dirs = makeSandboxDirs('mwb-it-');
  state.dirs = dirs;
  const workspace = path.join(dirs.root, 'workspace');
  copyDir(path.join(ROOT, 'test', 'fixtures', 'workspace'), workspace);

  const serverOutput = [];
  const server = startCodeServer({
    dirs,
    env: sandboxEnv(dirs, { MWB_SCREENSHOT_DIR: SCREENSHOT_DIR, MWB_TEST_GREP: opts.grep, MWB_INTEGRATION: 'code-server' }),
    onOutput: (t) => {
      serverOutput.push(t);
      if (serverOutput.length > 200) serverOutput.shift();
    },
  });
  state.server = server;
  const { url, port } = await server.ready;
  log(`code-server listening on ${url} (pid ${server.pid}) after ${((Date.now() - serverStarted) / 1000).toFixed(1)} s`);

  const { chromium } = require('playwright-core');
  const browserServer = await chromium.launchServer({
    executablePath: tools.chromium,
    headless: true,
    args: CHROMIUM_ARGS,
    env: sandboxEnv(dirs, { HOME: dirs.chromium }),
    // We handle signals ourselves so code-server is stopped too.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  state.browserServer = browserServer;
  const browser = await chromium.connect(browserServer.wsEndpoint());
  state.browser = browser;
  log(`chromium ${browser.version()} (pid ${chromiumPid()})`);
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });

  let resolveExit;
  const exited = new Promise((resolve) => {
    resolveExit = resolve;
  });
  let screenshotChain = Promise.resolve();
  await page.exposeFunction('codeAutomationLog', (level, args) => {
    const line = util.format(...(Array.isArray(args) ? args : [args]));
    const m = /^MWB_SCREENSHOT (\S+)\s*$/m.exec(line);
    if (m) {
      screenshotChain = screenshotChain.then(() => saveScreenshot(page, m[1])).catch((err) => log(`screenshot ${m[1]} failed: ${err.message}`));
      return;
    }
    if (!process.env.MWB_IT_VERBOSE && NOISE.test(line)) return;
    (level === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit({ code: Number(code) }));
  page.on('pageerror', (err) => log(`workbench page error: ${err.message}`));

  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(ROOT)],
    ['extensionTestsPath', remote(suite)],
    ['skipWelcome', 'true'],
  ];
  const target = `${url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(target);

  const timeoutMs = opts.timeoutSec * 1000 - (Date.now() - started);
  const result = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve({ timeout: true }), Math.max(timeoutMs, 1000))), server.exitPromise.then(() => ({ serverDied: true }))]);
  await screenshotChain;
  const took = ((Date.now() - started) / 1000).toFixed(1);
  if (result.timeout) {
    log(`timed out after ${opts.timeoutSec} s: the suite did not finish (raise with --timeout). Last code-server output:\n${serverOutput.join('').trim().split('\n').slice(-15).join('\n')}`);
    return EXIT_TIMEOUT;
  }
  if (state.interrupted) return EXIT_SETUP;
  if (result.serverDied) {
    log(`code-server exited (${server.exitCode}) before the suite finished. Its output:\n${serverOutput.join('').trim().split('\n').slice(-20).join('\n')}`);
    return EXIT_SETUP;
  }
  log(`suite ${result.code === 0 ? 'passed' : 'FAILED'} in VS Code ${versions.vscode} (code-server ${versions.codeServer}); ${took} s wall`);
  return result.code === 0 ? 0 : 1;
}

main()
  .catch((err) => {
    log(err instanceof SetupError ? err.message : `launcher error: ${err && err.message ? err.message : err}`);
    return EXIT_SETUP;
  })
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  });
