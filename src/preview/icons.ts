/**
 * The preview's icons as inline SVG: emoji and rare symbols showed as empty boxes where no emoji font
 * is installed (photo, document, contact), and inline SVG needs no font, no file and no CSP source.
 * Each is a few strokes on a 16x16 grid, drawn in the text colour (CSS `.icon`).
 */
import { h, type VElement } from './vnode';

const PATHS = {
  image: 'M2.5 3.5h11v9h-11z M2.5 11l3.5-3.5 3 3 2-2 2.5 2.5 M10.5 6.5m-1 0a1 1 0 1 0 2 0a1 1 0 1 0-2 0',
  video: 'M2.5 4.5h11v7h-11z M7 6.3v3.4l2.8-1.7z',
  audio: 'M6 12.5V4l7-1.5V11 M4.5 12.5m-1.5 0a1.5 1.5 0 1 0 3 0a1.5 1.5 0 1 0-3 0 M11.5 11m-1.5 0a1.5 1.5 0 1 0 3 0a1.5 1.5 0 1 0-3 0',
  file: 'M4 1.5h5.5l3 3v10h-8.5z M9.5 1.5v3h3 M6 8h4.5 M6 10.5h4.5',
  sticker: 'M8 8m-6 0a6 6 0 1 0 12 0a6 6 0 1 0-12 0 M6 6.5v.5 M10 6.5v.5 M5.5 9.5q2.5 2.5 5 0',
  contact: 'M8 5.5m-2.5 0a2.5 2.5 0 1 0 5 0a2.5 2.5 0 1 0-5 0 M3 14c.5-3 2.5-4.5 5-4.5s4.5 1.5 5 4.5',
  pin: 'M8 14.5s-4.5-4.6-4.5-8a4.5 4.5 0 0 1 9 0c0 3.4-4.5 8-4.5 8z M8 6.5m-1.5 0a1.5 1.5 0 1 0 3 0a1.5 1.5 0 1 0-3 0',
  reply: 'M6 4L2.5 7.5 6 11 M2.5 7.5H10a3.5 3.5 0 0 1 3.5 3.5v1',
  link: 'M9 2.5h4.5V7 M13.5 2.5L7 9 M11.5 9.5v4h-9v-9h4',
  call: 'M3 2.5h3l1.2 3-1.7 1.2a8 8 0 0 0 3.8 3.8l1.2-1.7 3 1.2v3a1.5 1.5 0 0 1-1.5 1.5A11 11 0 0 1 1.5 4 1.5 1.5 0 0 1 3 2.5z',
  copy: 'M5.5 5.5h8v8h-8z M3.5 10.5h-1v-8h8v1',
  list: 'M2.5 4h11 M2.5 8h11 M2.5 12h11',
} as const;

export type IconName = keyof typeof PATHS;

/** An icon for decoration: hidden from screen readers, which read the label beside it. */
export function icon(name: IconName, className = ''): VElement {
  return h('svg', { class: `icon icon-${name}${className ? ` ${className}` : ''}`, viewBox: '0 0 16 16', 'aria-hidden': 'true' }, h('path', { d: PATHS[name] }));
}
