import * as assert from 'node:assert/strict';
import { escapeAttr, toHtml, toPage } from '../../../src/preview/page';
import { renderPreview } from '../../../src/preview/document';
import { h } from '../../../src/preview/vnode';
import { model, t } from './fixtures';

const HOSTILE = ['<script>alert(1)</script>', '<img src=x onerror="alert(1)">', '</style><script>x()</script>', '"><svg onload=alert(1)>', "' onmouseover='alert(1)", '&lt;b&gt;'];

/** The tags of a page, by a scan that sees markup exactly as a browser's tokenizer would start it. */
function tags(html: string): string[] {
  return [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => m[1].toLowerCase());
}

describe('preview HTML backend', () => {
  it('escapes text so hostile strings stay text', () => {
    for (const s of HOSTILE) {
      const html = toHtml(h('div', null, s));
      assert.deepEqual(tags(html), ['div', 'div'], html);
      assert.ok(!html.includes('<script'), html);
    }
  });

  it('escapes attribute values, quotes included', () => {
    for (const s of HOSTILE) {
      const html = toHtml(h('div', { title: s }, 'x'));
      assert.equal((html.match(/"/g) ?? []).length, 2, html);
      assert.deepEqual(tags(html), ['div', 'div'], html);
    }
    assert.equal(escapeAttr(`a"b'c<d>&`), 'a&quot;b&#39;c&lt;d&gt;&amp;');
  });

  it('drops tags and attributes outside the allow-list, keeping their text', () => {
    const html = toHtml({ tag: 'script', children: ['x', { tag: 'div', attrs: { onclick: 'evil()', class: 'ok' }, children: ['y'] }] });
    assert.equal(html, 'x<div class="ok">y</div>');
    assert.equal(toHtml({ tag: 'iframe', attrs: { src: 'https://e.x' } }), '');
  });

  it('emits img src only for https URLs', () => {
    assert.equal(toHtml({ tag: 'img', attrs: { src: 'javascript:alert(1)' } }), '<img>');
    assert.equal(toHtml({ tag: 'img', attrs: { src: 'https://e.x/a.png' } }), '<img src="https://e.x/a.png">');
  });

  it('builds a page where payload text never becomes markup', () => {
    const hostile = HOSTILE.join(' ');
    const tree = renderPreview(
      {
        fileName: '<b>evil</b>.whatsapp.json',
        model: model({
          kind: 'buttons',
          header: { kind: 'text', ...t(hostile) },
          text: t(hostile),
          footer: t(hostile),
          buttons: [{ kind: 'url', title: t(hostile), url: hostile }],
        }),
        problems: [{ severity: 'error', code: 'x', message: hostile, start: 0, end: 1, line: 1, column: 1 }],
      },
      {},
    );
    const page = toPage(tree, { title: hostile, css: 'body{color:red}' });
    const allowed = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'div', 'span', 'small', 'header', 'footer', 'time', 'ul', 'li', 'p', 'svg', 'path']);
    for (const tag of tags(page.replace(/^<!DOCTYPE html>/, ''))) assert.ok(allowed.has(tag), `unexpected <${tag}> in page`);
    // The only SVG is the preview's own icons.
    for (const svg of page.match(/<svg[^>]*>/g) ?? []) assert.match(svg, /^<svg class="icon icon-[a-z]+" viewBox="0 0 16 16" aria-hidden="true">$/);
    assert.equal((page.match(/<style>/g) ?? []).length, 1);
    assert.equal((page.match(/<\/style>/g) ?? []).length, 1);
    for (const tag of page.match(/<[a-z][^>]*>/gi) ?? []) assert.ok(!/\son[a-z]+\s*=/i.test(tag.replace(/"[^"]*"/g, '""')), `event handler in ${tag}`);
  });

  it('allows only its own stylesheet by hash, and no scripts', () => {
    const page = toPage(h('div', null, 'x'), { title: 't', css: 'body{color:red}' });
    const csp = page.match(/Content-Security-Policy" content="([^"]*)"/)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /style-src 'sha256-[A-Za-z0-9+/=]+'/);
    assert.ok(!csp.includes('script-src'));
    const { createHash } = require('node:crypto') as typeof import('node:crypto');
    assert.ok(csp.includes(createHash('sha256').update('body{color:red}').digest('base64')));
  });

  it('neutralises a </style in the stylesheet', () => {
    const page = toPage(h('div'), { title: 't', css: 'a{} </style><script>x</script>' });
    assert.equal((page.match(/<\/style>/g) ?? []).length, 1);
    assert.ok(!page.includes('<script>'));
  });
});
