#!/usr/bin/env node
// Screenshots of the standalone preview page (`mwb preview --html`) in headless chromium, light
// and dark, for people to look at: `node test/preview-screenshots.js [FILE...]` after a build.
// Output: test-results/preview/<name>-{light,dark}.png (git-ignored).
'use strict';
const { chromium } = require('playwright-core');
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const outDir = path.join(root, 'test-results', 'preview');
const DEFAULT = [
  'examples/gateway/interactive.gateway.json',
  'examples/whatsapp/text.whatsapp.json',
  'examples/whatsapp/interactive-list.whatsapp.json',
  'examples/whatsapp/template.whatsapp.json',
  'examples/whatsapp/location.whatsapp.json',
  'examples/whatsapp/contacts.whatsapp.json',
  'examples/whatsapp/reaction.whatsapp.json',
  'examples/whatsapp/reply.whatsapp.json',
  'examples/whatsapp/cta-url.whatsapp.json',
  'examples/vonage/sms-text.vonage.json',
  'examples/vonage/viber_service-image.vonage.json',
];

async function main() {
  const files = process.argv.length > 2 ? process.argv.slice(2) : DEFAULT.filter((f) => fs.existsSync(path.join(root, f)));
  fs.mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    for (const file of files) {
      const name = path.basename(file).replace(/\.json$/, '');
      let html;
      try {
        html = execFileSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'preview', '--html', file], { cwd: root, encoding: 'utf8' });
      } catch (e) {
        html = e.stdout; // exit 1 still prints the page for a payload with problems
        if (!html) throw new Error(`mwb preview --html ${file} failed: ${e.stderr || e.message}`);
      }
      const htmlFile = path.join(outDir, `${name}.html`);
      fs.writeFileSync(htmlFile, html);
      for (const scheme of ['light', 'dark']) {
        const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 480, height: 800 }, deviceScaleFactor: 1 });
        const page = await context.newPage();
        // The page must need nothing from the network: any request is a bug.
        const requests = [];
        page.on('request', (r) => {
          if (!r.url().startsWith('file:')) requests.push(r.url());
        });
        const cspErrors = [];
        page.on('console', (m) => {
          if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
        });
        await page.goto('file://' + htmlFile);
        const png = path.join(outDir, `${name}-${scheme}.png`);
        await page.screenshot({ path: png, fullPage: true });
        await context.close();
        if (requests.length) console.warn(`${name} (${scheme}): unexpected requests: ${requests.join(', ')}`);
        if (cspErrors.length) console.warn(`${name} (${scheme}): CSP violations: ${cspErrors.join(' | ')}`);
        console.log(path.relative(root, png));
      }
    }
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e.message || e);
  process.exit(1);
});
