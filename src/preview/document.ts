/** The preview as a whole: title, the phone, the problems. One tree for the webview and the CLI page. */
import type { MessageModel } from '../core/model';
import type { ParsedDocument } from '../core/parse';
import { MAX_ITEMS, clipModel } from './limits';
import { renderProblems, type PreviewProblem } from './problems';
import { phoneFrame, renderMedia, renderPhone, type RenderOptions } from './render';
import { definitionSummary, renderTemplateBubbles, valuesFromExamples } from './template';
import { viewTemplate } from '../core/template-view';
import { markRejected, rejectedNotice } from './rejected';
import { h, type VElement } from './vnode';

export interface PreviewInput {
  fileName: string;
  model: MessageModel | undefined;
  problems: readonly PreviewProblem[];
  /** The parsed file, when it is a template definition (Meta's format) rather than a message. */
  definition?: unknown;
  /** The parsed file: with it, the phone draws what an error covers as rejected (preview/rejected.ts). */
  doc?: ParsedDocument;
}

export function renderPreview(input: PreviewInput, options: RenderOptions = {}): VElement {
  if (input.definition !== undefined) return renderDefinitionPreview(input, options);
  // "whatsapp · buttons" rather than "whatsapp · whatsapp · buttons" when the API is named for its channel.
  const kind = input.model ? [...new Set([input.model.provider, input.model.channel, input.model.kind])].join(' \u00B7 ') : 'no message';
  return h(
    'div',
    { class: 'preview' },
    h('div', { class: 'file' }, h('span', { class: 'file-name' }, input.fileName), ' ', h('small', { class: 'file-kind' }, kind)),
    syntaxNotice(input.problems) ?? rejectedNotice(input.problems),
    ...phoneWithinLimits(input.model, options, input),
    renderProblems(input.problems),
  );
}

function phoneWithinLimits(model: MessageModel | undefined, options: RenderOptions, input: PreviewInput): VElement[] {
  if (!model) return [safePhone(model, options)];
  let clipped: ReturnType<typeof clipModel>;
  try {
    clipped = clipModel(model);
  } catch {
    clipped = { model, omitted: 0 }; // a gap the renderer will name
  }
  const phone = safePhone(clipped.model, options);
  if (input.doc) markRejected(phone, input.doc, input.problems);
  if (clipped.omitted === 0) return [phone];
  return [h('div', { class: 'preview-notice' }, `The preview draws at most ${MAX_ITEMS} items per list; ${clipped.omitted.toLocaleString('en-US')} more are left out.`), phone];
}

/** A half-written payload can give a model with odd gaps; the preview then says so instead of failing. */
function safePhone(model: MessageModel | undefined, options: RenderOptions): VElement {
  try {
    return renderPhone(model, options);
  } catch {
    return h('div', { class: 'phone phone-empty' }, h('div', { class: 'empty-state' }, 'The preview cannot draw this message yet: finish the fields listed below and it will update.'));
  }
}

function syntaxNotice(problems: readonly PreviewProblem[]): VElement | undefined {
  const first = problems.find((p) => p.code === 'json-syntax');
  if (!first) return undefined;
  return h('div', { class: 'preview-notice' }, `The file is not valid JSON yet (line ${first.line}, column ${first.column}): the preview shows what could be read.`);
}

/** A template definition file: the template filled with its example values, then its problems. */
function renderDefinitionPreview(input: PreviewInput, options: RenderOptions): VElement {
  let phone: VElement;
  let kind = 'whatsapp-template';
  try {
    const view = viewTemplate((input.definition ?? {}) as Record<string, unknown>);
    kind = ['whatsapp-template', view.category.toLowerCase(), view.cards.length ? 'carousel' : undefined].filter(Boolean).join(' \u00B7 ');
    const bubbles = renderTemplateBubbles(view, valuesFromExamples(view), { time: options.time ?? '12:00', renderMedia: (m) => renderMedia(m, options) });
    phone = phoneFrame({ channel: 'whatsapp', kind: 'template', sub: `WhatsApp \u00B7 template ${view.name || '(no name)'}` }, [...bubbles, definitionSummary(view)]);
  } catch {
    phone = h('div', { class: 'phone phone-empty' }, h('div', { class: 'empty-state' }, 'The preview cannot draw this template yet: finish the fields listed below and it will update.'));
  }
  return h(
    'div',
    { class: 'preview' },
    h('div', { class: 'file' }, h('span', { class: 'file-name' }, input.fileName), ' ', h('small', { class: 'file-kind' }, kind)),
    syntaxNotice(input.problems),
    phone,
    renderProblems(input.problems),
  );
}
