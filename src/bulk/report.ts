/**
 * The per-row report of a bulk run, written as rows finish (nothing kept in memory): CSV for a
 * `.csv` file, JSON Lines for `.jsonl`, otherwise JSON (`{"rows": [...], "summary": {...}}`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RowOutcome } from './journal';

export interface ReportRow {
  line: number;
  recipient: string;
  outcome: RowOutcome;
  messageId: string | null;
  status: number | null;
  problem: string | null;
}

export const REPORT_COLUMNS: (keyof ReportRow)[] = ['line', 'recipient', 'outcome', 'messageId', 'status', 'problem'];

/** RFC 4180 quoting; a leading = + - @ is prefixed with ' so a spreadsheet does not run it as a formula. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'string' ? value : JSON.stringify(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export class ReportWriter {
  private readonly fd: number;
  private readonly kind: 'csv' | 'jsonl' | 'json';
  private first = true;

  constructor(readonly file: string) {
    const ext = path.extname(file).toLowerCase();
    this.kind = ext === '.csv' ? 'csv' : ext === '.jsonl' || ext === '.ndjson' ? 'jsonl' : 'json';
    this.fd = fs.openSync(file, 'w');
    if (this.kind === 'csv') this.put(REPORT_COLUMNS.join(',') + '\n');
    if (this.kind === 'json') this.put('{"rows": [\n');
  }

  private put(text: string): void {
    fs.writeSync(this.fd, text);
  }

  row(r: ReportRow): void {
    if (this.kind === 'csv') this.put(REPORT_COLUMNS.map((c) => csvField(r[c])).join(',') + '\n');
    else if (this.kind === 'jsonl') this.put(JSON.stringify(r) + '\n');
    else {
      this.put((this.first ? '  ' : ',\n  ') + JSON.stringify(r));
      this.first = false;
    }
  }

  /** Close the file; JSON gets the summary after its rows. */
  finish(summary: unknown): void {
    if (this.kind === 'json') this.put(`${this.first ? '' : '\n'}],\n"summary": ${JSON.stringify(summary, null, 2)}\n}\n`);
    fs.closeSync(this.fd);
  }
}
