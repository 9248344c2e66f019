/**
 * A 10 MB file can hold over a million faults; collecting them all took 37 s and 3.2 GB and ended in
 * an internal error. Nobody reads past the first thousand: those are kept, the rest only counted.
 */
import type { Problem } from './problem';

export const MAX_REPORTED_PROBLEMS = 1000;

const CODE = 'too-many-problems';
/** How many problems each "more" problem stands for. */
const standsFor = new WeakMap<Problem, number>();

/** The one problem that stands for `more` problems not listed. */
export function moreProblems(more: number, at: { start: number; end: number }, source: Problem['source']): Problem {
  const problem: Problem = {
    severity: 'error',
    code: CODE,
    message: `${more.toLocaleString('en-US')} more problem${more === 1 ? '' : 's'} not listed: only the first ${MAX_REPORTED_PROBLEMS.toLocaleString('en-US')} are. Fix these, and check again.`,
    pointer: '',
    start: at.start,
    end: at.end,
    source,
  };
  standsFor.set(problem, more);
  return problem;
}

/**
 * At most MAX_REPORTED_PROBLEMS problems, the first by position, and one at the end for all the others
 * (including those a stage already left out).
 */
export function capProblems(problems: Problem[]): Problem[] {
  const listed = problems.filter((p) => p.code !== CODE);
  const more = problems.filter((p) => p.code === CODE);
  if (listed.length <= MAX_REPORTED_PROBLEMS && more.length <= 1) return problems;
  const kept = listed.slice(0, MAX_REPORTED_PROBLEMS);
  const count = listed.length - kept.length + more.reduce((n, p) => n + (standsFor.get(p) ?? 0), 0);
  const last = kept[kept.length - 1] ?? more[0];
  return count > 0 ? [...kept, moreProblems(count, { start: last.start, end: last.end }, last.source)] : kept;
}
