import * as assert from 'node:assert/strict';
import { renderPhone } from '../../../src/preview/render';
import { findByClass, textOf, walk, type VElement } from '../../../src/preview/vnode';
import { createCatalog } from '../../../src/core/templates';
import { model, t } from './fixtures';

const one = (root: VElement, cls: string): VElement => {
  const found = findByClass(root, cls);
  assert.equal(found.length, 1, `expected one .${cls}, found ${found.length}`);
  return found[0];
};

describe('preview renderer', () => {
  it('shows a text message as one incoming bubble with its text and time', () => {
    const root = renderPhone(model({ text: t('Hello there') }), { time: '09:41' });
    const bubble = one(root, 'bubble');
    assert.match(textOf(one(bubble, 'body')), /^Hello there$/);
    assert.equal(textOf(one(bubble, 'meta')), '09:41');
    assert.equal(findByClass(root, 'buttons').length, 0);
  });

  it('keeps line breaks of the body', () => {
    const body = one(renderPhone(model({ text: t('a\nb') })), 'body');
    assert.ok([...walk(body)].some((e) => e.tag === 'br'));
  });

  it('shows header, footer and up to three reply buttons of an interactive message', () => {
    const root = renderPhone(
      model({
        kind: 'buttons',
        header: { kind: 'text', ...t('Order #42') },
        text: t('Pick one'),
        footer: t('Reply within 24h'),
        buttons: [
          { kind: 'reply', title: t('Yes'), id: 'y' },
          { kind: 'reply', title: t('No'), id: 'n' },
          { kind: 'reply', title: t('Later'), id: 'l' },
        ],
      }),
    );
    assert.equal(textOf(one(root, 'bubble-header')), 'Order #42');
    assert.equal(textOf(one(root, 'bubble-footer')), 'Reply within 24h');
    assert.deepEqual(findByClass(root, 'action-title').map(textOf), ['Yes', 'No', 'Later']);
    assert.equal(findByClass(root, 'action-reply').length, 3);
  });

  it('shows URL and call buttons with their targets', () => {
    const root = renderPhone(
      model({
        kind: 'buttons',
        text: t('x'),
        buttons: [
          { kind: 'url', title: t('Track'), url: 'https://e.x/1' },
          { kind: 'call', title: t('Call us'), phone: '+441234' },
        ],
      }),
    );
    assert.equal(one(root, 'action-url').attrs?.title, 'https://e.x/1');
    assert.equal(one(root, 'action-call').attrs?.title, '+441234');
  });

  it('shows a media header as a placeholder naming its URL, without loading it', () => {
    const root = renderPhone(model({ kind: 'buttons', header: { kind: 'media', media: { type: 'image', url: 'https://cdn.example/cat.jpg', pointer: '/h' } }, text: t('hi') }));
    const media = one(root, 'media-image');
    assert.match(textOf(media), /https:\/\/cdn\.example\/cat\.jpg/);
    assert.equal([...walk(root)].filter((e) => e.tag === 'img').length, 0);
  });

  it('loads a remote image only when asked, and only over https', () => {
    const m = model({ kind: 'image', media: { type: 'image', url: 'https://cdn.example/cat.jpg', pointer: '/image' } });
    const img = [...walk(renderPhone(m, { loadRemoteMedia: true }))].filter((e) => e.tag === 'img');
    assert.equal(img.length, 1);
    assert.equal(img[0].attrs?.src, 'https://cdn.example/cat.jpg');
    const plain = model({ kind: 'image', media: { type: 'image', url: 'http://cdn.example/cat.jpg', pointer: '/image' } });
    assert.equal([...walk(renderPhone(plain, { loadRemoteMedia: true }))].filter((e) => e.tag === 'img').length, 0);
  });

  for (const type of ['image', 'video', 'audio', 'file', 'sticker', 'vcard'] as const) {
    it(`shows ${type} media as a placeholder with the id, and the caption as body`, () => {
      const root = renderPhone(model({ kind: type, media: { type, id: 'MID-7', caption: t('look'), pointer: '/m' } }));
      assert.match(textOf(one(root, `media-${type}`)), /media id MID-7/);
      assert.equal(textOf(one(root, 'body')), 'look');
    });
  }

  it('shows a document file name', () => {
    const root = renderPhone(model({ kind: 'file', media: { type: 'file', url: 'https://x/y.pdf', filename: 'invoice.pdf', pointer: '/d' } }));
    assert.match(textOf(one(root, 'media-file')), /Document: invoice\.pdf/);
  });

  it('shows a location with name, address and coordinates', () => {
    const root = renderPhone(model({ kind: 'location', location: { latitude: 51.5, longitude: -0.12, name: 'Office', address: '1 Main St', pointer: '/location' } }));
    const loc = one(root, 'location');
    assert.equal(textOf(one(loc, 'location-name')), 'Office');
    assert.equal(textOf(one(loc, 'location-address')), '1 Main St');
    assert.equal(textOf(one(loc, 'location-coords')), '51.5, -0.12');
  });

  it('shows each contact card with its phones', () => {
    const root = renderPhone(
      model({
        kind: 'contacts',
        contacts: [
          { name: 'Ann', phones: ['+1 555'] },
          { name: 'Bob', phones: [] },
        ],
      }),
    );
    assert.deepEqual(findByClass(root, 'contact-card-name').map(textOf), ['Ann', 'Bob']);
    assert.deepEqual(findByClass(root, 'contact-card-phone').map(textOf), ['+1 555']);
  });

  it('shows a list message: the button, then the sheet with sections and rows', () => {
    const root = renderPhone(
      model({
        kind: 'list',
        text: t('Choose a slot'),
        list: {
          button: t('See slots'),
          sections: [
            { title: t('Morning'), rows: [{ id: 'm1', title: t('9:00'), description: t('Early bird') }], pointer: '/s/0' },
            {
              title: t('Evening'),
              rows: [
                { id: 'e1', title: t('18:00') },
                { id: 'e2', title: t('19:00') },
              ],
              pointer: '/s/1',
            },
          ],
        },
      }),
    );
    assert.equal(textOf(one(root, 'action-list')).includes('See slots'), true);
    const sheet = one(root, 'list-sheet');
    assert.deepEqual(findByClass(sheet, 'section-title').map(textOf), ['Morning', 'Evening']);
    assert.deepEqual(findByClass(sheet, 'row-title').map(textOf), ['9:00', '18:00', '19:00']);
    assert.deepEqual(findByClass(sheet, 'row-desc').map(textOf), ['Early bird']);
  });

  it('shows a reaction on the message it reacts to', () => {
    const root = renderPhone(model({ kind: 'reaction', reaction: { messageId: 'wamid.ABC', emoji: '\u{1F44D}' } }));
    assert.equal(textOf(one(root, 'reaction')), '\u{1F44D}');
    assert.match(textOf(one(root, 'msg-id')), /wamid\.ABC/);
  });

  it('shows the quoted message of a reply', () => {
    const root = renderPhone(model({ text: t('Sure'), replyTo: 'wamid.Q1' }));
    assert.match(textOf(one(root, 'quoted')), /wamid\.Q1/);
  });

  it('shows mark-as-read as a system line, not a bubble', () => {
    const root = renderPhone(model({ kind: 'mark-read', replyTo: 'wamid.R' }));
    assert.equal(findByClass(root, 'bubble').length, 0);
    assert.match(textOf(one(root, 'system')), /wamid\.R.*read/);
  });

  it('fills a known template with the payload parameters', () => {
    const root = renderPhone(
      model({ kind: 'template', freeForm: false, template: { name: 'whatsapp:hsm:technology:nexmo:verify', parameters: [t('Acme'), t('1234'), t('10')], pointer: '/template' } }),
      { templates: createCatalog() },
    );
    assert.equal(textOf(one(root, 'body')), 'Acme code: 1234. Valid for 10 minutes.');
  });

  it('fills header, body, url button and shows footer of a catalog template', () => {
    const templates = createCatalog([
      {
        name: 'order_update',
        language: 'en_US',
        header: { type: 'text', text: 'Order {{1}}' },
        body: 'Hi {{1}}, your order ships {{2}}.',
        footer: 'Acme Inc',
        buttons: [
          { type: 'url', text: 'Track', url: 'https://acme.example/t/{{1}}' },
          { type: 'quick_reply', text: 'Stop' },
        ],
      },
    ]);
    const root = renderPhone(
      model({
        kind: 'template',
        template: {
          name: 'order_update',
          language: 'en_US',
          parameters: [t('Ann')],
          headerParameters: [t('#42')],
          buttonParameters: [{ index: 0, subType: 'url', value: t('XYZ') }],
          pointer: '/template',
        },
      }),
      { templates },
    );
    assert.equal(textOf(one(root, 'bubble-header')), 'Order #42');
    assert.equal(textOf(one(root, 'body')), 'Hi Ann, your order ships {{2}}.');
    assert.match(textOf(one(root, 'notice')), /\{\{2\}\}/);
    assert.equal(textOf(one(root, 'bubble-footer')), 'Acme Inc');
    assert.equal(one(root, 'action-url').attrs?.title, 'https://acme.example/t/XYZ');
    assert.equal(findByClass(root, 'action-reply').length, 1);
  });

  it('says a template is unknown and lists the parameters sent', () => {
    const root = renderPhone(model({ kind: 'template', template: { name: 'nope', language: 'de', parameters: [t('A'), t('B')], pointer: '/template' } }), { templates: createCatalog() });
    const unknown = one(root, 'template-unknown');
    assert.match(textOf(unknown), /nope.*\(de\).*not in your catalog/);
    assert.match(textOf(unknown), /\{\{1\}\} = A/);
    assert.match(textOf(unknown), /\{\{2\}\} = B/);
  });

  it('labels Viber and Messenger phones by channel with a simple bubble', () => {
    for (const channel of ['viber', 'messenger'] as const) {
      const root = renderPhone(model({ provider: 'vonage', channel, text: t('Hi') }));
      assert.match(root.attrs?.class ?? '', new RegExp(`channel-${channel}`));
      assert.equal(textOf(one(root, 'body')), 'Hi');
    }
  });

  it('shows SMS text unformatted', () => {
    const root = renderPhone(model({ provider: 'vonage', channel: 'sms', text: t('*not bold*') }));
    assert.equal([...walk(root)].filter((e) => e.tag === 'strong').length, 0);
    assert.match(textOf(one(root, 'sms-bubble')), /\*not bold\*/);
  });

  it('explains an unreadable payload instead of drawing a bubble', () => {
    const root = renderPhone(undefined);
    assert.equal(findByClass(root, 'bubble').length, 0);
    assert.match(textOf(root), /Nothing to preview/);
  });
});

describe('preview body formatting', () => {
  const body = (text: string, channel: 'whatsapp' | 'viber' = 'whatsapp') => findByClass(renderPhone(model({ channel, text: t(text) })), 'body')[0];
  const tagsOf = (el: VElement) => [...walk(el)].slice(1).map((e) => e.tag);

  it('renders WhatsApp markers as strong, em, s and code', () => {
    const el = body('*b* _i_ ~s~ `c`');
    assert.deepEqual(
      tagsOf(el).filter((x) => x !== 'p'),
      ['strong', 'em', 's', 'code'],
    );
    assert.equal(textOf(el), 'b i s c');
  });

  it('leaves markers that do not open or close as text', () => {
    const el = body('snake_case_word 2 * 3 = *6*');
    assert.deepEqual(
      tagsOf(el).filter((x) => x !== 'p'),
      ['strong'],
    );
    assert.equal(textOf(findByClass(renderPhone(model({ text: t('2 * 3 = *6*') })), 'body')[0]), '2 * 3 = 6');
  });

  it('renders quotes, bullets, numbered lists and code blocks as blocks', () => {
    const el = body('> q\n* a\n* b\n1. x\n2. y\n```\n*lit*\n```');
    const tags = tagsOf(el);
    for (const tag of ['blockquote', 'ul', 'ol', 'pre']) assert.ok(tags.includes(tag), `${tag} in ${tags}`);
    assert.equal(tags.filter((x) => x === 'li').length, 4);
    assert.equal([...walk(el)].filter((e) => e.tag === 'strong').length, 0, 'code block is literal');
  });

  it('does not format on other channels', () => {
    assert.deepEqual(tagsOf(body('*b*', 'viber')), []);
  });
});

describe('preview SMS', () => {
  const sms = (text: string, smsEncoding?: 'text' | 'unicode' | 'auto') => renderPhone(model({ provider: 'vonage', channel: 'sms', text: t(text), smsEncoding }));
  const fact = (root: VElement, name: string) => {
    const names = findByClass(root, 'sms-fact-name').map(textOf);
    return textOf(findByClass(root, 'sms-fact')[names.indexOf(name)]);
  };

  it('shows one GSM-7 part for 160 characters, with what is left', () => {
    const root = sms('a'.repeat(160));
    assert.equal(fact(root, 'Encoding'), 'GSM-7');
    assert.match(fact(root, 'Parts'), /^1/);
    assert.equal(fact(root, 'Left in last part'), '0 septets');
    assert.equal(findByClass(root, 'sms-break').length, 0);
  });

  it('marks where each part ends once the text is split', () => {
    const root = sms('a'.repeat(161));
    assert.match(fact(root, 'Parts'), /^2/);
    const segs = findByClass(root, 'sms-segment');
    assert.deepEqual(
      segs.map((s) => textOf(s).length),
      [153, 8],
    );
    assert.deepEqual(findByClass(root, 'sms-break').map(textOf), ['1/2']);
    assert.equal(fact(root, 'Left in last part'), `${153 - 8} septets`);
  });

  it('names the characters that force UCS-2 and what they cost', () => {
    const root = sms('\u201CHello\u201D \u2014 see you' + 'x'.repeat(70));
    assert.equal(fact(root, 'Encoding'), 'UCS-2');
    const warning = textOf(findByClass(root, 'sms-warning')[0]);
    assert.match(warning, /\u201C \(U\+201C\)/);
    assert.match(warning, /\u2014/);
    assert.match(warning, /2 parts instead of 1/);
  });

  it('follows a forced encoding_type', () => {
    assert.match(fact(sms('hello', 'unicode'), 'Encoding'), /UCS-2.*forced/);
  });
});

describe('preview links', () => {
  it('shows web addresses as links without making them live', () => {
    const root = renderPhone(model({ text: t('Track: https://e.x/o/1234. Or www.acme.example') }));
    const links = findByClass(root, 'link');
    assert.deepEqual(links.map(textOf), ['https://e.x/o/1234', 'www.acme.example']);
    assert.equal([...walk(root)].filter((e) => e.tag === 'a').length, 0);
    assert.equal(textOf(findByClass(root, 'body')[0]), 'Track: https://e.x/o/1234. Or www.acme.example');
  });
});
