/**
 * The first pass over a recipient list, before anything is sent: the whole file must parse (a
 * broken quote on line 5,001 stops the run before row 1 goes out), its hash ties a journal to it,
 * and its row count lets progress say how much is left. Streamed: no row is kept.
 */
import { createHash } from 'node:crypto';
import { readRecipients, RecipientsError, type ListFormat } from './recipients';
import { memoryKeeper } from './memory';

export interface ListScan {
  format: ListFormat;
  /** sha256 of the file's bytes, hex. */
  sha256: string;
  rows: number;
  /** CSV: the header; JSON Lines: the keys of the first row. */
  columns: string[];
}

export async function scanRecipients(file: string, collectGarbage = false): Promise<ListScan> {
  const hash = createHash('sha256');
  let columns: string[] = [];
  const { format, rows } = readRecipients(file, { onBytes: (c) => hash.update(c), onHeader: (h) => (columns = h) });
  let count = 0;
  const memory = collectGarbage ? memoryKeeper(5_000, 0) : { tick: () => undefined };
  for await (const row of rows) {
    if (count === 0 && format === 'jsonl') columns = Object.keys(row.values);
    count++;
    memory.tick();
  }
  if (count === 0) throw new RecipientsError(format === 'csv' ? `${file} has a header but no rows: nothing to send.` : `${file} has no rows: nothing to send.`);
  return { format, sha256: hash.digest('hex'), rows: count, columns };
}
