import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AddressInfo, Socket } from 'node:net';
import { mwb } from '../run-mwb';

const ENV = { WHATSAPP_TOKEN: 'EAAbulktoken0123456789', WHATSAPP_PHONE_NUMBER_ID: '106540352242922' };

interface Arrival {
  to: string;
  body: string;
  at: number;
}

/** A Cloud API stand-in: records each accepted message; `answer` may delay, throttle or refuse. */
async function cloudServer(answer: (n: number, to: string) => { status: number; headers?: Record<string, string>; delayMs?: number } = () => ({ status: 200 })) {
  const arrivals: Arrival[] = [];
  let n = 0;
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const to = (JSON.parse(raw) as { to: string }).to;
      const a = answer(n++, to);
      const reply = () => {
        if (a.status === 200) {
          arrivals.push({ to, body: raw, at: Date.now() });
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ messaging_product: 'whatsapp', contacts: [{ input: to, wa_id: to }], messages: [{ id: `wamid.${to}` }] }));
        } else res.writeHead(a.status, { 'content-type': 'application/json', ...a.headers }).end(JSON.stringify({ error: { message: 'slow down', code: a.status === 429 ? 130429 : 1 } }));
      };
      if (a.delayMs) setTimeout(reply, a.delayMs);
      else reply();
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    arrivals,
    get requests() {
      return n;
    },
    close: () => new Promise<void>((resolve) => (sockets.forEach((s) => s.destroy()), server.close(() => resolve()))),
  };
}

function numbers(count: number, from = 1): string[] {
  return Array.from({ length: count }, (_, i) => `4477009${String(from + i).padStart(5, '0')}`);
}

describe('mwb bulk', function () {
  this.timeout(60000);
  let dir: string;
  let payload: string;
  let server: Awaited<ReturnType<typeof cloudServer>> | undefined;
  const write = (name: string, content: string) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, content);
    return f;
  };
  const list = (name: string, tos: string[]) => write(name, ['TO,NAME', ...tos.map((t, i) => `${t},"Person ${i + 1}, ""the"" one"`)].join('\n') + '\n');
  const journalLines = (file: string) =>
    fs
      .readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { t: string; line: number; outcome?: string });

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mwb-bulk-'));
    payload = write('hi.whatsapp.json', JSON.stringify({ messaging_product: 'whatsapp', recipient_type: 'individual', to: '{{TO}}', type: 'text', text: { body: 'Hello {{NAME}}' } }));
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('1,000 rows arrive as exactly 1,000 requests with the right bodies; the report and journal say so; exit 0', async () => {
    server = await cloudServer();
    const tos = numbers(1000);
    const rec = list('list.csv', tos);
    const r = await mwb(
      ['bulk', '--json', '--payload', payload, '--recipients', rec, '--endpoint', server.url, '--rate', '1000', '--concurrency', '16', '--report', path.join(dir, 'report.csv')],
      ENV,
    );
    assert.equal(r.code, 0, r.stderr);
    assert.equal(server.requests, 1000);
    assert.deepEqual(server.arrivals.map((a) => a.to).sort(), [...tos].sort());
    const byTo = new Map(server.arrivals.map((a) => [a.to, JSON.parse(a.body)]));
    assert.deepEqual(byTo.get(tos[41]), { messaging_product: 'whatsapp', recipient_type: 'individual', to: tos[41], type: 'text', text: { body: 'Hello Person 42, "the" one' } });
    const out = JSON.parse(r.stdout);
    assert.equal(out.sent, 1000);
    assert.equal(out.requests, 1000);
    const report = fs.readFileSync(path.join(dir, 'report.csv'), 'utf8').trim().split('\n');
    assert.equal(report[0], 'line,recipient,outcome,messageId,status,problem');
    assert.equal(report.length, 1001);
    assert.ok(report.includes(`43,${tos[41]},sent,wamid.${tos[41]},200,`));
    const j = journalLines(`${rec}.journal.jsonl`);
    assert.equal(j.filter((x) => x.t === 'intent').length, 1000);
    assert.equal(j.filter((x) => x.t === 'outcome' && x.outcome === 'sent').length, 1000);
    assert.ok(!r.stdout.includes(ENV.WHATSAPP_TOKEN) && !fs.readFileSync(`${rec}.journal.jsonl`, 'utf8').includes(ENV.WHATSAPP_TOKEN));
  });

  it('keeps to --rate: 60 rows at 20/s take about 3 s and no second sees more than 21', async () => {
    server = await cloudServer();
    const r = await mwb(['bulk', '--payload', payload, '--recipients', list('l.csv', numbers(60)), '--endpoint', server.url, '--rate', '20'], ENV);
    assert.equal(r.code, 0, r.stderr);
    const at = server.arrivals.map((a) => a.at).sort((a, b) => a - b);
    assert.equal(at.length, 60);
    assert.ok(at[59] - at[0] >= 2700, `60 rows in ${at[59] - at[0]} ms`);
    for (let i = 0; i + 21 < at.length; i++) assert.ok(at[i + 21] - at[i] >= 950, `22 arrivals within ${at[i + 21] - at[i]} ms`);
  });

  it('429 with Retry-After: the run waits, loses no row and doubles none', async () => {
    server = await cloudServer((n) => (n < 3 ? { status: 429, headers: { 'retry-after': '1' } } : { status: 200 }));
    const tos = numbers(30);
    const t0 = Date.now();
    const r = await mwb(['bulk', '--json', '--payload', payload, '--recipients', list('l.csv', tos), '--endpoint', server.url, '--rate', '200'], ENV);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(Date.now() - t0 >= 1000);
    assert.deepEqual(server.arrivals.map((a) => a.to).sort(), tos);
    const out = JSON.parse(r.stdout);
    assert.ok(out.throttled >= 1);
    assert.equal(out.sent, 30);
  });

  it('SIGKILL mid-run, then the same command: no row twice, and every row that never arrived is reported unknown', async () => {
    server = await cloudServer(() => ({ status: 200, delayMs: 40 }));
    const tos = numbers(300);
    const rec = list('l.csv', tos);
    const args = ['bulk', '--json', '--payload', payload, '--recipients', rec, '--endpoint', server.url, '--rate', '200', '--concurrency', '8', '--report', path.join(dir, 'r.json')];
    let pid = 0;
    const first = mwb(args, ENV, { onSpawn: (p) => (pid = p) });
    while (server.arrivals.length < 100) await new Promise((r) => setTimeout(r, 10));
    process.kill(pid, 'SIGKILL');
    assert.equal((await first).signal, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 100));
    const second = await mwb(args, ENV);
    assert.equal(second.code, 1, second.stderr);
    const arrived = server.arrivals.map((a) => a.to);
    assert.equal(new Set(arrived).size, arrived.length, 'a row arrived twice');
    const out = JSON.parse(second.stdout);
    const unknown = new Set((out.unknownRows as { recipient: string }[]).map((u) => u.recipient));
    const never = tos.filter((t) => !arrived.includes(t));
    for (const t of never) assert.ok(unknown.has(t), `${t} never arrived and is not reported unknown`);
    assert.ok(unknown.size <= 8 + 8, `${unknown.size} unknown rows`);
    assert.equal(out.sent + out.unknown, 300);
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'r.json'), 'utf8'));
    assert.equal(report.rows.length, 300);
    assert.equal(report.summary.unknown, unknown.size);

    // --resend-unknown sends exactly those, once.
    const third = await mwb([...args, '--resend-unknown'], ENV);
    assert.equal(third.code, 0, third.stderr);
    assert.equal(server.arrivals.length, arrived.length + unknown.size);
    assert.deepEqual(new Set(server.arrivals.map((a) => a.to)), new Set(tos));
  });

  it('Ctrl-C lets the requests in flight finish and leaves every intent with an outcome', async () => {
    server = await cloudServer(() => ({ status: 200, delayMs: 100 }));
    const rec = list('l.csv', numbers(200));
    let pid = 0;
    const run = mwb(['bulk', '--payload', payload, '--recipients', rec, '--endpoint', server.url, '--rate', '100', '--concurrency', '8'], ENV, { onSpawn: (p) => (pid = p) });
    while (server.arrivals.length < 20) await new Promise((r) => setTimeout(r, 10));
    process.kill(pid, 'SIGINT');
    const r = await run;
    assert.equal(r.code, 1);
    assert.match(r.stdout, /Stopped \(Ctrl-C\)/);
    const j = journalLines(`${rec}.journal.jsonl`);
    const intents = new Set(j.filter((x) => x.t === 'intent').map((x) => x.line));
    const outcomes = new Set(j.filter((x) => x.t === 'outcome').map((x) => x.line));
    assert.deepEqual(
      [...intents].filter((l) => !outcomes.has(l)),
      [],
    );
    assert.equal(server.arrivals.length, j.filter((x) => x.t === 'outcome' && x.outcome === 'sent').length);
    assert.ok(server.arrivals.length < 200);
  });

  it('reports an invalid row with its line and sends the others; an identical row is skipped; exit 1', async () => {
    server = await cloudServer();
    const rec = write('l.csv', 'TO,NAME\n447700900001,Ann\n447700900002,"Bo"\n,Nobody\n447700900001,Ann\n');
    const r = await mwb(['bulk', '--json', '--payload', payload, '--recipients', rec, '--endpoint', server.url, '--report', path.join(dir, 'r.jsonl')], ENV);
    assert.equal(r.code, 1);
    assert.equal(server.requests, 2);
    const rows = fs
      .readFileSync(path.join(dir, 'r.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const byLine = new Map(rows.map((x) => [x.line, x]));
    assert.equal(byLine.get(4).outcome, 'invalid');
    assert.match(byLine.get(4).problem, /\/to/);
    assert.equal(byLine.get(5).outcome, 'skipped');
    assert.match(byLine.get(5).problem, /same recipient as line 2/);
  });

  it('refuses before sending anything: a missing column (1), a journal of another list (2), an unwritable journal (2)', async () => {
    server = await cloudServer();
    const noName = write('noname.csv', 'TO,FIRST\n447700900001,Ann\n');
    let r = await mwb(['bulk', '--payload', payload, '--recipients', noName, '--endpoint', server.url], ENV);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /no column "NAME" for the payload's \{\{NAME\}\}.*Nothing was sent/);

    const a = list('a.csv', numbers(3));
    const b = list('b.csv', numbers(3, 100));
    const journal = path.join(dir, 'shared.jsonl');
    r = await mwb(['bulk', '--payload', payload, '--recipients', a, '--endpoint', server.url, '--journal', journal], ENV);
    assert.equal(r.code, 0, r.stderr);
    r = await mwb(['bulk', '--payload', payload, '--recipients', b, '--endpoint', server.url, '--journal', journal], ENV);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /belongs to another recipient list/);

    r = await mwb(['bulk', '--payload', payload, '--recipients', b, '--endpoint', server.url, '--journal', path.join(dir, 'missing', 'j.jsonl')], ENV);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot be created.*Nothing was sent/);
    assert.equal(server.requests, 3);
  });

  it('--dry-run checks every row, shows the first request without credentials, sends and journals nothing', async () => {
    server = await cloudServer();
    const rec = list('l.csv', numbers(5));
    const r = await mwb(['bulk', '--dry-run', '--payload', payload, '--recipients', rec, '--endpoint', server.url], ENV);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /POST http:\/\/127\.0\.0\.1:\d+\/v21\.0\/106540352242922\/messages/);
    assert.match(r.stdout, /Hello Person 1/);
    assert.equal(server.requests, 0);
    assert.equal(fs.existsSync(`${rec}.journal.jsonl`), false);
  });
});
