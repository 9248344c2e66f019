/** The file's problems as the preview lists them: each one a click away from its range. */
import type { Problem } from '../core/problem';
import { LineIndex } from '../core/position';
import { MAX_PROBLEMS } from './limits';
import { h, type VElement } from './vnode';

export interface PreviewProblem {
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  start: number;
  end: number;
  line: number;
  column: number;
  /** Ours only (other sources' diagnostics have none): what the preview marks as rejected. */
  pointer?: string;
}

export function locateProblems(text: string, problems: readonly Problem[]): PreviewProblem[] {
  const lines = new LineIndex(text);
  return problems.map((p) => ({ severity: p.severity, code: p.code, message: p.message, start: p.start, end: p.end, ...lines.lineColumn(p.start), pointer: p.pointer }));
}

export function renderProblems(problems: readonly PreviewProblem[]): VElement {
  if (problems.length === 0) return h('div', { class: 'problems problems-none' }, 'No problems found.');
  const count = (s: string) => problems.filter((p) => p.severity === s).length;
  return h(
    'div',
    { class: 'problems' },
    h('div', { class: 'problems-title' }, `Problems: ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info`),
    h(
      'ul',
      { class: 'problem-list' },
      ...problems.slice(0, MAX_PROBLEMS).map((p, i) =>
        h(
          'li',
          {
            class: `problem severity-${p.severity}`,
            'data-index': String(i),
            'data-start': String(p.start),
            'data-end': String(p.end),
            role: 'button',
            tabindex: '0',
            title: `Go to line ${p.line}, column ${p.column}`,
          },
          h('span', { class: 'problem-where' }, `${p.line}:${p.column}`),
          h('span', { class: 'problem-severity' }, p.severity),
          h('span', { class: 'problem-message' }, p.message.length > 2000 ? `${p.message.slice(0, 2000)}\u2026` : p.message),
          h('small', { class: 'problem-code' }, p.code),
        ),
      ),
    ),
    problems.length > MAX_PROBLEMS
      ? h('div', { class: 'problems-more' }, `\u2026 and ${(problems.length - MAX_PROBLEMS).toLocaleString('en-US')} more: the Problems panel lists them all.`)
      : undefined,
  );
}
