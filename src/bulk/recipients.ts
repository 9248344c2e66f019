/**
 * Recipient lists, streamed: a CSV file with a header row (csv-parse) or JSON Lines, one row at a
 * time, so 100,000 rows take the memory of one. Each row keeps the line it starts on, for reports.
 * Whatever is wrong with the file is a sentence naming the file, the line and what to do.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';

export interface RecipientRow {
  /** 1-based line of the file where the row starts. */
  line: number;
  values: Record<string, string>;
}

export type ListFormat = 'csv' | 'jsonl';

export class RecipientsError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    /** The file could not be read at all (exit 2), rather than read and found wrong (exit 1). */
    readonly io = false,
  ) {
    super(message);
  }
}

export function listFormat(file: string, firstText: string): ListFormat {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return 'csv';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  return firstText.trimStart().startsWith('{') ? 'jsonl' : 'csv';
}

/** The first bytes say whether this is text we can read: not UTF-16, not binary. */
export function checkStart(file: string, head: Buffer): void {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw new RecipientsError(`${file} is UTF-16 text. Save it as UTF-8 (in Excel: "CSV UTF-8"; or iconv -f UTF-16 -t UTF-8).`, 1);
  }
  const nul = head.indexOf(0);
  if (nul !== -1) {
    // UTF-16 without a byte order mark shows as every other byte zero.
    const utf16 = head.length >= 4 && (head[1] === 0 || head[0] === 0) && (head[3] === 0 || head[2] === 0);
    throw new RecipientsError(
      utf16 ? `${file} looks like UTF-16 text without a byte order mark. Save it as UTF-8.` : `${file} is a binary file (a zero byte at offset ${nul}), not a CSV or JSON Lines list.`,
      1,
    );
  }
}

async function* bytes(file: string, onBytes?: (chunk: Buffer) => void): AsyncGenerator<Buffer> {
  const stream = fs.createReadStream(file, { highWaterMark: 64 * 1024 });
  let first = true;
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (first) checkStart(file, chunk);
    first = false;
    try {
      utf8.decode(chunk, { stream: true });
    } catch {
      throw new RecipientsError(`${file} is not valid UTF-8 (somewhere in bytes ${offset}-${offset + chunk.length}). Save it as UTF-8.`);
    }
    offset += chunk.length;
    onBytes?.(chunk);
    yield chunk;
  }
}

function csvProblem(file: string, e: { code?: string; message: string; lines?: number }, lastLine: number): RecipientsError {
  const next = lastLine + 1;
  switch (e.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new RecipientsError(`${file}:${next}: a quoted field opened on or after line ${next} is never closed. Close the quote (a quote inside a field is written "").`, next);
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'INVALID_OPENING_QUOTE':
      return new RecipientsError(`${file}:${e.lines ?? next}: a quote in the middle of a field. Quote the whole field and double the quote inside it ("").`, e.lines ?? next);
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
      return new RecipientsError(
        `${file}:${e.lines ?? next}: ${e.message.replace(/^Invalid Record Length: /, '').replace(/, got (\d+) on line \d+$/, ', got $1')}. Each row needs one field per header column (quote fields that contain commas).`,
        e.lines ?? next,
      );
    default:
      return new RecipientsError(`${file}:${e.lines ?? next}: ${e.message}`, e.lines ?? next);
  }
}

async function* csvRows(file: string, onBytes?: (chunk: Buffer) => void, onHeader?: (columns: string[]) => void): AsyncGenerator<RecipientRow> {
  // on_record keeps only the two counters we need, not csv-parse's whole info object per row.
  const parser = parse({
    bom: true,
    skip_empty_lines: true,
    relax_column_count: false,
    trim: false,
    on_record: (record: string[], ctx: { lines: number; empty_lines: number }) => ({ record, info: { lines: ctx.lines, empty_lines: ctx.empty_lines } }),
  } as unknown as Parameters<typeof parse>[0]);
  const source = Readable.from(bytes(file, onBytes));
  source.on('error', (e) => parser.destroy(e));
  source.pipe(parser);
  let header: string[] | undefined;
  let lastLine = 0;
  let lastEmpty = 0;
  try {
    for await (const rec of parser as AsyncIterable<{ record: string[]; info: { lines: number; empty_lines: number } }>) {
      const start = lastLine + 1 + (rec.info.empty_lines - lastEmpty);
      lastLine = rec.info.lines;
      lastEmpty = rec.info.empty_lines;
      if (!header) {
        header = rec.record.map((c) => c.trim());
        const blank = header.findIndex((c) => c === '');
        if (blank !== -1) throw new RecipientsError(`${file}:${start}: header column ${blank + 1} has no name. The first row names the columns, e.g. to,name.`, start);
        const dup = header.find((c, i) => header!.indexOf(c) !== i);
        if (dup) throw new RecipientsError(`${file}:${start}: the header names column "${dup}" twice.`, start);
        onHeader?.(header);
        continue;
      }
      const values: Record<string, string> = {};
      header.forEach((c, i) => (values[c] = rec.record[i] ?? ''));
      yield { line: start, values };
    }
  } catch (e) {
    if (e instanceof RecipientsError) throw e;
    const err = e as { code?: string; message: string; lines?: number };
    if (err.code?.startsWith('CSV_') || err.code === 'INVALID_OPENING_QUOTE') throw csvProblem(file, err, lastLine);
    throw e;
  } finally {
    source.destroy();
  }
  if (!header) throw new RecipientsError(`${file} is empty: it needs a header row (e.g. to,name) and one row per recipient.`);
}

async function* jsonlRows(file: string, onBytes?: (chunk: Buffer) => void): AsyncGenerator<RecipientRow> {
  const lines = readline.createInterface({ input: Readable.from(bytes(file, onBytes)), crlfDelay: Infinity });
  let n = 0;
  for await (const raw of lines) {
    n++;
    const text = n === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (!text.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw new RecipientsError(`${file}:${n}: not valid JSON (${(e as Error).message}). JSON Lines holds one JSON object per line.`, n);
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new RecipientsError(`${file}:${n}: each line must be a JSON object such as {"to": "447700900000", "name": "Ann"}.`, n);
    const values: Record<string, string> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === null) values[k] = '';
      else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') values[k] = String(v);
      else throw new RecipientsError(`${file}:${n}: the value of "${k}" is ${Array.isArray(v) ? 'an array' : 'an object'}; a placeholder takes text or a number.`, n);
    }
    yield { line: n, values };
  }
}

function firstText(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(256);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    return buf
      .subarray(0, n)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
  } finally {
    fs.closeSync(fd);
  }
}

export interface ReadOptions {
  /** Every chunk of the file's bytes, in order (to hash it while reading). */
  onBytes?: (chunk: Buffer) => void;
  /** The CSV header, once read. */
  onHeader?: (columns: string[]) => void;
}

/** The rows of a recipient list, streamed. Throws RecipientsError for anything wrong with the file. */
export function readRecipients(file: string, options: ReadOptions = {}): { format: ListFormat; rows: AsyncGenerator<RecipientRow> } {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new RecipientsError(`Cannot read ${file}: no such file.`, undefined, true);
  }
  if (!stat.isFile()) throw new RecipientsError(`${file} is not a regular file.`, undefined, true);
  const format = listFormat(file, firstText(file));
  return { format, rows: format === 'csv' ? csvRows(file, options.onBytes, options.onHeader) : jsonlRows(file, options.onBytes) };
}
