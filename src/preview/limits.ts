/**
 * What the preview draws of an oversized payload. Real messages are far below these caps (3
 * buttons, 10 list rows, a few contacts); the lint and schema report the excess. The caps only
 * keep a pathological file (thousands of buttons, tens of thousands of problems) from sending the
 * webview tens of megabytes and freezing it.
 */
import type { MessageModel } from '../core/model';

/** Items drawn per list in the phone (buttons, sections, rows, contacts, parameters). */
export const MAX_ITEMS = 50;
/** Problems listed under the phone; the Problems panel has them all. */
export const MAX_PROBLEMS = 200;

/**
 * The model with every list cut to MAX_ITEMS, and how many items were left out in all. A gap (a
 * list that is not an array in a half-written payload) stays a gap: the renderer reports those.
 */
export function clipModel(model: MessageModel): { model: MessageModel; omitted: number } {
  let omitted = 0;
  const count = <T>(items: T[]): T[] => {
    if (!Array.isArray(items) || items.length <= MAX_ITEMS) return items;
    omitted += items.length - MAX_ITEMS;
    return items.slice(0, MAX_ITEMS);
  };
  const clipped: MessageModel = { ...model };
  if (model.buttons) clipped.buttons = count(model.buttons);
  if (model.contacts) clipped.contacts = count(model.contacts).map((c) => (c && Array.isArray(c.phones) ? { ...c, phones: count(c.phones) } : c));
  if (model.list)
    clipped.list = {
      ...model.list,
      sections: Array.isArray(model.list.sections) ? count(model.list.sections).map((s) => (s && Array.isArray(s.rows) ? { ...s, rows: count(s.rows) } : s)) : model.list.sections,
    };
  if (model.template) {
    const t = { ...model.template, parameters: count(model.template.parameters) };
    if (model.template.headerParameters) t.headerParameters = count(model.template.headerParameters);
    if (model.template.buttonParameters) t.buttonParameters = count(model.template.buttonParameters);
    clipped.template = t;
  }
  return { model: clipped, omitted };
}
