/**
 * `mwb validate --fix`, as `eslint --fix`: apply every fix whose answer is certain (`Fix.auto`), check
 * again, repeat while something changes. Pure: text in, text and what changed out; writing is the caller's.
 */
import { applyEdits } from './edits';
import { LineIndex } from './position';
import type { Fix, Problem, TextEdit } from './problem';

export interface AppliedFix {
  code: string;
  title: string;
  /** Where the fix was made, in the text as it was when applied (1-based). */
  line: number;
  column: number;
}

export interface FixResult {
  text: string;
  applied: AppliedFix[];
  /** The problems of the final text. */
  problems: Problem[];
}

/** Fixing one thing can reveal the next (a number's form, then its validity); a fix that keeps re-appearing stops here. */
const MAX_PASSES = 10;

function span(edits: readonly TextEdit[]): { start: number; end: number } {
  let start = Infinity;
  let end = -Infinity;
  for (const e of edits) {
    start = Math.min(start, e.offset);
    end = Math.max(end, e.offset + e.length);
  }
  return { start, end };
}

/** The auto fixes of one pass that do not touch each other (the others wait for the next pass). */
function chooseFixes(problems: readonly Problem[]): { problem: Problem; fix: Fix }[] {
  const candidates: { problem: Problem; fix: Fix; start: number; end: number }[] = [];
  for (const problem of problems) {
    const fix = problem.fixes?.find((f) => f.auto && f.edits.length > 0);
    if (fix) candidates.push({ problem, fix, ...span(fix.edits) });
  }
  candidates.sort((a, b) => a.start - b.start || a.end - b.end);
  const chosen: typeof candidates = [];
  for (const c of candidates) {
    const last = chosen[chosen.length - 1];
    // Overlapping edits, or two at one place, cannot both apply to the same text.
    if (last && (c.start < last.end || c.start === last.start)) continue;
    chosen.push(c);
  }
  return chosen;
}

/** `problems`: those of `text`, when the caller has them already. */
export function applyAutoFixes(text: string, check: (text: string) => Problem[], problems = check(text)): FixResult {
  const applied: AppliedFix[] = [];
  const seen = new Set<string>([text]);
  let current = text;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const chosen = chooseFixes(problems);
    if (chosen.length === 0) break;
    const next = applyEdits(
      current,
      chosen.flatMap((c) => c.fix.edits),
    );
    if (seen.has(next)) break; // fixes that undo each other: stop rather than loop
    seen.add(next);
    const lines = new LineIndex(current);
    for (const c of chosen) applied.push({ code: c.problem.code, title: c.fix.title, ...lines.lineColumn(span(c.fix.edits).start) });
    current = next;
    problems = check(current);
  }
  return { text: current, applied, problems };
}
