/**
 * A template definition as the lint rules walk it: every component, card, text and button with its
 * JSON pointer, read defensively from whatever the file holds (the schema reports the shape).
 */
import type { LintContext } from '../../core/lint/context';
import { jsonStringOffsets } from '../../core/sms/json-string-offsets';
import { rec } from '../../core/json-values';

export interface LocatedComponent {
  /** Upper-cased `type`. */
  type: string;
  value: Record<string, unknown>;
  pointer: string;
}

export interface LocatedText {
  /** Where the text sits: HEADER, BODY, FOOTER of the template or of a carousel card. */
  role: 'HEADER' | 'BODY' | 'FOOTER';
  /** Set for texts of a carousel card. */
  card?: number;
  text: string;
  pointer: string;
  component: LocatedComponent;
}

export interface LocatedButton {
  type: string;
  value: Record<string, unknown>;
  pointer: string;
}

export interface LocatedCard {
  pointer: string;
  components: LocatedComponent[];
}

export interface LocatedDefinition {
  value: Record<string, unknown>;
  category: string;
  /** `parameter_format` as given (upper case), or undefined. */
  parameterFormat?: string;
  components: LocatedComponent[];
  cards: LocatedCard[];
  /** Pulled from the account (has `status`): Meta's own rendering, not a submission. */
  fromAccount: boolean;
}

export { rec };
export const arr = (v: unknown) => (Array.isArray(v) ? v : []);
export const upper = (v: unknown) => (typeof v === 'string' ? v.toUpperCase() : '');

function componentsAt(list: unknown, pointer: string): LocatedComponent[] {
  return arr(list).flatMap((c, i) => {
    const value = rec(c);
    return value ? [{ type: upper(value.type), value, pointer: `${pointer}/${i}` }] : [];
  });
}

export function locate(value: unknown): LocatedDefinition | undefined {
  const v = rec(value);
  if (!v) return undefined;
  const components = componentsAt(v.components, '/components');
  const carousel = components.find((c) => c.type === 'CAROUSEL');
  const cards = carousel
    ? arr(carousel.value.cards).flatMap((card, k) => {
        const r = rec(card);
        const pointer = `${carousel.pointer}/cards/${k}`;
        return r ? [{ pointer, components: componentsAt(r.components, `${pointer}/components`) }] : [];
      })
    : [];
  return {
    value: v,
    category: upper(v.category),
    parameterFormat: typeof v.parameter_format === 'string' ? v.parameter_format.toUpperCase() : undefined,
    components,
    cards,
    fromAccount: typeof v.status === 'string',
  };
}

/** The HEADER, BODY and FOOTER texts of the template and of every carousel card. */
export function texts(def: LocatedDefinition): LocatedText[] {
  const of = (components: LocatedComponent[], card?: number): LocatedText[] =>
    components.flatMap((c) => {
      if ((c.type !== 'HEADER' && c.type !== 'BODY' && c.type !== 'FOOTER') || typeof c.value.text !== 'string') return [];
      if (c.type === 'HEADER' && c.value.format !== undefined && upper(c.value.format) !== 'TEXT') return [];
      return [{ role: c.type, card, text: c.value.text, pointer: `${c.pointer}/text`, component: c }];
    });
  return [...of(def.components), ...def.cards.flatMap((card, k) => of(card.components, k))];
}

export function buttonsOf(component: LocatedComponent | undefined): LocatedButton[] {
  if (!component) return [];
  return arr(component.value.buttons).flatMap((b, i) => {
    const value = rec(b);
    return value ? [{ type: upper(value.type), value, pointer: `${component.pointer}/buttons/${i}` }] : [];
  });
}

/** File offsets of characters `from`..`to` of the string value at `pointer` (the whole value if it cannot tell). */
export function rangeInString(ctx: LintContext, pointer: string, from: number, to: number): { start: number; end: number } {
  const whole = ctx.range(pointer);
  const offsets = jsonStringOffsets(ctx.doc.text, whole.start);
  if (!offsets || to >= offsets.length || from > to) return whole;
  return { start: offsets[from], end: offsets[to] };
}

/** "the body", "the header of card 2", ... for messages. */
export function where(t: Pick<LocatedText, 'role' | 'card'>): string {
  const part = t.role.toLowerCase();
  return t.card === undefined ? `the ${part}` : `the ${part} of card ${t.card + 1}`;
}
