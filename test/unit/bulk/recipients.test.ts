import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readRecipients, RecipientsError, type RecipientRow } from '../../../src/bulk/recipients';
import { scanRecipients } from '../../../src/bulk/scan';

describe('bulk/recipients: streamed CSV and JSON Lines', () => {
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mwb-recipients-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, content: string | Buffer) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, content);
    return f;
  };
  const all = async (file: string) => {
    const out: RecipientRow[] = [];
    for await (const r of readRecipients(file).rows) out.push(r);
    return out;
  };
  const fails = async (file: string, pattern: RegExp, line?: number) => {
    await assert.rejects(scanRecipients(file), (e: unknown) => {
      assert.ok(e instanceof RecipientsError, String(e));
      assert.match(e.message, pattern);
      if (line !== undefined) assert.equal(e.line, line);
      return true;
    });
  };

  it("reads a CSV with quotes, commas, a field spanning lines and blank lines, keeping each row's first line", async () => {
    const f = write('a.csv', 'TO,NAME\n447700900001,"Ann, Jr."\n\n447700900002,"Bo\nsecond line"\n447700900003,"say ""hi"""\n');
    const rows = await all(f);
    assert.deepEqual(rows, [
      { line: 2, values: { TO: '447700900001', NAME: 'Ann, Jr.' } },
      { line: 4, values: { TO: '447700900002', NAME: 'Bo\nsecond line' } },
      { line: 6, values: { TO: '447700900003', NAME: 'say "hi"' } },
    ]);
  });

  it('drops a UTF-8 byte order mark (Excel writes one) so the first column keeps its name', async () => {
    const f = write('bom.csv', '\uFEFFTO,NAME\n447700900001,Ann\n');
    const scan = await scanRecipients(f);
    assert.deepEqual(scan.columns, ['TO', 'NAME']);
    assert.equal(scan.rows, 1);
  });

  it('refuses UTF-16, with or without a byte order mark, saying to save as UTF-8', async () => {
    await fails(write('u16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('TO,NAME\n1,Ann\n', 'utf16le')])), /UTF-16.*Save it as UTF-8/);
    await fails(write('u16nobom.csv', Buffer.from('TO,NAME\n1,Ann\n', 'utf16le')), /UTF-16 text without a byte order mark/);
  });

  it('refuses bytes that are not UTF-8', async () => {
    await fails(write('latin1.csv', Buffer.from('TO,NAME\n447700900001,Jos\xe9\n', 'latin1')), /not valid UTF-8/);
  });

  it('names the line of a row with too many fields', async () => {
    await fails(write('wide.csv', 'TO,NAME\n1,Ann\n2,Bo,extra\n'), /wide\.csv:3: .*got 3.*one field per header column/, 3);
  });

  it('a quote never closed on line 5,001 of 6,000 is found before anything is sent, at that line', async () => {
    const lines = ['TO,NAME'];
    for (let i = 1; i <= 6000; i++) lines.push(i === 5000 ? `44770090${String(i).padStart(4, '0')},"Broken` : `44770090${String(i).padStart(4, '0')},Name ${i}`);
    await fails(write('broken.csv', lines.join('\n') + '\n'), /broken\.csv:5001: a quoted field opened on or after line 5001 is never closed/, 5001);
  });

  it('an empty file, a header without rows and an empty JSON Lines file each say there is nothing to send', async () => {
    await fails(write('empty.csv', ''), /empty: it needs a header row/);
    await fails(write('header.csv', 'TO,NAME\n'), /header but no rows/);
    await fails(write('empty.jsonl', '\n\n'), /no rows/);
  });

  it('refuses a header with an unnamed or repeated column', async () => {
    await fails(write('blank.csv', 'TO,,NAME\n1,2,3\n'), /column 2 has no name/, 1);
    await fails(write('dup.csv', 'TO,TO\n1,2\n'), /names column "TO" twice/, 1);
  });

  it('reads JSON Lines, numbers as text, and names a broken line', async () => {
    const f = write('a.jsonl', '{"TO": 447700900001, "NAME": "Ann"}\n\n{"TO": "447700900002", "NAME": null}\n');
    assert.deepEqual(await all(f), [
      { line: 1, values: { TO: '447700900001', NAME: 'Ann' } },
      { line: 3, values: { TO: '447700900002', NAME: '' } },
    ]);
    await fails(write('bad.jsonl', '{"TO": "1"}\n{"TO": \n'), /bad\.jsonl:2: not valid JSON/, 2);
    await fails(write('arr.jsonl', '["1"]\n'), /must be a JSON object/, 1);
  });

  it('the scan hashes the bytes, so any edit gives another hash', async () => {
    const a = await scanRecipients(write('h1.csv', 'TO\n1\n'));
    const b = await scanRecipients(write('h2.csv', 'TO\n2\n'));
    assert.match(a.sha256, /^[0-9a-f]{64}$/);
    assert.notEqual(a.sha256, b.sha256);
  });

  it('a missing file is an I/O problem (exit 2), not a content one', async () => {
    await assert.rejects(scanRecipients(path.join(dir, 'nope.csv')), (e: unknown) => e instanceof RecipientsError && e.io);
  });
});
