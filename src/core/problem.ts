/** A problem found in a payload file, located by JSON pointer and by character offsets. */
export type Severity = 'error' | 'warning' | 'info';

/** A replacement of `length` characters at `offset` by `newText` (offsets into the file text). */
export interface TextEdit {
  offset: number;
  length: number;
  newText: string;
}

/** A fix with one right answer: the editor offers it as a quick fix. */
export interface Fix {
  title: string;
  /** `mwb validate --fix` applies it unasked: its answer is certain and it removes nothing the user wrote. */
  auto?: boolean;
  edits: TextEdit[];
}

export interface Problem {
  severity: Severity;
  /** Stable code, e.g. `json-syntax`, `schema`, `phone-format`. Documented in the README. */
  code: string;
  /** What is wrong and what to do about it. */
  message: string;
  /** RFC 6901 JSON pointer of the value concerned ('' for the whole document). */
  pointer: string;
  /** Offsets into the file text: [start, end). */
  start: number;
  end: number;
  /** `schema` problems come from the zod schema (VS Code's JSON service reports the same). */
  source: 'syntax' | 'schema' | 'lint';
  fixes?: Fix[];
}
