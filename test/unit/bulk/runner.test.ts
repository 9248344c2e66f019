import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { runBulk, type BulkInput } from '../../../src/bulk/runner';
import { readJournal, type JournalIo } from '../../../src/bulk/journal';
import type { Profile } from '../../../src/core/profile';

describe('bulk/runner', function () {
  this.timeout(20000);
  let dir: string;
  let server: http.Server;
  let url: string;
  const bodies: { to: string; text: string }[] = [];
  let throttledOnce = false;
  let pairOnce = false;
  before(async () => {
    server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        const b = JSON.parse(raw);
        if (b.to === '447700900099' && !pairOnce) {
          // The pair rate limit: too fast for this one number; the sandbox answers it as a 429.
          pairOnce = true;
          res.writeHead(429, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'Pair rate limit hit', code: 131056 } }));
          return;
        }
        if (b.to === '447700900013' && !throttledOnce) {
          // Meta's throughput error comes as a 400 with code 130429: not taken, send again.
          throttledOnce = true;
          res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'Rate limit hit', code: 130429 } }));
          return;
        }
        bodies.push({ to: b.to, text: b.text.body });
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ messages: [{ id: `wamid.${b.to}` }] }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise((r) => server.close(r)));
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mwb-runner-'));
    bodies.length = 0;
    throttledOnce = false;
    pairOnce = false;
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const profile: Profile = { name: 'Test', provider: 'whatsapp', auth: 'bearer', endpoint: '', phoneNumberId: '1', graphVersion: 'v21.0' };
  const input = (rows: string[], extra: Partial<BulkInput> = {}): BulkInput => {
    const list = path.join(dir, 'l.csv');
    fs.writeFileSync(list, ['TO,NAME', ...rows].join('\n') + '\n');
    return {
      payloadFile: path.join(dir, 'p.whatsapp.json'),
      payloadText: JSON.stringify({ messaging_product: 'whatsapp', to: '{{TO}}', type: 'text', text: { body: 'Hi {{NAME}}' } }),
      recipientsFile: list,
      profile: { ...profile, endpoint: url },
      secrets: { token: 'tok-123456' },
      concurrency: 4,
      rate: 500,
      journalFile: path.join(dir, 'j.jsonl'),
      ...extra,
    };
  };
  const rows = (n: number) => Array.from({ length: n }, (_, i) => `4477009000${String(i + 10).padStart(2, '0')},N${i}`);

  it("a 130429 (Meta's throughput error, HTTP 400) slows the run and sends the row again: one arrival per row", async () => {
    const s = await runBulk(input(rows(10)));
    assert.equal(s.sent, 10);
    assert.equal(s.throttled, 1);
    assert.equal(s.requests, 11);
    assert.equal(bodies.filter((b) => b.to === '447700900013').length, 1);
  });

  it('131056 (pair rate) waits for that number only: the row arrives once, about 6 s later, and the run is not slowed', async () => {
    const t0 = Date.now();
    const s = await runBulk(input(['447700900099,Pat', '447700900098,Sam']));
    assert.equal(s.sent, 2);
    assert.equal(s.throttled, 0);
    assert.equal(bodies.filter((b) => b.to === '447700900099').length, 1);
    assert.ok(Date.now() - t0 >= 5900, `${Date.now() - t0} ms`);
  });

  it('a value that looks like a placeholder is data, never filled from the environment', async () => {
    process.env.GREETING = 'from the environment';
    process.env.MWB_VAR_GREETING = 'from a declared variable';
    try {
      const s = await runBulk(input(['447700900010,{{GREETING}}']));
      assert.equal(s.invalid, 1);
      assert.equal(bodies.length, 0);
      assert.match(s.invalidRows[0].problem, /unresolved placeholder/);
    } finally {
      delete process.env.GREETING;
      delete process.env.MWB_VAR_GREETING;
    }
  });

  it('a disk that fills mid-run stops the run; no request left without its intent on disk; the journal stays readable', async () => {
    let room = 2000;
    const io: JournalIo = {
      write: (fd, data) => {
        if (data.length > room) throw Object.assign(new Error('full'), { code: 'ENOSPC' });
        room -= data.length;
        return fs.writeSync(fd, data);
      },
      datasync: (fd, cb) => fs.fdatasync(fd, cb),
    };
    const s = await runBulk(input(rows(40), { journalIo: io }));
    assert.equal(s.stopped, true);
    assert.equal(s.ioError, true);
    assert.match(s.stopReason!, /is full \(ENOSPC\).*journal is intact/);
    const j = (await readJournal(path.join(dir, 'j.jsonl')))!;
    const arrived = bodies.map((b) => b.to);
    assert.ok(arrived.length > 0 && arrived.length < 40);
    const journaled = new Set([...j.rows.values()].map((st) => ('done' in st ? st.done.to : st.inFlight.to)));
    for (const to of arrived) assert.ok(journaled.has(to), `${to} was sent without an intent on disk`);
  });
});
