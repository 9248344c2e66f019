import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { JournalWriter, JOURNAL_KIND, mismatch, readJournal, JournalError, type JournalHeader, type JournalIo } from '../../../src/bulk/journal';

const HEADER: JournalHeader = {
  kind: JOURNAL_KIND,
  version: 1,
  payload: { file: 'p.whatsapp.json', sha256: 'a'.repeat(64) },
  recipients: { file: 'list.csv', sha256: 'b'.repeat(64), rows: 3 },
  endpoint: 'http://127.0.0.1:1',
  startedAt: '2026-01-01T00:00:00.000Z',
};

/** The real file system, with fsync counted and a disk that fills after `room` bytes. */
function countingIo(room = Infinity): JournalIo & { syncs: number; written: number } {
  const io = {
    syncs: 0,
    written: 0,
    write(fd: number, data: Buffer) {
      if (io.written + data.length > room) {
        const e = new Error('no space left on device') as NodeJS.ErrnoException;
        e.code = 'ENOSPC';
        throw e;
      }
      io.written += data.length;
      return fs.writeSync(fd, data);
    },
    datasync(fd: number, cb: (err: NodeJS.ErrnoException | null) => void) {
      io.syncs++;
      fs.fdatasync(fd, cb);
    },
  };
  return io;
}

describe('bulk/journal', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mwb-journal-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("syncs the intent before it resolves, groups concurrent intents into one sync, and reads back each row's state", async () => {
    const file = path.join(dir, 'j.jsonl');
    const io = countingIo();
    const w = await JournalWriter.open(file, { header: HEADER, endpoint: HEADER.endpoint }, io);
    const syncsAtOpen = io.syncs;
    await Promise.all([w.intent({ line: 2, to: '1' }), w.intent({ line: 3, to: '2' }), w.intent({ line: 4, to: '3' })]);
    assert.ok(io.syncs - syncsAtOpen <= 2, `${io.syncs - syncsAtOpen} syncs for 3 intents`);
    w.outcome({ line: 2, outcome: 'sent', to: '1', status: 200, messageId: 'wamid.1' });
    w.outcome({ line: 3, outcome: 'retry', to: '2', status: 429 });
    await w.close();
    const read = (await readJournal(file))!;
    assert.deepEqual(read.header, HEADER);
    assert.equal((read.rows.get(2) as { done: { messageId: string } }).done.messageId, 'wamid.1');
    assert.equal(read.rows.has(3), false, 'a retry leaves the row to send again');
    assert.ok('inFlight' in read.rows.get(4)!, 'an intent without an outcome may have been sent');
    assert.equal(read.partialTail, false);
  });

  it('refuses a journal of another payload or list, saying which and why', () => {
    assert.equal(mismatch('j', HEADER, HEADER), undefined);
    assert.match(mismatch('j', HEADER, { ...HEADER, payload: { file: 'q.whatsapp.json', sha256: 'c'.repeat(64) } })!, /belongs to another payload \(p\.whatsapp\.json/);
    assert.match(mismatch('j', HEADER, { ...HEADER, recipients: { file: 'list.csv', sha256: 'd'.repeat(64), rows: 3 } })!, /another recipient list.*could send a row twice/);
  });

  it('a file that is not a journal is refused, not overwritten', async () => {
    const file = path.join(dir, 'notes.txt');
    fs.writeFileSync(file, '{"hello": 1}\n');
    await assert.rejects(readJournal(file), (e: unknown) => e instanceof JournalError && e.kind === 'mismatch');
  });

  it('cannot be opened where it cannot be written: refused before any row', async () => {
    await assert.rejects(JournalWriter.open(path.join(dir, 'no', 'such', 'dir.jsonl'), { header: HEADER, endpoint: '' }), /cannot be created: its folder does not exist/);
    await assert.rejects(JournalWriter.open(dir, { header: HEADER, endpoint: '' }), /is a folder/);
  });

  it('a disk that fills mid-run rejects the next intent and leaves the journal readable, ending on a whole line', async () => {
    const file = path.join(dir, 'j.jsonl');
    const io = countingIo(700);
    const w = await JournalWriter.open(file, { header: HEADER, endpoint: HEADER.endpoint }, io);
    let accepted = 0;
    for (let i = 2; i < 20; i++) {
      try {
        await w.intent({ line: i, to: `44770090000${i}` });
        accepted++;
      } catch (e) {
        assert.match((e as Error).message, /disk holding the journal .* is full \(ENOSPC\)/);
        break;
      }
    }
    assert.ok(accepted > 0 && accepted < 18);
    assert.ok(w.failed);
    assert.throws(() => w.outcome({ line: 2, outcome: 'sent' }), /is full/);
    await w.close();
    const read = (await readJournal(file))!;
    assert.equal(read.rows.size, accepted);
    assert.equal(read.partialTail, false);
  });

  it('ignores a cut-off last line and starts the next run on a fresh line', async () => {
    const file = path.join(dir, 'j.jsonl');
    const w = await JournalWriter.open(file, { header: HEADER, endpoint: HEADER.endpoint });
    await w.intent({ line: 2, to: '1' });
    await w.close();
    fs.appendFileSync(file, '{"t":"outcome","line":2,"outc');
    const read = (await readJournal(file))!;
    assert.equal(read.partialTail, true);
    assert.ok('inFlight' in read.rows.get(2)!);
    const again = await JournalWriter.open(file, { endpoint: HEADER.endpoint, partialTail: true });
    await again.intent({ line: 3, to: '2' });
    await again.close();
    const after = (await readJournal(file))!;
    assert.ok(after.rows.has(3));
  });
});
