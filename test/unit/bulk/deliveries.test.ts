import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { deliveryCounts, journalMessageIds } from '../../../src/bulk/deliveries';

describe('bulk/deliveries: the seam for status webhooks', () => {
  it("counts each of the run's messages once, by the furthest status it reached, ignoring other messages", () => {
    const ids = new Set(['a', 'b', 'c', 'd']);
    const counts = deliveryCounts(
      [
        { messageId: 'a', status: 'delivered' },
        { messageId: 'a', status: 'read' },
        { messageId: 'b', status: 'delivered' },
        { messageId: 'c', status: 'failed' },
        { messageId: 'c', status: 'delivered' },
        { messageId: 'zzz', status: 'read' },
        { messageId: 'd', status: 'sent' },
      ],
      ids,
    );
    assert.deepEqual(counts, { delivered: 1, read: 1, failed: 1, pending: 1 });
  });

  it('reads the sent message ids from a journal, past a cut-off last line', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mwb-deliveries-'));
    const f = path.join(dir, 'j.jsonl');
    fs.writeFileSync(
      f,
      [
        '{"kind":"mwb-bulk-journal","version":1}',
        '{"t":"outcome","line":2,"outcome":"sent","messageId":"wamid.1"}',
        '{"t":"outcome","line":3,"outcome":"unknown","messageId":null}',
        '{"t":"outc',
      ].join('\n'),
    );
    assert.deepEqual([...(await journalMessageIds(f))], ['wamid.1']);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
