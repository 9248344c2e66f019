/** The preview as a whole: title, the phone, the problems. One tree for the webview and the CLI page. */
import type { MessageModel } from '../core/model';
import { renderProblems, type PreviewProblem } from './problems';
import { renderPhone, type RenderOptions } from './render';
import { h, type VElement } from './vnode';

export interface PreviewInput {
  fileName: string;
  model: MessageModel | undefined;
  problems: readonly PreviewProblem[];
}

export function renderPreview(input: PreviewInput, options: RenderOptions = {}): VElement {
  const kind = input.model ? `${input.model.provider} \u00B7 ${input.model.channel} \u00B7 ${input.model.kind}` : 'no message';
  return h(
    'div',
    { class: 'preview' },
    h('div', { class: 'file' }, h('span', { class: 'file-name' }, input.fileName), ' ', h('small', { class: 'file-kind' }, kind)),
    renderPhone(input.model, options),
    renderProblems(input.problems),
  );
}
