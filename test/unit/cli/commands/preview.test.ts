import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../../../src/cli/commands/preview';
import { listFiles, projectRoot } from '../../helpers';
import { sink } from '../../../../src/cli/output';

/** Run `mwb preview` in-process and capture what it prints. */
async function preview(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const write = sink.write;
  sink.write = (fd, s) => {
    const line = s.endsWith('\n') ? s : `${s}\n`;
    if (fd === 1) stdout += line;
    else stderr += line;
  };
  try {
    const code = await run(args);
    return { code, stdout, stderr };
  } finally {
    sink.write = write;
  }
}

function tempPayload(name: string, value: unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mwb-preview-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
}

/** Real tags of a page: text is escaped, so every `<` that starts a tag is markup. */
const tagsOf = (html: string) => [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => m[1].toLowerCase());

/** The inner HTML of the message body (the first `.body` div). */
function bodyHtml(page: string): string {
  const start = page.indexOf('<div class="body">');
  assert.ok(start >= 0, 'page has a message body');
  let depth = 0;
  for (const m of page.slice(start).matchAll(/<(\/?)div\b[^>]*>/g)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return page.slice(start + '<div class="body">'.length, start + m.index);
  }
  throw new Error('unbalanced body');
}

describe('mwb preview', () => {
  it('prints a self-contained page where hostile payload text stays text', async () => {
    const hostile = `<script>alert(1)</script> <img src=x onerror="alert(1)"> </style><b>x</b> "quoted" 'single'`;
    const file = tempPayload('evil.gateway.json', {
      token: 't',
      phone: '+14155552671',
      message: `*Hi* ${hostile}`,
      header: hostile.slice(0, 50),
      footer: '</style>',
      buttons: [{ id: '"><svg onload=x>', title: '<b>t</b>' }],
    });
    const { code, stdout } = await preview(['--html', file]);
    assert.equal(code, 0);
    const allowed = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'div', 'span', 'small', 'header', 'footer', 'time', 'ul', 'li', 'p', 'strong', 'svg', 'path']);
    for (const tag of tagsOf(stdout.replace(/^<!DOCTYPE html>/, ''))) assert.ok(allowed.has(tag), `unexpected <${tag}>`);
    // The only SVG is the preview's own icons.
    for (const svg of stdout.match(/<svg[^>]*>/g) ?? []) assert.match(svg, /^<svg class="icon icon-[a-z]+" viewBox="0 0 16 16" aria-hidden="true">$/);
    assert.equal((stdout.match(/<\/style>/g) ?? []).length, 1);
    assert.match(stdout, /<strong>Hi<\/strong>/);
    assert.match(stdout, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(stdout, /http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-/);
    assert.ok(!/<script/i.test(stdout));
  });

  const CASES: [string, string][] = [
    ['*bold*', '<p><strong>bold</strong></p>'],
    ['snake_case_word', '<p>snake_case_word</p>'],
    ['2 * 3 = *6*', '<p>2 * 3 = <strong>6</strong></p>'],
    ['a*b*c', '<p>a*b*c</p>'],
    ['* x *', '<ul><li>x *</li></ul>'],
    ['~gone~ and `code`', '<p><s>gone</s> and <code>code</code></p>'],
    ['> quoted', '<blockquote>quoted</blockquote>'],
    ['1. one\n2. two', '<ol><li>one</li><li>two</li></ol>'],
    ['- a\n- b', '<ul><li>a</li><li>b</li></ul>'],
    ['```\n*lit*\n```', '<pre><code>\n*lit*\n</code></pre>'],
    ['_it_ <i>', '<p><em>it</em> &lt;i&gt;</p>'],
  ];
  for (const [message, html] of CASES) {
    it(`renders ${JSON.stringify(message)} as WhatsApp does`, async () => {
      const { stdout } = await preview(['--html', tempPayload('f.gateway.json', { token: 't', phone: '+14155552671', message })]);
      assert.equal(bodyHtml(stdout), html);
    });
  }

  it('prints a text view without --html', async () => {
    const { code, stdout } = await preview([tempPayload('t.gateway.json', { token: 't', phone: '+14155552671', message: 'Hello *there*', buttons: [{ id: 'a', title: 'OK' }] })]);
    assert.equal(code, 0);
    assert.match(stdout, /Hello \*there\*/);
    assert.match(stdout, /\[ OK \]/);
    assert.ok(!stdout.includes('<'));
  });

  it('exits 2 with a sentence when the file cannot be read', async () => {
    const { code, stderr } = await preview(['--html', path.join(os.tmpdir(), 'no-such-dir', 'x.gateway.json')]);
    assert.equal(code, 2);
    assert.match(stderr, /x\.gateway\.json/);
    assert.ok(!stderr.includes('    at '), 'no stack trace');
  });

  it('exits 1 naming the file when it is not JSON text (binary)', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mwb-preview-')), 'bin.gateway.json');
    fs.writeFileSync(file, Buffer.from([0x7b, 0x00, 0x01, 0x02]));
    const { code, stderr } = await preview([file]);
    assert.equal(code, 1);
    assert.match(stderr, /bin\.gateway\.json: This is a binary file/);
  });

  it('previews every example without failing', async () => {
    const examples = listFiles(path.join(projectRoot(), 'examples'), (f) => f.endsWith('.json') && !f.endsWith('.templates.json'));
    for (const f of examples) {
      const { code, stdout } = await preview(['--html', f]);
      assert.equal(code, 0, f);
      assert.match(stdout, /class="phone channel-/, f);
    }
  });
});
