/**
 * A template send held against the template's definition, part by part: header (text parameters
 * or the media of its format), body (count, or names in a NAMED template), each button by index
 * and sub-type, and every carousel card. The API answers these faults with 132000 (parameter
 * count), 132012 (parameter format) or 100 (invalid parameter); here they are found in the file.
 */
import { setValueEdits } from '../edits';
import type { TemplateRef } from '../model';
import { fromPointer } from '../pointer';
import type { SendButton, SendComponent, TemplateSend } from '../template-send';
import { expectedParameters, type ButtonView, type HeaderView, type TemplateView, type TextPart } from '../template-view';
import type { LintContext } from './context';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The `sub_type` a send gives a button of each definition type (an OTP button is sent as `url`). */
export const SUB_TYPE: Readonly<Record<string, string>> = {
  URL: 'url',
  QUICK_REPLY: 'quick_reply',
  COPY_CODE: 'copy_code',
  OTP: 'url',
  FLOW: 'flow',
  CATALOG: 'catalog',
  MPM: 'mpm',
  SPM: 'spm',
  VOICE_CALL: 'voice_call',
};

/** The media parameter type a header format takes. */
export const HEADER_PARAMETER: Readonly<Record<string, string>> = { IMAGE: 'image', VIDEO: 'video', DOCUMENT: 'document', GIF: 'video', LOCATION: 'location' };

/** Whether a definition button needs a parameter when sent. */
export function buttonNeedsParameter(b: ButtonView): boolean {
  return (b.type === 'URL' && b.urlVariable) || b.type === 'COPY_CODE' || b.type === 'OTP';
}

interface Scope {
  /** "", or " of card 2" for messages. */
  of: string;
  /** Where to report something missing from this part. */
  pointer: string;
  /** Where missing body parameters of the template itself belong (and whether to underline a key). */
  missingBody?: { pointer: string; onKey?: boolean };
}

function checkText(ctx: LintContext, name: string, part: TextPart | undefined, sent: SendComponent | undefined, view: TemplateView, scope: Scope, code: string): void {
  const expected = expectedParameters(part, view.named);
  const params = sent?.params ?? [];
  if (view.named) {
    const given = params.map((p) => p.name);
    const missing = expected.names.filter((n) => !given.includes(n));
    const unknown = params.find((p) => p.name === undefined || !expected.names.includes(p.name));
    if (unknown) {
      ctx.report({
        severity: 'error',
        code: 'template-parameter-names',
        pointer: unknown.name === undefined ? unknown.pointer : `${unknown.pointer}/parameter_name`,
        message:
          unknown.name === undefined
            ? `Template "${view.name}" uses named parameters: give this ${name} parameter its "parameter_name" (${expected.names.join(', ') || 'it takes none'}).`
            : `Template "${view.name}" has no ${name} parameter named "${unknown.name}"${expected.names.length ? `; its names are ${expected.names.join(', ')}` : `; its ${name} takes none`}.`,
      });
    } else if (missing.length > 0) {
      ctx.report({
        severity: 'error',
        code,
        pointer: sent?.pointer ?? scope.pointer,
        message: `Template "${view.name}" needs the ${name} parameter${missing.length === 1 ? '' : 's'} ${missing.map((n) => `"${n}"`).join(', ')}${scope.of}; add ${missing.length === 1 ? 'it' : 'them'} with "parameter_name".`,
      });
    }
    return;
  }
  const named = params.find((p) => p.name !== undefined);
  if (named) {
    ctx.report({
      severity: 'error',
      code: 'template-parameter-names',
      pointer: `${named.pointer}/parameter_name`,
      message: `Template "${view.name}" numbers its parameters ({{1}}, {{2}}, ...): remove "parameter_name"; values go in order.`,
    });
  }
  if (params.length === expected.count) return;
  const missing = code === 'template-parameters' && scope.missingBody ? scope.missingBody : { pointer: sent?.pointer ?? scope.pointer };
  ctx.report({
    severity: 'error',
    code,
    // Too many: underline the first extra one; too few: where they belong.
    ...(params.length > expected.count ? { pointer: params[expected.count].valuePointer } : missing),
    message: `Template "${view.name}" takes ${plural(expected.count, `${name} parameter`)}${scope.of}${part ? ` (${part.text})` : ''}; this payload gives ${params.length}. ${params.length < expected.count ? `Add ${expected.count - params.length}.` : `Remove ${params.length - expected.count}.`}`,
  });
}

function checkHeader(ctx: LintContext, header: HeaderView | undefined, sent: SendComponent | undefined, view: TemplateView, scope: Scope): void {
  if (!header || header.format === 'TEXT') {
    if (!header && sent && sent.params.length > 0) {
      ctx.report({
        severity: 'error',
        code: 'template-header-parameters',
        pointer: sent.pointer,
        message: `Template "${view.name}" has no header${scope.of}${header === undefined ? '' : ' variable'}; remove this header component.`,
      });
      return;
    }
    if (header?.text) checkText(ctx, 'header', header.text, sent, view, scope, 'template-header-parameters');
    return;
  }
  const wanted = HEADER_PARAMETER[header.format];
  if (!wanted) return;
  const media = sent?.params[0];
  if (!media) {
    ctx.report({
      severity: 'error',
      code: 'template-header-media',
      pointer: sent?.pointer ?? scope.pointer,
      message: `Template "${view.name}" has a${header.format === 'IMAGE' ? 'n' : ''} ${header.format.toLowerCase()} header${scope.of}: send it as {"type": "header", "parameters": [{"type": "${wanted}", "${wanted}": {${wanted === 'location' ? '"latitude": ..., "longitude": ...' : '"link": "https://..."'}}}]}.`,
    });
  } else if (media.type !== wanted) {
    ctx.report({
      severity: 'error',
      code: 'template-header-media',
      pointer: `${media.pointer}/type`,
      message: `Template "${view.name}" has a${header.format === 'IMAGE' ? 'n' : ''} ${header.format.toLowerCase()} header${scope.of}, so this parameter is of type "${wanted}", not "${media.type}" (the API answers 132012).`,
    });
  }
}

function checkButtons(ctx: LintContext, buttons: readonly ButtonView[], sent: readonly SendButton[], view: TemplateView, scope: Scope): void {
  for (const b of sent) {
    const def = buttons[b.index];
    if (!def) {
      ctx.report({
        severity: 'error',
        code: 'template-button-index',
        pointer: `${b.pointer}/index`,
        message: `Template "${view.name}" has ${plural(buttons.length, 'button')}${scope.of} (index 0${buttons.length > 1 ? `-${buttons.length - 1}` : ''}); there is no button ${b.index}.`,
      });
      continue;
    }
    const wanted = SUB_TYPE[def.type];
    if (wanted && b.subType !== wanted) {
      const path = fromPointer(`${b.pointer}/sub_type`).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
      ctx.report({
        severity: 'error',
        code: 'template-button-type',
        pointer: `${b.pointer}/sub_type`,
        message: `Button ${b.index} of template "${view.name}"${scope.of} is a ${def.type} button, so its sub_type is "${wanted}", not "${b.subType || '(none)'}".`,
        fixes: [{ title: `Set sub_type to "${wanted}"`, edits: setValueEdits(ctx.doc.text, path, wanted) }],
      });
      continue;
    }
    if (def.type === 'URL' && !def.urlVariable && b.params.length > 0) {
      ctx.report({
        severity: 'error',
        code: 'template-button-parameters',
        pointer: b.params[0].pointer,
        message: `Button ${b.index} of template "${view.name}"${scope.of} opens a fixed URL (${def.url ?? ''}); it takes no parameter. Remove it.`,
      });
    }
  }
  buttons.forEach((def, index) => {
    if (!buttonNeedsParameter(def)) return;
    const given = sent.find((b) => b.index === index);
    if (given && given.params.length > 0) return;
    const what = def.type === 'URL' ? `the end of its URL (${def.url ?? ''})` : def.type === 'COPY_CODE' ? 'the code it copies' : 'the one-time code';
    ctx.report({
      severity: 'error',
      code: 'template-button-parameters',
      pointer: given?.pointer ?? scope.pointer,
      message: `Button ${index} of template "${view.name}"${scope.of} (${def.type}) needs a parameter: ${what}. Add {"type": "button", "sub_type": "${SUB_TYPE[def.type]}", "index": "${index}", "parameters": [${def.type === 'COPY_CODE' ? '{"type": "coupon_code", "coupon_code": "..."}' : '{"type": "text", "text": "..."}'}]}.`,
    });
  });
}

/** Every part of `send` against `view`; `t` is the model's template reference. */
export function checkTemplateParts(ctx: LintContext, view: TemplateView, send: TemplateSend, t: TemplateRef, missingBody?: Scope['missingBody']): void {
  const top: Scope = { of: '', pointer: t.pointer, missingBody };
  checkText(ctx, 'body', view.body, send.body, view, top, 'template-parameters');
  if (!send.hasComponents) {
    // Vonage's `template` type and the legacy shape carry body values only.
    const needs = [
      view.header && view.header.format !== 'TEXT' ? `a ${view.header.format.toLowerCase()} header` : undefined,
      (view.header?.text?.variables.length ?? 0) > 0 ? 'a header variable' : undefined,
      view.buttons.some(buttonNeedsParameter) ? 'a button parameter' : undefined,
      view.cards.length ? 'carousel cards' : undefined,
    ].filter(Boolean);
    if (needs.length > 0)
      ctx.report({
        severity: 'error',
        code: 'template-header-media',
        pointer: t.pointer,
        message: `Template "${view.name}" needs ${needs.join(' and ')}, which a list of body parameters cannot carry: send it as message_type "custom" with a Cloud API template object.`,
      });
    return;
  }
  checkHeader(ctx, view.header, send.header, view, top);
  checkButtons(ctx, view.buttons, send.buttons, view, top);
  if (view.cards.length === 0) return;
  const cards = send.carousel?.cards ?? [];
  if (cards.length !== view.cards.length) {
    ctx.report({
      severity: 'error',
      code: 'template-carousel',
      pointer: send.carousel ? `${send.carousel.pointer}/cards` : t.pointer,
      message: `Template "${view.name}" is a carousel of ${plural(view.cards.length, 'card')}; this payload ${send.carousel ? `gives ${cards.length}` : 'has no {"type": "carousel", "cards": [...]} component'}. Send one card per card of the template, each with its card_index.`,
    });
  }
  for (const card of cards) {
    const def = view.cards[card.index];
    if (!def) continue;
    const scope: Scope = { of: ` on card ${card.index}`, pointer: card.pointer };
    checkHeader(ctx, def.header, card.header, view, scope);
    if (def.body) checkText(ctx, 'body', def.body, card.body, view, scope, 'template-parameters');
    checkButtons(ctx, def.buttons, card.buttons, view, scope);
  }
}
