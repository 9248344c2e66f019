#!/usr/bin/env node
// Screenshots of the standalone preview page (`mwb preview --html`) in headless chromium, light
// and dark, for people to look at: `node test/preview-screenshots.js [FILE...]` after a build.
// Output: test-results/preview/<name>-{light,dark}.png (git-ignored).
// Then the webview page itself (dist/webview.js + dist/preview.css, as VS Code loads them, with a
// stand-in for the VS Code API) in the light, dark and high-contrast themes:
// test-results/preview/webview-<name>-{light,dark,hc}.png, checking that hostile text stays text
// and that clicking a problem asks the host to reveal it.
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
    await webviewShots(browser, files);
  } finally {
    await browser.close();
  }
}

// Roughly the variables VS Code sets for its default themes: enough to see the chrome follow the theme.
const THEMES = {
  light: { cls: 'vscode-light', vars: { '--vscode-foreground': '#3b3b3b', '--vscode-editor-background': '#ffffff', '--vscode-descriptionForeground': '#717171', '--vscode-panel-border': '#e5e5e5' } },
  dark: {
    cls: 'vscode-dark',
    vars: {
      '--vscode-foreground': '#cccccc',
      '--vscode-editor-background': '#1f1f1f',
      '--vscode-descriptionForeground': '#9d9d9d',
      '--vscode-panel-border': '#2b2b2b',
      '--vscode-list-hoverBackground': '#2a2d2e',
    },
  },
  hc: {
    cls: 'vscode-high-contrast',
    vars: {
      '--vscode-foreground': '#ffffff',
      '--vscode-editor-background': '#000000',
      '--vscode-descriptionForeground': '#ffffff',
      '--vscode-panel-border': '#6fc3df',
      '--vscode-contrastBorder': '#6fc3df',
    },
  },
};

async function webviewShots(browser, files) {
  // What the extension loads to check and preview (dist/domain.js is the sending half).
  const domain = require(path.join(root, 'dist', 'validation.js'));
  const js = fs.readFileSync(path.join(root, 'dist', 'webview.js'), 'utf8');
  const css = fs.readFileSync(path.join(root, 'dist', 'preview.css'), 'utf8');
  const hostile = {
    token: 't',
    phone: '+1 415 555 2671',
    message: '*Hi* <script>window.pwned=1</script> <img src=x onerror="window.pwned=2">\n> quoted _it_',
    header: '</style><b>h</b>',
    buttons: [{ id: 'a', title: '"><svg onload=window.pwned=3>' }],
  };
  const cases = [
    ...files.slice(0, 3).map((f) => ({ name: path.basename(f).replace(/\.json$/, ''), file: f, text: fs.readFileSync(path.join(root, f), 'utf8') })),
    { name: 'hostile.gateway', file: 'hostile.gateway.json', text: JSON.stringify(hostile, null, 2) },
  ];
  for (const c of cases) {
    const result = domain.validateText(c.text, { fileName: c.file, templates: domain.createCatalog() });
    const problems = domain.locateProblems(c.text, result.problems);
    const tree = domain.renderPreview({ fileName: path.basename(c.file), model: result.model, problems, doc: result.doc }, { templates: domain.createCatalog(), time: '12:00' });
    for (const [theme, t] of Object.entries(THEMES)) {
      const context = await browser.newContext({ viewport: { width: 480, height: 800 } });
      const page = await context.newPage();
      page.on('pageerror', (e) => console.warn(`${c.name} (${theme}): page error: ${e.message} ${e.stack}`));
      const style = Object.entries(t.vars)
        .map(([k, v]) => `${k}:${v}`)
        .join(';');
      await page.setContent(
        `<!DOCTYPE html><html style="${style}"><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"><style>${css}</style></head><body class="${t.cls}"><div id="root"></div></body></html>`,
      );
      await page.evaluate(
        `(() => { window.__posted = []; let st; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), getState: () => st, setState: (s) => (st = s) }); window.__csp = []; document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI)); })()`,
      );
      await page.addScriptTag({ content: js });
      await page.evaluate((msg) => window.postMessage(msg, '*'), { type: 'state', seq: 1, uri: 'file:///' + c.file, fileName: path.basename(c.file), tree });
      // Polled from here: waitForFunction needs eval, which the page's CSP rightly forbids.
      for (let i = 0; i < 200 && !(await page.evaluate(() => window.__posted.some((m) => m.type === 'rendered'))); i++) await new Promise((r) => setTimeout(r, 25));
      const png = path.join(outDir, `webview-${c.name}-${theme}.png`);
      await page.screenshot({ path: png, fullPage: true });
      const check = await page.evaluate(() => ({ scripts: document.querySelectorAll('#root script, #root img, #root svg:not(.icon), #root svg *:not(path)').length, pwned: window.pwned }));
      const csp = await page.evaluate(() => window.__csp);
      if (csp.length) console.warn(`${c.name} (${theme}): CSP violations: ${csp.join(', ')}`);
      if (check.scripts || check.pwned) console.warn(`${c.name} (${theme}): hostile text became markup: ${JSON.stringify(check)}`);
      if (problems.length) {
        await page.click('.problem');
        const reveal = await page.evaluate(() => window.__posted.find((m) => m.type === 'reveal'));
        if (!reveal || reveal.start !== problems[0].start) console.warn(`${c.name} (${theme}): clicking a problem did not ask to reveal it`);
      }
      if (await page.$('.rejected')) {
        const before = await page.evaluate(() => window.__posted.filter((m) => m.type === 'reveal').length);
        await page.click('.rejected');
        const reveals = await page.evaluate(() => window.__posted.filter((m) => m.type === 'reveal'));
        if (reveals.length !== before + 1) console.warn(`${c.name} (${theme}): clicking a rejected part did not ask to reveal its fault`);
      }
      await context.close();
      console.log(path.relative(root, png));
    }
  }
}

main().catch((e) => {
  console.error(e.message || e);
  process.exit(1);
});
