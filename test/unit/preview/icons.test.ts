import * as assert from 'node:assert/strict';
import { renderPhone } from '../../../src/preview/render';
import { toHtml } from '../../../src/preview/page';
import { toText } from '../../../src/preview/text';
import { textOf, walk, type VElement } from '../../../src/preview/vnode';
import { vNode } from '../../../src/shared/protocol';
import type { Media } from '../../../src/core/model';
import { model, t } from './fixtures';

const MEDIA: Media['type'][] = ['image', 'video', 'audio', 'file', 'sticker', 'vcard'];

/** Characters that need an emoji or symbol font, which a machine may not have (they showed as boxes). */
const NEEDS_A_FONT = /[\p{Extended_Pictographic}\u21A9\u2197\u2398\u2630\u25B6\u266B]/u;

function icons(root: VElement): VElement[] {
  return [...walk(root)].filter((e) => e.tag === 'svg');
}

describe('preview icons', () => {
  const trees: [string, VElement][] = [
    ...MEDIA.map((type): [string, VElement] => [type, renderPhone(model({ kind: type === 'file' ? 'file' : (type as never), media: { type, url: `https://example.com/x.${type}`, pointer: '/m' } }))]),
    ['location', renderPhone(model({ kind: 'location', location: { latitude: 51.5, longitude: -0.12, name: 'Shop', pointer: '/l' } }))],
    [
      'buttons and a list',
      renderPhone(
        model({
          kind: 'buttons',
          text: t('Pick'),
          buttons: [
            { kind: 'reply', title: t('Yes'), id: 'y' },
            { kind: 'url', title: t('Site'), url: 'https://example.com' },
            { kind: 'call', title: t('Call'), phone: '+447700900000' },
            { kind: 'copy', title: t('Code') },
          ],
        }),
      ),
    ],
  ];

  for (const [name, root] of trees) {
    it(`${name}: drawn with inline SVG, with no character that needs an emoji font`, () => {
      assert.ok(icons(root).length > 0, 'no icon');
      for (const svg of icons(root)) {
        assert.equal(svg.attrs?.viewBox, '0 0 16 16');
        assert.equal(svg.attrs?.['aria-hidden'], 'true');
        assert.ok(svg.children?.every((c) => typeof c !== 'string' && c.tag === 'path' && /^M[\d. a-zA-Z-]+$/.test(c.attrs!.d)));
      }
      assert.doesNotMatch(textOf(root), NEEDS_A_FONT);
      assert.doesNotMatch(toText(root), NEEDS_A_FONT);
      assert.match(toHtml(root), /<svg class="icon icon-[a-z]+[^"]*" viewBox="0 0 16 16" aria-hidden="true"><path d="M[^"]+"><\/path><\/svg>/);
      assert.ok(vNode.safeParse(root).success, 'the webview protocol accepts it');
    });
  }

  it('SVG carries geometry only: no handler, link or style gets through the allow-list', () => {
    const hostile = { tag: 'svg', attrs: { viewBox: '0 0 1 1', onload: 'alert(1)' }, children: [{ tag: 'path', attrs: { d: 'M0 0', href: 'javascript:alert(1)' } }] };
    assert.equal(vNode.safeParse(hostile).success, false);
    assert.equal(toHtml(hostile), '<svg viewBox="0 0 1 1"><path d="M0 0"></path></svg>');
    assert.equal(toHtml({ tag: 'div', attrs: { d: 'x', viewBox: 'y' } }), '<div></div>');
  });
});
