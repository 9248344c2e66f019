/**
 * `mwb templates pull|push` against a local Graph-like server: pull follows every page (absolute
 * `paging.next`), writes Meta's format with status and reason, and never sends the token to another
 * host; push lints first, posts the file's definition to /{version}/{WABA}/message_templates and
 * explains the answer; exit codes per DESIGN.md.
 */
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { projectRoot } from '../../helpers';

const cli = path.join(projectRoot(), 'dist', 'cli.js');
const TOKEN = 'EAAG-templates-test-token-0123456789';
const WABA = '102290129340398';

interface Seen {
  method: string;
  url: string;
  auth?: string;
  body: string;
}

/** A Graph-like server: `pages` pages of templates, each `next` an absolute URL to itself. */
async function graph(pages: number, perPage: number, answer?: (seen: Seen, res: http.ServerResponse) => boolean) {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const s: Seen = { method: req.method ?? '', url: req.url ?? '', auth: req.headers.authorization, body };
      seen.push(s);
      if (answer?.(s, res)) return;
      const u = new URL(s.url, 'http://x');
      const page = Number(u.searchParams.get('after') ?? 0);
      const data = Array.from({ length: perPage }, (_, i) => {
        const n = page * perPage + i;
        return {
          name: `template_${n}`,
          language: 'en_US',
          category: 'UTILITY',
          status: n === 1 ? 'REJECTED' : 'APPROVED',
          ...(n === 1 ? { rejected_reason: 'INVALID_FORMAT' } : {}),
          id: String(1000 + n),
          components: [{ type: 'BODY', text: `Hello {{1}}, this is template ${n}.`, example: { body_text: [['Ann']] } }],
        };
      });
      const paging: Record<string, unknown> = { cursors: { before: String(page), after: String(page + 1) } };
      if (page + 1 < pages) paging.next = `http://127.0.0.1:${(server.address() as AddressInfo).port}${u.pathname}?limit=${perPage}&after=${page + 1}`;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data, paging }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, close: () => new Promise<void>((r) => server.close(() => r())) };
}

function mwb(args: string[], env: Record<string, string>, cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { cwd, env: { PATH: process.env.PATH ?? '', ...env } }, (e, stdout, stderr) => resolve({ code: e ? Number(e.code) : 0, stdout, stderr }));
  });
}

describe('mwb templates', function () {
  this.timeout(30000);
  let dir: string;
  const env = { WHATSAPP_TOKEN: TOKEN, WHATSAPP_WABA_ID: WABA };
  before(() => {
    assert.ok(fs.existsSync(cli), 'dist/cli.js missing: run `npm run build` first');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mwb-templates-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("pull follows every page into whatsapp.templates.json, in Meta's format with status and reason", async () => {
    const server = await graph(4, 3);
    try {
      const r = await mwb(['templates', 'pull', '--endpoint', server.url], env, dir);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(server.seen.length, 4);
      assert.match(server.seen[0].url, new RegExp(`^/v\\d+\\.\\d+/${WABA}/message_templates\\?`));
      assert.ok(server.seen.every((s) => s.auth === `Bearer ${TOKEN}`));
      const out = JSON.parse(r.stdout);
      assert.equal(out.count, 12);
      assert.equal(out.pages, 4);
      assert.deepEqual(out.byStatus, { APPROVED: 11, REJECTED: 1 });
      const file = JSON.parse(fs.readFileSync(path.join(dir, 'whatsapp.templates.json'), 'utf8'));
      assert.deepEqual(
        file.data.map((d: { name: string }) => d.name),
        Array.from({ length: 12 }, (_, i) => `template_${i}`),
      );
      assert.equal(file.data[1].rejected_reason, 'INVALID_FORMAT');
      assert.equal(file.pulled.from, `${server.url}/v21.0/${WABA}/message_templates`);
      assert.ok(!r.stdout.includes(TOKEN) && !r.stderr.includes(TOKEN) && !fs.readFileSync(path.join(dir, 'whatsapp.templates.json'), 'utf8').includes(TOKEN));
      assert.match(r.stderr, /Pulled 12 templates \(4 pages\)/);
    } finally {
      await server.close();
    }
  });

  it('pull a second time replaces the pulled catalog, but never a hand-written one', async () => {
    const server = await graph(1, 2);
    try {
      assert.equal((await mwb(['templates', 'pull', '--endpoint', server.url, '--out', 'sub/account.templates.json'], env, dir)).code, 0);
      assert.equal((await mwb(['templates', 'pull', '--endpoint', server.url, '--out', 'sub/account.templates.json'], env, dir)).code, 0);
      fs.writeFileSync(path.join(dir, 'mine.templates.json'), JSON.stringify({ templates: [{ name: 'x', body: 'y' }] }));
      const r = await mwb(['templates', 'pull', '--endpoint', server.url, '--out', 'mine.templates.json'], env, dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /not written by a pull/);
      assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'mine.templates.json'), 'utf8')).templates[0].name, 'x');
    } finally {
      await server.close();
    }
  });

  it('pull does not follow a next page on another host (the token would go there)', async () => {
    const server = await graph(1, 1, (s, res) => {
      if (s.url.includes('after')) return false;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: [{ name: 'a', language: 'en', category: 'UTILITY', components: [] }], paging: { next: 'http://localhost:1/v21.0/1/message_templates?after=1' } }));
      return true;
    });
    try {
      const r = await mwb(['templates', 'pull', '--endpoint', server.url, '--out', 'other.templates.json'], env, dir);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /not followed/);
      assert.equal(server.seen.length, 1);
      assert.ok(!fs.existsSync(path.join(dir, 'other.templates.json')));
    } finally {
      await server.close();
    }
  });

  it("pull: an API error exits 1 with Meta's words; no token or no WABA id exits 2", async () => {
    const server = await graph(1, 1, (_s, res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'Error validating access token', type: 'OAuthException', code: 190 } }));
      return true;
    });
    try {
      const refused = await mwb(['templates', 'pull', '--endpoint', server.url], env, dir);
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /code 190: Error validating access token/);
      assert.equal((await mwb(['templates', 'pull', '--endpoint', server.url], { WHATSAPP_WABA_ID: WABA }, dir)).code, 2);
      const noWaba = await mwb(['templates', 'pull', '--endpoint', server.url], { WHATSAPP_TOKEN: TOKEN }, dir);
      assert.equal(noWaba.code, 2);
      assert.match(noWaba.stderr, /WHATSAPP_WABA_ID/);
      assert.equal((await mwb(['templates', 'pull', '--out', 'x.json'], env, dir)).code, 2, 'a catalog name is required');
      assert.equal((await mwb(['templates'], env, dir)).code, 2);
    } finally {
      await server.close();
    }
  });

  it("push posts the file's definition to the WABA's message_templates and explains the answer", async () => {
    const server = await graph(1, 1, (s, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: '1689556908129832', status: 'PENDING', category: 'MARKETING' }));
      return s.method === 'POST';
    });
    try {
      const file = path.join(projectRoot(), 'examples', 'templates', 'order-update.template.json');
      const r = await mwb(['templates', 'push', '--endpoint', server.url, file], env, dir);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(server.seen.length, 1);
      const [post] = server.seen;
      assert.equal(post.method, 'POST');
      assert.equal(post.url, `/v21.0/${WABA}/message_templates`);
      assert.equal(post.auth, `Bearer ${TOKEN}`);
      assert.deepEqual(JSON.parse(post.body), JSON.parse(fs.readFileSync(file, 'utf8')));
      const out = JSON.parse(r.stdout);
      assert.equal(out.outcome, 'created');
      assert.equal(out.id, '1689556908129832');
      assert.equal(out.status, 'PENDING');
      assert.match(r.stderr, /changed its category from UTILITY to MARKETING/);
    } finally {
      await server.close();
    }
  });

  it("push refuses a definition with errors without sending it, and reports Meta's refusal by code", async () => {
    const server = await graph(1, 1, (s, res) => {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'Invalid parameter', type: 'OAuthException', code: 100, error_subcode: 2388024, error_user_title: 'Message template already exists' } }));
      return true;
    });
    try {
      const bad = path.join(dir, 'bad.template.json');
      const def = JSON.parse(fs.readFileSync(path.join(projectRoot(), 'examples', 'templates', 'order-update.template.json'), 'utf8'));
      fs.writeFileSync(bad, JSON.stringify({ ...def, name: 'Order Update' }, null, 2));
      const refused = await mwb(['templates', 'push', '--endpoint', server.url, bad], env, dir);
      assert.equal(refused.code, 1);
      assert.equal(server.seen.length, 0, 'nothing sent');
      assert.match(refused.stderr, /bad\.template\.json:2:\d+: error: .*\[template-name at \/name\]/);
      assert.equal(JSON.parse(refused.stdout).outcome, 'not-sent');
      const good = path.join(dir, 'good.template.json');
      fs.writeFileSync(good, JSON.stringify(def));
      const dup = await mwb(['templates', 'push', '--endpoint', server.url, good], env, dir);
      assert.equal(dup.code, 1);
      assert.equal(JSON.parse(dup.stdout).subcode, '2388024');
      assert.match(dup.stderr, /already exists in this language/);
    } finally {
      await server.close();
    }
  });

  it('a server error on push is reported as unknown, sent once, never retried', async () => {
    const server = await graph(1, 1, (_s, res) => {
      res.writeHead(503);
      res.end();
      return true;
    });
    try {
      const r = await mwb(['templates', 'push', '--endpoint', server.url, path.join(projectRoot(), 'examples', 'templates', 'order-update.template.json')], env, dir);
      assert.equal(r.code, 1);
      assert.equal(server.seen.length, 1);
      assert.equal(JSON.parse(r.stdout).outcome, 'unknown');
      assert.match(r.stderr, /may or may not have been created/);
    } finally {
      await server.close();
    }
  });
});
