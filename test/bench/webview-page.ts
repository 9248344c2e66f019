/**
 * A webview page for the benches, as VS Code hosts one: the CSP (no eval), the stylesheets, and
 * acquireVsCodeApi recording what the page posts; an update is done when the page reports it painted.
 * Page-side code goes in as strings: the benches compile without DOM types.
 */
import type { Browser, Page } from 'playwright-core';

export async function webviewPage(browser: Browser, css: string, bodyClass = 'vscode-dark'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 600, height: 900 } });
  page.on('pageerror', (e) => console.log(`  page error: ${e.message}`));
  await page.setContent(
    `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"><style>${css}</style></head><body class="${bodyClass}"><div id="root"></div></body></html>`,
  );
  await page.evaluate(`(() => {
    window.__posted = [];
    let state;
    window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push({ m, at: performance.now() }), getState: () => state, setState: (s) => (state = s) });
  })()`);
  return page;
}

/**
 * Posts a host message (JSON text with a `seq`) as VS Code delivers it, a message event, and
 * resolves with the milliseconds until the page reported that update as painted (it does so from
 * its next animation frame); -1 when it did not within 5 s.
 */
export async function untilPainted(page: Page, json: string): Promise<number> {
  return (await page.evaluate(`new Promise((resolve) => {
    const data = ${json};
    const start = performance.now();
    const check = () => {
      const done = window.__posted.find((p) => p.m.type === 'rendered' && p.m.seq === data.seq);
      if (done) resolve(done.at - start);
      else if (performance.now() - start > 5000) resolve(-1);
      else setTimeout(check, 1);
    };
    window.postMessage(data, '*');
    check();
  })`)) as number;
}
