#!/usr/bin/env node
// Checks that trying the product never dirties the clone (issue 9, item 14): runs `npm start`'s
// script, opens the printed address in headless chromium, edits and saves an example there as a
// newcomer would, and compares `git status` before and after. Needs what `npm start` installs.
//
// Usage: node test/launcher/start-check.js        Exit 0 clean, 1 the clone changed, 2 setup error.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawn, execFileSync } = require('child_process');
const { killGroup } = require('../../scripts/code-server/server');

const ROOT = path.resolve(__dirname, '..', '..');
const FILE = 'text.whatsapp.json';
const gitStatus = () => execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: ROOT, encoding: 'utf8' });
const log = (m) => process.stderr.write(`[start-check] ${m}\n`);

/** Resolves with the first match of `re` in the child's stdout. */
function waitForOutput(child, re, ms) {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`npm start printed no ${re} within ${ms / 1000} s:\n${text.slice(-2000)}`)), ms);
    child.stdout.on('data', (d) => {
      text += d;
      const m = re.exec(text);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    });
    child.once('exit', (code) => reject(new Error(`npm start exited (${code}):\n${text.slice(-2000)}`)));
  });
}

async function main() {
  const before = gitStatus();
  const start = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.js'), '--port', '0'], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
  let browser;
  try {
    const [, url] = await waitForOutput(start, /running: open (\S+)\n/, 300000);
    const folder = new URL(url).searchParams.get('folder');
    log(`npm start opened ${folder}`);
    const target = path.join(folder, 'whatsapp', FILE);
    const original = fs.readFileSync(target, 'utf8');

    const { chromium } = require('playwright-core');
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-crash-reporter'],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(url);
    await page.waitForSelector('.monaco-workbench .explorer-folders-view', { timeout: 120000 });
    // Open the example as a newcomer would (the Explorer), type into it, and save.
    try {
      await page.click('.explorer-folders-view .monaco-list-row[aria-label="whatsapp"]', { timeout: 60000 });
      await page.click(`.explorer-folders-view .monaco-list-row[aria-label="${FILE}"]`, { timeout: 30000 });
      await page.waitForSelector(`.tab[aria-label*="${FILE}"]`, { timeout: 30000 });
    } catch (e) {
      const shot = path.join(ROOT, 'test-results', 'start-check-failed.png');
      fs.mkdirSync(path.dirname(shot), { recursive: true });
      await page.screenshot({ path: shot });
      throw new Error(`${e.message} (screenshot ${path.relative(ROOT, shot)})`);
    }
    await page.click('.editor-instance .view-lines');
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('\n');
    await page.keyboard.press('Control+S');
    const t0 = Date.now();
    while (fs.readFileSync(target, 'utf8') === original && Date.now() - t0 < 20000) await new Promise((r) => setTimeout(r, 200));
    if (fs.readFileSync(target, 'utf8') === original) throw new Error(`the edit was not saved to ${target}`);
    log(`edited and saved ${target}`);
  } finally {
    if (browser) await browser.close();
    await killGroup(start.pid, 10000);
  }
  const after = gitStatus();
  if (after !== before) {
    log(`git status changed:\nbefore:\n${before}\nafter:\n${after}`);
    return 1;
  }
  log(`git status is as it was (${before.trim() ? before.trim().split('\n').length + ' entries' : 'clean'})`);
  return 0;
}

main()
  .then((code) => process.exit(code))
  .catch((err) => {
    log(err && err.message ? err.message : String(err));
    process.exit(2);
  });
