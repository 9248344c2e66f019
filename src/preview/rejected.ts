/**
 * The phone draws what the API would reject as rejected, with the reason: a 4th reply button is not
 * a button the customer would see but an error that stops the message, so it must not look like one
 * that works. The renderer registers each part it draws with the pointer of what the part shows
 * (`part`); `markRejected` then marks each part that an error's range covers, with that error's words.
 */
import type { ParsedDocument } from '../core/parse';
import { nodeAt } from '../core/parse';
import type { PreviewProblem } from './problems';
import { h, type VElement, type VNode } from './vnode';

const parts = new WeakMap<VElement, string>();

/** Registers `el` as the drawing of the value at `pointer` (a button's title, a row, the body...). */
export function part<T extends VElement>(el: T, pointer: string | undefined): T {
  if (pointer !== undefined) parts.set(el, pointer);
  return el;
}

/**
 * Marks the parts of `tree` that an error covers: the error's range (the 4th button, an over-long
 * title) holds the part's value. Errors about the whole payload (pointer '') and other sources'
 * diagnostics (no pointer) mark nothing. A marked part's inner parts are left as they are, so an
 * 11th section says why once, not once per row. Returns how many parts were marked.
 */
export function markRejected(tree: VElement, doc: ParsedDocument, problems: readonly PreviewProblem[]): number {
  const errors = problems.filter((p) => p.severity === 'error' && p.pointer);
  if (errors.length === 0) return 0;
  let marked = 0;
  const covering = (el: VElement): PreviewProblem | undefined => {
    const pointer = parts.get(el);
    const value = pointer !== undefined ? nodeAt(doc, pointer) : undefined;
    return value && errors.find((e) => e.start <= value.offset && value.offset + value.length <= e.end);
  };
  const visit = (el: VElement): void => {
    if (!el.children) return;
    const children: VNode[] = [];
    for (const child of el.children) {
      children.push(child);
      if (typeof child === 'string') continue;
      const by = covering(child);
      if (!by) {
        visit(child);
        continue;
      }
      reject(child, by);
      // The reason under the part, not inside it: a button stays a button, struck through.
      children.push(h('div', { class: 'rejected-reason' }, h('strong', null, 'Rejected:'), ' ', by.message));
      marked++;
    }
    el.children = children;
  };
  visit(tree);
  return marked;
}

function reject(el: VElement, by: PreviewProblem): void {
  el.attrs = {
    ...el.attrs,
    class: `${el.attrs?.class ?? ''} rejected`.trim(),
    title: `Rejected: ${by.message}`,
    // A click shows the fault in the editor, as a click on the problem below does.
    'data-start': String(by.start),
    'data-end': String(by.end),
    role: 'button',
    tabindex: '0',
  };
}

/** Above the phone when the API would refuse the message: what Send will say. */
export function rejectedNotice(problems: readonly PreviewProblem[]): VElement | undefined {
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (errors === 0) return undefined;
  return h(
    'div',
    { class: 'rejected-notice' },
    `The API would reject this message: ${errors} error${errors === 1 ? '' : 's'}, listed below. Send refuses it until ${errors === 1 ? 'it is' : 'they are'} fixed.`,
  );
}
