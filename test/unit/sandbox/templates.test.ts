/**
 * The sandbox's template API: paging as Meta pages (every template once, `paging.next` absolute),
 * create then review (APPROVED, or REJECTED with Meta's reason and a status webhook body in Meta's
 * shape), 360dialog's list, auth, and template sends refused as the real API refuses them.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createSandbox, type Sandbox } from '../../../src/sandbox/server';
import type { TemplateStatusUpdate } from '../../../src/sandbox/templates';
import { createHmac } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { projectRoot } from '../helpers';
import { D360_KEY, WHATSAPP_TOKEN, call } from './helpers';

const META = { authorization: `Bearer ${WHATSAPP_TOKEN}` };
const D360 = { 'd360-api-key': D360_KEY };
async function waitUntil<T>(get: () => T | undefined): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const v = get();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('timed out');
}
const example = (f: string) => JSON.parse(fs.readFileSync(path.join(projectRoot(), 'examples', 'templates', f), 'utf8'));

describe('sandbox: template API', () => {
  let sandbox: Sandbox;
  const updates: TemplateStatusUpdate[] = [];
  const list = () => `${sandbox.url}/v21.0/1234567890/message_templates`;
  before(async () => {
    sandbox = await createSandbox({ whatsappTokens: [WHATSAPP_TOKEN], d360Keys: [D360_KEY], templateReviewDelayMs: 20, onTemplateStatus: (u) => updates.push(u) });
  });
  after(() => sandbox.close());

  const waitFor = async (name: string) => {
    for (let i = 0; i < 100 && !updates.some((u) => u.change.name === name); i++) await new Promise((r) => setTimeout(r, 10));
    return updates.find((u) => u.change.name === name)!;
  };

  async function all(limit: number): Promise<{ names: string[]; pages: number }> {
    const names: string[] = [];
    let url: string | undefined = `${list()}?limit=${limit}`;
    let pages = 0;
    while (url) {
      const r = await call(url, 'GET', undefined, META);
      assert.equal(r.status, 200, r.text);
      names.push(...r.json.data.map((d: { name: string }) => d.name));
      url = r.json.paging.next;
      if (url) assert.ok(url.startsWith(sandbox.url), 'next is an absolute URL on the same origin');
      pages++;
    }
    return { names, pages };
  }

  it('lists hello_world and the example templates, every one once across pages', async () => {
    const one = await all(100);
    assert.equal(one.pages, 1);
    assert.ok(one.names.includes('hello_world'));
    assert.ok(one.names.includes('summer_carousel'));
    const paged = await all(2);
    assert.equal(paged.pages, Math.ceil(one.names.length / 2));
    assert.deepEqual(paged.names, one.names);
  });

  it("refuses a list without the token, in Meta's error shape", async () => {
    const r = await call(list(), 'GET');
    assert.equal(r.status, 401);
    assert.equal(r.json.error.code, 190);
  });

  it('creates a template PENDING, then approves it and emits message_template_status_update', async () => {
    const def = { ...example('order-update.template.json'), name: 'order_update_again' };
    const r = await call(list(), 'POST', def, META);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.status, 'PENDING');
    assert.equal(r.json.category, 'UTILITY');
    const listed = await call(`${list()}?name=order_update_again`, 'GET', undefined, META);
    assert.equal(listed.json.data[0].status, 'PENDING');
    const u = await waitFor('order_update_again');
    const time = (u.body.entry as { time: number }[])[0].time;
    assert.ok(Math.abs(time - Date.now() / 1000) < 5, 'time in seconds');
    assert.deepEqual(u.body, {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '1234567890',
          time,
          changes: [
            {
              field: 'message_template_status_update',
              value: {
                event: 'APPROVED',
                message_template_id: Number(r.json.id),
                message_template_name: 'order_update_again',
                message_template_language: 'en_US',
                reason: 'NONE',
                message_template_category: 'UTILITY',
              },
            },
          ],
        },
      ],
    });
    assert.equal((await call(`${list()}?name=order_update_again`, 'GET', undefined, META)).json.data[0].status, 'APPROVED');
  });

  it("rejects a template that breaks one of Meta's rules, with INVALID_FORMAT and the reason", async () => {
    const def = example('order-update.template.json');
    def.name = 'starts_with_a_variable';
    def.components[1].text = '{{1}}, your order {{2}} of {{3}} is confirmed and arrives on {{4}} today.';
    assert.equal((await call(list(), 'POST', def, META)).status, 200);
    const u = await waitFor('starts_with_a_variable');
    const value = (u.body.entry as { changes: { value: Record<string, unknown> }[] }[])[0].changes[0].value;
    assert.equal(value.event, 'REJECTED');
    assert.equal(value.reason, 'INVALID_FORMAT');
    assert.match((value.rejection_info as { reason: string }).reason, /starts with \{\{1\}\}/);
    const listed = (await call(`${list()}?name=starts_with_a_variable`, 'GET', undefined, META)).json.data[0];
    assert.equal(listed.status, 'REJECTED');
    assert.equal(listed.rejected_reason, 'INVALID_FORMAT');
  });

  it('refuses a second translation in the same language (2388024) and a body without a name', async () => {
    const dup = await call(list(), 'POST', example('seasonal-promotion.template.json'), META);
    assert.equal(dup.status, 400);
    assert.equal(dup.json.error.error_subcode, 2388024);
    const bad = await call(list(), 'POST', { language: 'en', category: 'UTILITY', components: [] }, META);
    assert.equal(bad.status, 400);
    assert.match(bad.json.error.error_data.details, /name/);
  });

  it("serves 360dialog's list with its field names and lower-case statuses", async () => {
    const r = await call(`${sandbox.url}/360/v1/configs/templates`, 'GET', undefined, D360);
    assert.equal(r.status, 200);
    assert.equal(r.json.total, r.json.waba_templates.length);
    assert.ok(r.json.waba_templates.every((t: { status: string }) => t.status === t.status.toLowerCase()));
    assert.equal((await call(`${sandbox.url}/360/v1/configs/templates`, 'GET', undefined, META)).status, 401);
  });

  it('posts the review to --webhook as Meta does, signed with the app secret', async () => {
    const received: { body: string; signature?: string }[] = [];
    const hook = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ body, signature: req.headers['x-hub-signature-256'] as string | undefined });
        res.end();
      });
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    const secret = 'app-secret-for-template-webhooks';
    const withHook = await createSandbox({
      whatsappTokens: [WHATSAPP_TOKEN],
      templateReviewDelayMs: 10,
      webhook: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`,
      webhookSecrets: { whatsappAppSecret: secret },
    });
    try {
      const def = { ...example('order-update.template.json'), name: 'webhook_review' };
      assert.equal((await call(`${withHook.url}/v21.0/42/message_templates`, 'POST', def, META)).status, 200);
      const got = await waitUntil(() => received.find((r) => r.body.includes('message_template_status_update')));
      const body = JSON.parse(got.body);
      assert.equal(body.entry[0].changes[0].value.message_template_name, 'webhook_review');
      assert.equal(body.entry[0].changes[0].value.event, 'APPROVED');
      assert.equal(got.signature, `sha256=${createHmac('sha256', secret).update(got.body).digest('hex')}`);
    } finally {
      await withHook.close();
      await new Promise<void>((r) => hook.close(() => r()));
    }
  });

  describe('template sends', () => {
    const send = (template: unknown) => call(`${sandbox.url}/v21.0/106540352242922/messages`, 'POST', { messaging_product: 'whatsapp', to: '447700900000', type: 'template', template }, META);
    it('an unknown template or language is refused at once with 132001 (HTTP 404)', async () => {
      for (const t of [
        { name: 'no_such_template', language: { code: 'en_US' } },
        { name: 'hello_world', language: { code: 'de' } },
      ]) {
        const r = await send(t);
        assert.equal(r.status, 404);
        assert.equal(r.json.error.code, 132001);
        assert.match(r.json.error.error_data.details, /does not exist in/);
      }
    });
    it('a pending or rejected template is refused with 132001; an approved one is sent', async () => {
      const def = { ...example('seasonal-promotion.template.json'), name: 'slow_review', language: 'en_US' };
      const slow = await createSandbox({ whatsappTokens: [WHATSAPP_TOKEN], templateReviewDelayMs: 60_000 });
      try {
        assert.equal((await call(`${slow.url}/v21.0/1/message_templates`, 'POST', def, META)).status, 200);
        const r = await call(
          `${slow.url}/v21.0/1/messages`,
          'POST',
          { messaging_product: 'whatsapp', to: '447700900000', type: 'template', template: { name: 'slow_review', language: { code: 'en_US' } } },
          META,
        );
        assert.equal(r.json.error.code, 132001);
        assert.match(r.json.error.error_data.details, /pending/);
      } finally {
        await slow.close();
      }
      assert.equal((await send({ name: 'starts_with_a_variable', language: { code: 'en_US' } })).json.error.code, 132001);
      assert.equal((await send({ name: 'hello_world', language: { code: 'en_US' } })).status, 200);
    });
    it('parameters that do not fit: 132000 for the count, 132012 for a wrong kind', async () => {
      const count = await send({ name: 'order_update', language: { code: 'en_US' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'only one' }] }] });
      assert.equal(count.json.error.code, 132000);
      const kind = await send({
        name: 'order_update',
        language: { code: 'en_US' },
        components: [
          { type: 'header', parameters: [{ type: 'video', video: { link: 'https://example.com/v.mp4' } }] },
          { type: 'body', parameters: ['a', 'b', 'c', 'd'].map((text) => ({ type: 'text', text })) },
          { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: 'x' }] },
        ],
      });
      assert.equal(kind.json.error.code, 132012);
    });
  });
});
