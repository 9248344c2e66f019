/** Definition rules about the length of each text: header, body, footer, card body, offer headline. */
import { rangeInString, texts, where, rec, type LocatedText } from './located';
import type { DefinitionRule } from './rule';

export const LIMITS = { header: 60, body: 1024, footer: 60, cardBody: 160, offerBody: 600, offerText: 16 } as const;

function limitOf(t: LocatedText, offer: boolean): number {
  if (t.role === 'HEADER') return LIMITS.header;
  if (t.role === 'FOOTER') return LIMITS.footer;
  if (t.card !== undefined) return LIMITS.cardBody;
  return offer ? LIMITS.offerBody : LIMITS.body;
}

/**
 * `template-text-length`: header text at most 60 characters, body 1024, footer 60 (Meta, template
 * components, SOURCES.components); a carousel card's body 160 (SOURCES.carousel); a limited-time
 * offer's body 600 and its headline 16 (SOURCES.limitedTimeOffer).
 */
export const textLengths: DefinitionRule = (ctx, def) => {
  const offer = def.components.find((c) => c.type === 'LIMITED_TIME_OFFER');
  for (const t of texts(def)) {
    const max = limitOf(t, offer !== undefined);
    if (t.text.length <= max) continue;
    ctx.report({
      severity: 'error',
      code: 'template-text-length',
      pointer: t.pointer,
      ...rangeInString(ctx, t.pointer, max, t.text.length),
      message: `The text of ${where(t)} is ${t.text.length} characters; Meta allows at most ${max}${t.card !== undefined ? ' on a carousel card' : ''}. Shorten it by ${t.text.length - max}.`,
    });
  }
  const headline = rec(offer?.value.limited_time_offer)?.text;
  if (offer && typeof headline === 'string' && headline.length > LIMITS.offerText) {
    const pointer = `${offer.pointer}/limited_time_offer/text`;
    ctx.report({
      severity: 'error',
      code: 'template-text-length',
      pointer,
      ...rangeInString(ctx, pointer, LIMITS.offerText, headline.length),
      message: `The offer headline is ${headline.length} characters; Meta allows at most ${LIMITS.offerText}.`,
    });
  }
};
