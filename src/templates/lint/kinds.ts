/** Definition rules of the special kinds of template: authentication, limited-time offer, carousel. */
import { removePropertyEdits } from '../../core/edits';
import { arr, buttonsOf, upper, type LocatedCard, type LocatedComponent } from './located';
import type { DefinitionRule } from './rule';

export const OTP_TYPES = ['COPY_CODE', 'ONE_TAP', 'ZERO_TAP'];
export const EXPIRY = { min: 1, max: 90 } as const;

const pathOf = (pointer: string) =>
  pointer
    .split('/')
    .slice(1)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));

/**
 * `template-auth-body`, `template-auth-button`, `template-auth-expiry`: an AUTHENTICATION template
 * takes Meta's preset body (no text of its own; `add_security_recommendation` may add Meta's
 * security sentence), one OTP button of type COPY_CODE, ONE_TAP or ZERO_TAP, and an optional code
 * expiry of 1 to 90 minutes in the footer. Source: Meta, authentication templates (SOURCES.authentication).
 * A template pulled from the account carries Meta's rendering of these (texts, a URL button), so it is not checked.
 */
export const authentication: DefinitionRule = (ctx, def) => {
  if (def.category !== 'AUTHENTICATION' || def.fromAccount) return;
  const body = def.components.find((c) => c.type === 'BODY');
  if (body && typeof body.value.text === 'string') {
    ctx.report({
      severity: 'error',
      code: 'template-auth-body',
      pointer: `${body.pointer}/text`,
      onKey: true,
      message:
        'An AUTHENTICATION template takes Meta\'s preset body ("<code> is your verification code."); it cannot have text of its own. Remove "text" (use "add_security_recommendation": true for the security sentence).',
      fixes: [{ title: 'Remove the body text', edits: removePropertyEdits(ctx.doc.text, [...pathOf(body.pointer), 'text']) }],
    });
  }
  const buttonsComponent = def.components.find((c) => c.type === 'BUTTONS');
  const buttons = buttonsOf(buttonsComponent);
  const otp = buttons.filter((b) => b.type === 'OTP');
  if (!buttonsComponent || otp.length === 0) {
    const other = buttons.find((b) => b.type !== 'OTP');
    ctx.report({
      severity: 'error',
      code: 'template-auth-button',
      pointer: other ? `${other.pointer}/type` : buttonsComponent ? `${buttonsComponent.pointer}/buttons` : '/components',
      onKey: !buttonsComponent,
      message: `An AUTHENTICATION template needs one OTP button: add {"type": "BUTTONS", "buttons": [{"type": "OTP", "otp_type": "COPY_CODE", "text": "Copy code"}]} (otp_type COPY_CODE, ONE_TAP or ZERO_TAP).${other ? ` A ${other.type} button is not allowed here.` : ''}`,
    });
  } else {
    if (buttons.length > 1) {
      const extra = buttons.find((b) => b !== otp[0])!;
      ctx.report({ severity: 'error', code: 'template-auth-button', pointer: extra.pointer, message: 'An AUTHENTICATION template has exactly one button, the OTP button. Remove this one.' });
    }
    const b = otp[0];
    const type = upper(b.value.otp_type);
    if (!OTP_TYPES.includes(type)) {
      // A value outside the enum is the schema's report (run first in the CLI); a missing one is ours.
      if (!ctx.reported(`${b.pointer}/otp_type`, 'schema'))
        ctx.report({
          severity: 'error',
          code: 'template-auth-button',
          pointer: `${b.pointer}/otp_type`,
          message: `"otp_type" must be COPY_CODE, ONE_TAP or ZERO_TAP${b.value.otp_type === undefined ? '' : ` (found ${JSON.stringify(b.value.otp_type)})`}.`,
        });
    } else if (type !== 'COPY_CODE' && arr(b.value.supported_apps).length === 0 && (typeof b.value.package_name !== 'string' || typeof b.value.signature_hash !== 'string')) {
      ctx.report({
        severity: 'error',
        code: 'template-auth-button',
        pointer: b.pointer,
        message: `A ${type} button needs the Android app that receives the code: "supported_apps": [{"package_name": "...", "signature_hash": "..."}].`,
      });
    }
  }
  const footer = def.components.find((c) => c.type === 'FOOTER');
  const minutes = footer?.value.code_expiration_minutes;
  if (footer && typeof minutes === 'number' && (!Number.isInteger(minutes) || minutes < EXPIRY.min || minutes > EXPIRY.max)) {
    ctx.report({
      severity: 'error',
      code: 'template-auth-expiry',
      pointer: `${footer.pointer}/code_expiration_minutes`,
      message: `"code_expiration_minutes" must be a whole number of minutes from ${EXPIRY.min} to ${EXPIRY.max} (found ${JSON.stringify(minutes)}).`,
    });
  }
};

/**
 * `template-offer-footer`: a LIMITED_TIME_OFFER template has no footer.
 * Source: Meta, limited-time offer templates (SOURCES.limitedTimeOffer): "Footer components are not supported."
 */
export const limitedTimeOffer: DefinitionRule = (ctx, def) => {
  if (!def.components.some((c) => c.type === 'LIMITED_TIME_OFFER')) return;
  const footer = def.components.find((c) => c.type === 'FOOTER');
  if (!footer) return;
  ctx.report({
    severity: 'error',
    code: 'template-offer-footer',
    pointer: footer.pointer,
    message: "A limited-time offer template cannot have a footer (Meta shows the offer's expiry there). Remove the FOOTER component.",
    fixes: [{ title: 'Remove the footer', edits: removePropertyEdits(ctx.doc.text, pathOf(footer.pointer)) }],
  });
};

export const MIN_CARDS = 2;
export const MAX_CARDS = 10;
export const MAX_CARD_BUTTONS = 2;
const CARD_HEADERS = new Set(['IMAGE', 'VIDEO']);

/** What must be the same on every card: which components, the header's format, the buttons' types. */
function shapeOf(card: LocatedCard): { types: string; format: string; buttons: string } {
  const header = card.components.find((c) => c.type === 'HEADER');
  const buttons = buttonsOf(card.components.find((c) => c.type === 'BUTTONS'));
  return {
    types: card.components
      .map((c) => c.type)
      .sort()
      .join(','),
    format: upper(header?.value.format),
    buttons: buttons.map((b) => b.type).join(','),
  };
}

/**
 * `template-carousel-cards` (2 to 10 cards), `template-carousel-shape` (every card has the same
 * components, header format and buttons; the header is an image or a video), `template-card-buttons`
 * (at most 2 buttons per card). Source: Meta, media card carousel templates (SOURCES.carousel).
 */
export const carousel: DefinitionRule = (ctx, def) => {
  const component = def.components.find((c) => c.type === 'CAROUSEL');
  if (!component) return;
  const cards = def.cards;
  if (component.value.cards !== undefined && !Array.isArray(component.value.cards)) return; // the schema's
  const n = arr(component.value.cards).length;
  if (n < MIN_CARDS) {
    ctx.report({
      severity: 'error',
      code: 'template-carousel-cards',
      pointer: `${component.pointer}/cards`,
      onKey: component.value.cards === undefined,
      message: `A carousel has ${MIN_CARDS} to ${MAX_CARDS} cards; this one has ${n}. Add ${MIN_CARDS - n}.`,
    });
  } else if (n > MAX_CARDS) {
    ctx.report({
      severity: 'error',
      code: 'template-carousel-cards',
      pointer: `${component.pointer}/cards/${MAX_CARDS}`,
      message: `A carousel has at most ${MAX_CARDS} cards; this one has ${n}. Remove ${n - MAX_CARDS} (from this one on).`,
    });
  }
  cards.forEach((card, k) => {
    const header = card.components.find((c) => c.type === 'HEADER');
    if (!header)
      ctx.report({
        severity: 'error',
        code: 'template-carousel-shape',
        pointer: `${card.pointer}/components`,
        onKey: true,
        message: `Card ${k + 1} has no HEADER: every card starts with an image or a video header.`,
      });
    else if (!CARD_HEADERS.has(upper(header.value.format)))
      ctx.report({
        severity: 'error',
        code: 'template-carousel-shape',
        pointer: `${header.pointer}/format`,
        message: `A card's header is an IMAGE or a VIDEO (found ${JSON.stringify(header.value.format ?? null)}).`,
      });
    const buttons = buttonsOf(card.components.find((c) => c.type === 'BUTTONS'));
    if (buttons.length > MAX_CARD_BUTTONS) {
      ctx.report({
        severity: 'error',
        code: 'template-card-buttons',
        pointer: buttons[MAX_CARD_BUTTONS].pointer,
        message: `Card ${k + 1} has ${buttons.length} buttons; a carousel card has at most ${MAX_CARD_BUTTONS}. Remove ${buttons.length - MAX_CARD_BUTTONS}.`,
      });
    }
  });
  if (cards.length < 2) return;
  const first = shapeOf(cards[0]);
  for (let k = 1; k < cards.length; k++) {
    const shape = shapeOf(cards[k]);
    const at = (type: string): LocatedComponent | undefined => cards[k].components.find((c) => c.type === type);
    let pointer: string | undefined;
    let what = '';
    if (shape.types !== first.types) {
      pointer = `${cards[k].pointer}/components`;
      what = `its components (${shape.types || 'none'}) differ from card 1's (${first.types || 'none'})`;
    } else if (shape.format !== first.format) {
      pointer = `${at('HEADER')!.pointer}/format`;
      what = `its header is ${shape.format || 'unset'} where card 1's is ${first.format || 'unset'}`;
    } else if (shape.buttons !== first.buttons) {
      pointer = `${at('BUTTONS')!.pointer}/buttons`;
      what = `its buttons (${shape.buttons || 'none'}) differ from card 1's (${first.buttons || 'none'})`;
    }
    if (pointer) {
      ctx.report({ severity: 'error', code: 'template-carousel-shape', pointer, message: `Every carousel card must have the same components; card ${k + 1} does not: ${what}.` });
      return;
    }
  }
};
