/**
 * The Conversations page (dist/conversations.js) in headless chromium, under the webview's CSP: it
 * draws only checked trees, turns clicks into action messages naming the action and the key, and
 * keeps what the user is typing across redraws. Skipped when chromium or the build is missing.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { renderConversations } from '../../../src/preview/conversation';
import type { MessageModel } from '../../../src/core/model';
import { projectRoot } from '../helpers';

const root = projectRoot();
const script = path.join(root, 'dist', 'conversations.js');
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const t = (text: string) => ({ text, pointer: '' });
const model: MessageModel = { provider: 'whatsapp', channel: 'whatsapp', kind: 'buttons', text: t('Deliver tomorrow?'), buttons: [{ kind: 'reply', id: 'yes', title: t('Yes') }], freeForm: true };

function state(seq: number, text = 'Deliver tomorrow?') {
  const tree = renderConversations({
    inbox: { state: 'listening', text: 'Inbox listening' },
    tabs: [],
    thread: {
      key: 'T',
      title: '447700900001',
      sub: 'Sandbox',
      window: { state: 'always', words: 'open' },
      sandbox: true,
      items: [
        {
          kind: 'out',
          key: 'wamid.1',
          time: '12:00',
          model: { ...model, text: t(text) },
          summary: '',
          progress: 'read',
          messageId: 'wamid.1',
          hasRequest: false,
          hasResponse: false,
          tappable: true,
          origin: 'editor',
        },
      ],
    },
  });
  return { type: 'conversations', seq, tree };
}

describe('webview: the Conversations page', function () {
  this.timeout(30000);
  let browser: Browser | undefined;
  let page: Page;

  before(async function () {
    if (!fs.existsSync(script) || !fs.existsSync(chromiumPath)) return this.skip();

    const { chromium } = require('playwright-core') as typeof import('playwright-core');
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-crash-reporter',
        '--disable-breakpad',
      ],
    });
  });
  after(async () => browser?.close());

  beforeEach(async function () {
    if (!browser) return this.skip();
    page = await browser.newPage();
    // As VS Code's webview has it: no eval, the page's script only.
    await page.setContent(
      `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"></head><body><div id="root"></div></body></html>`,
    );
    await page.evaluate(`(() => { window.__posted = []; let s; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), getState: () => s, setState: (x) => (s = x) }); })()`);
    await page.addScriptTag({ content: fs.readFileSync(script, 'utf8') });
  });
  afterEach(async () => page?.close());

  const posted = async () => (await page.evaluate('window.__posted')) as { type: string; action?: string; key?: string; index?: number; text?: string }[];
  const deliver = (msg: unknown) => page.evaluate(`window.postMessage(${JSON.stringify(msg)}, '*')`);

  it('says ready, draws a state, and posts a tap with the message key and button index', async () => {
    assert.deepEqual((await posted())[0], { type: 'ready' });
    await deliver(state(1));
    await page.waitForSelector('button[data-action="tap"]');
    await page.click('button[data-action="tap"]');
    const tap = (await posted()).find((m) => m.type === 'action');
    assert.deepEqual(tap, { type: 'action', action: 'tap', key: 'wamid.1', index: 0 });
    assert.ok(
      (await posted()).some((m) => m.type === 'rendered'),
      'reports the update as painted',
    );
  });

  it('keeps the text being typed across a redraw, and sends it as the customer on Enter', async () => {
    await deliver(state(1));
    await page.waitForSelector('input[data-field="text"]');
    await page.fill('input[data-field="text"]', 'See you at 5');
    await deliver(state(2, 'A status moved'));
    await page.waitForFunction(`document.body.textContent.includes('A status moved')`);
    assert.equal(await page.inputValue('input[data-field="text"]'), 'See you at 5');
    await page.press('input[data-field="text"]', 'Enter');
    assert.deepEqual(
      (await posted()).find((m) => m.action === 'type'),
      { type: 'action', action: 'type', key: 'T', text: 'See you at 5' },
    );
    assert.equal(await page.inputValue('input[data-field="text"]'), '');
  });

  it('draws nothing that fails the protocol (a script, an event handler), and drops a stale update', async () => {
    await deliver(state(5, 'current'));
    await page.waitForFunction(`document.body.textContent.includes('current')`);
    await deliver({ type: 'conversations', seq: 6, tree: { tag: 'div', children: [{ tag: 'script', children: ['window.__pwned = 1'] }] } });
    await deliver({ type: 'conversations', seq: 7, tree: { tag: 'div', attrs: { onclick: 'x' }, children: ['evil'] } });
    await deliver(state(3, 'stale'));
    await deliver(state(8, 'newest'));
    await page.waitForFunction(`document.body.textContent.includes('newest')`);
    assert.equal(await page.evaluate('document.querySelectorAll("script[src], #root script").length'), 0);
    assert.equal(await page.evaluate('window.__pwned'), undefined);
    assert.ok(!String(await page.evaluate('document.body.textContent')).includes('stale'));
  });
});
