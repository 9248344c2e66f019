/**
 * SMS as the handset shows it: a plain bubble (no formatting), marked where each billed part
 * ends, plus what it costs: encoding, parts, units and what is left in the last part.
 * The maths is core/sms's, the same `mwb sms` and the lint use.
 */
import type { MessageModel } from '../core/model';
import { analyzeSms, withGsmEquivalents, type SmsAnalysis } from '../core/sms';
import { clipForPreview, plainLines } from './message-text';
import { part } from './rejected';
import { h, type VElement, type VNode } from './vnode';

export function renderSms(model: MessageModel, time: string): VElement {
  const text = model.text?.text ?? '';
  const a = analyzeSms(text, { encodingType: model.smsEncoding });
  return h(
    'div',
    { class: 'sms' },
    h('div', { class: 'bubble incoming sms-bubble' }, part(h('div', { class: 'body' }, ...segments(text, a)), model.text?.pointer), h('span', { class: 'meta' }, h('time', null, time))),
    facts(text, a, model.smsEncoding),
  );
}

function segments(text: string, a: SmsAnalysis): VNode[] {
  if (a.segments <= 1 || a.parts.length <= 1) return plainLines(text);
  const out: VNode[] = [];
  // Parts beyond what the preview draws are counted in the facts below, not drawn (thousands of them would freeze the page).
  const { shown, note } = clipForPreview(text);
  const drawn = a.parts.filter((p) => p.start < shown.length);
  drawn.forEach((p, i) => {
    out.push(
      h('span', { class: 'sms-segment', 'data-index': String(i + 1), 'data-start': String(p.start), 'data-end': String(p.end) }, ...plainLines(shown.slice(p.start, Math.min(p.end, shown.length)))),
    );
    if (i < a.parts.length - 1 && p.end <= shown.length) out.push(h('span', { class: 'sms-break', title: `Part ${i + 1} of ${a.parts.length} ends here` }, `${i + 1}/${a.parts.length}`));
  });
  if (note) out.push(h('br'), note);
  return out;
}

function facts(text: string, a: SmsAnalysis, forced: MessageModel['smsEncoding']): VElement {
  const unit = a.encoding === 'GSM-7' ? 'septets' : 'UTF-16 units';
  const rows: [string, string][] = [
    ['Encoding', `${a.encoding}${forced && forced !== 'auto' ? ` (forced by encoding_type "${forced}")` : ''}`],
    ['Parts', `${a.segments}${a.graphemeSafeSegments > a.segments ? ` (${a.graphemeSafeSegments} if no emoji or accented letter may be split)` : ''}`],
    ['Length', `${a.units} ${unit}`],
    ['Per part', `${a.perSegment} ${unit}`],
    ['Left in last part', `${a.remaining} ${unit}`],
  ];
  let warning: VElement | undefined;
  if (a.encoding === 'UCS-2' && a.nonGsm.length > 0) {
    const chars = [...new Set(a.nonGsm.map((c) => c.char))];
    const gsmCost = analyzeSms(withGsmEquivalents(text, a.nonGsm, true), { encodingType: 'auto' });
    const shown =
      chars
        .slice(0, 8)
        .map((c) => `${c} (${codePoints(c)})`)
        .join(', ') + (chars.length > 8 ? ` and ${chars.length - 8} more` : '');
    const cost = gsmCost.encoding === 'GSM-7' && gsmCost.segments < a.segments ? ` (${a.segments} part${a.segments === 1 ? '' : 's'} instead of ${gsmCost.segments})` : '';
    warning = h('div', { class: 'sms-warning' }, `Not in the GSM alphabet, so the whole text goes as UCS-2${cost}: ${shown}`);
  }
  return h('div', { class: 'sms-info' }, h('div', { class: 'sms-facts' }, ...rows.flatMap(([k, v]) => [h('span', { class: 'sms-fact-name' }, k), h('span', { class: 'sms-fact' }, v)])), warning);
}

function codePoints(c: string): string {
  return [...c].map((p) => `U+${p.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
}
