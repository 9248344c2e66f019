/**
 * The cards of a WhatsApp carousel: a row that scrolls sideways under the message, each card with
 * its media (or product), text and buttons. The renderer passes in how it draws media and buttons,
 * so a card looks like a message and this file needs nothing from render.ts.
 */
import type { Button, Card, Media } from '../core/model';
import { plainLines } from './message-text';
import { part } from './rejected';
import { h, type VElement } from './vnode';

export interface CardParts {
  media(media: Media): VElement;
  buttons(buttons: readonly Button[]): VElement;
}

export function renderCards(cards: readonly Card[], draw: CardParts): VElement {
  return h(
    'div',
    { class: 'carousel', 'aria-label': `${cards.length} cards, scrolled sideways` },
    ...cards.map((card, i) =>
      part(
        h(
          'div',
          { class: 'carousel-card', 'data-index': String(i) },
          card.media ? draw.media(card.media) : undefined,
          card.product !== undefined
            ? h('div', { class: 'media media-product' }, h('div', { class: 'media-info' }, h('div', { class: 'media-label' }, 'Product'), h('small', { class: 'media-src' }, card.product)))
            : undefined,
          card.text ? part(h('div', { class: 'body' }, ...plainLines(card.text.text)), card.text.pointer) : undefined,
          card.buttons.length > 0 ? draw.buttons(card.buttons) : undefined,
        ),
        card.pointer,
      ),
    ),
  );
}
