import * as assert from 'node:assert/strict';
import { validateText } from '../../../../src/pipeline/validate';
import { applyEdits } from '../../../../src/core/edits';
import { createCatalog } from '../../../../src/core/templates';
import { z } from 'zod';
import { provider as whatsapp } from '../../../../src/providers/whatsapp';
import { provider as onprem } from '../../../../src/providers/whatsapp-onprem';
import { detectProvider } from '../../../../src/providers/registry';

const FILE = 'payload.whatsapp.json';
const catalog = createCatalog([{ name: 'order_update', language: 'en_US', body: 'Hi {{1}}, order {{2}} arrives {{3}}.' }]);

function check(payload: unknown, fileName = FILE) {
  const text = JSON.stringify(payload, null, 2);
  const result = validateText(text, { fileName, templates: catalog });
  const errors = result.problems.filter((p) => p.severity === 'error');
  return { text, result, errors, codes: errors.map((p) => `${p.code} ${p.pointer}`) };
}

const envelope = { messaging_product: 'whatsapp', recipient_type: 'individual', to: '447700900000' };
const msg = (type: string, content: unknown, extra: Record<string, unknown> = {}) => ({ ...envelope, ...extra, type, [type]: content });

const buttons = (titles: string[]) =>
  msg('interactive', {
    type: 'button',
    body: { text: 'Pick one' },
    action: { buttons: titles.map((title, i) => ({ type: 'reply', reply: { id: `b${i}`, title } })) },
  });

const list = (sections: { title?: string; rows: number }[]) =>
  msg('interactive', {
    type: 'list',
    body: { text: 'Choose' },
    action: {
      button: 'Options',
      sections: sections.map((s, n) => ({ ...(s.title !== undefined ? { title: s.title } : {}), rows: Array.from({ length: s.rows }, (_, k) => ({ id: `r${n}-${k}`, title: `Row ${n}.${k}` })) })),
    },
  });

describe('whatsapp (Cloud API) provider', () => {
  describe('valid payloads', () => {
    const valid: Record<string, unknown> = {
      text: msg('text', { body: 'Hello', preview_url: true }),
      image: msg('image', { link: 'https://example.com/a.png', caption: 'A' }),
      'image by id': msg('image', { id: '1234567890' }),
      video: msg('video', { link: 'https://example.com/a.mp4' }),
      audio: msg('audio', { id: '1234' }),
      document: msg('document', { link: 'https://example.com/a.pdf', filename: 'a.pdf', caption: 'Doc' }),
      sticker: msg('sticker', { link: 'https://example.com/a.webp' }),
      location: msg('location', { latitude: -33.86, longitude: 151.2, name: 'Sydney' }),
      'location as strings': msg('location', { latitude: '51.5', longitude: '-0.12' }),
      contacts: msg('contacts', [{ name: { formatted_name: 'A B', first_name: 'A' }, phones: [{ phone: '+447700900001', type: 'CELL' }] }]),
      reaction: msg('reaction', { message_id: 'wamid.X', emoji: '👍' }),
      buttons: buttons(['Yes', 'No', 'Maybe']),
      list: list([
        { title: 'A', rows: 5 },
        { title: 'B', rows: 5 },
      ]),
      'single section without title': list([{ rows: 3 }]),
      cta: msg('interactive', { type: 'cta_url', body: { text: 'Go' }, action: { name: 'cta_url', parameters: { display_text: 'Open', url: 'https://example.com' } } }),
      template: msg('template', {
        name: 'order_update',
        language: { code: 'en_US' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Alex' },
              { type: 'text', text: '42' },
              { type: 'date_time', date_time: { fallback_value: 'Monday' } },
            ],
          },
        ],
      }),
      reply: msg('text', { body: 'Sure' }, { context: { message_id: 'wamid.Y' } }),
      'mark as read': { messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.Z' },
      placeholders: msg('text', { body: 'Hi {{NAME}}' }, { to: '{{TO}}' }),
    };
    for (const [name, payload] of Object.entries(valid)) {
      it(`accepts ${name}`, () => assert.deepEqual(check(payload).codes, []));
    }
  });

  describe('rule breakers get the right problem at the right pointer', () => {
    it('4 reply buttons', () => {
      assert.deepEqual(check(buttons(['A', 'B', 'C', 'D'])).codes, ['schema /interactive/action/buttons/3']);
    });
    it('a 21-character button title', () => {
      const { errors, codes } = check(buttons(['Yes', 'x'.repeat(21)]));
      assert.deepEqual(codes, ['schema /interactive/action/buttons/1/reply/title']);
      assert.match(errors[0].message, /21 characters.*limit is 20/);
    });
    it('duplicate button titles', () => {
      const { codes, errors, text } = check(buttons(['Yes', 'No', 'Yes']));
      assert.deepEqual(codes, ['duplicate-button-title /interactive/action/buttons/2/reply/title']);
      assert.equal(text.slice(errors[0].start, errors[0].end), '"Yes"');
      assert.ok(errors[0].start > text.indexOf('"No"'), 'underlines the third button, not the first');
    });
    it('11 list rows over 2 sections', () => {
      assert.deepEqual(
        check(
          list([
            { title: 'A', rows: 6 },
            { title: 'B', rows: 5 },
          ]),
        ).codes,
        ['list-too-many-rows /interactive/action/sections/1/rows/4'],
      );
    });
    it('a missing section title when there are 2 sections', () => {
      assert.deepEqual(check(list([{ title: 'A', rows: 1 }, { rows: 1 }])).codes, ['list-section-title /interactive/action/sections/1']);
    });
    it('a 25-character row title and a 73-character description', () => {
      const payload = list([{ rows: 1 }]);
      const row = (payload as any).interactive.action.sections[0].rows[0];
      row.title = 'r'.repeat(25);
      row.description = 'd'.repeat(73);
      assert.deepEqual(check(payload).codes.sort(), ['schema /interactive/action/sections/0/rows/0/description', 'schema /interactive/action/sections/0/rows/0/title']);
    });
    it('a text body of 4097 characters', () => {
      const { codes, errors } = check(msg('text', { body: 'a'.repeat(4097) }));
      assert.deepEqual(codes, ['schema /text/body']);
      assert.match(errors[0].message, /4097 characters.*4096/);
    });
    it('a button message body of 1025 characters', () => {
      const p = buttons(['A']);
      (p as any).interactive.body.text = 'b'.repeat(1025);
      assert.deepEqual(check(p).codes, ['schema /interactive/body/text']);
    });
    it('latitude 91, as a number and as a string', () => {
      assert.deepEqual(check(msg('location', { latitude: 91, longitude: 0 })).codes, ['schema /location/latitude']);
      assert.deepEqual(check(msg('location', { latitude: '91', longitude: '0' })).codes, ['location-range /location/latitude']);
      assert.deepEqual(check(msg('location', { latitude: 'north', longitude: '0' })).codes, ['location-range /location/latitude']);
    });
    it('longitude -181', () => {
      assert.deepEqual(check(msg('location', { latitude: 0, longitude: -181 })).codes, ['schema /location/longitude']);
    });
    it('a Cuba number', () => {
      const { codes, errors } = check(msg('text', { body: 'Hola' }, { to: '5355512345' }));
      assert.deepEqual(codes, ['restricted-destination /to']);
      assert.match(errors[0].message, /Cuba/);
    });
    it('a number that is not a number', () => {
      assert.deepEqual(check(msg('text', { body: 'x' }, { to: 'call me' })).codes, ['phone-format /to']);
    });
    it('accepts "+" on a wa_id (loose style) but rejects a too-short one', () => {
      assert.deepEqual(check(msg('text', { body: 'x' }, { to: '+447700900000' })).codes, []);
      assert.deepEqual(check(msg('text', { body: 'x' }, { to: '1234' })).codes, ['phone-format /to']);
    });
    it('media with neither id nor link, or with both', () => {
      assert.deepEqual(check(msg('image', { caption: 'x' })).codes, ['media-source /image']);
      const both = check(msg('video', { id: '1', link: 'https://example.com/v.mp4' }));
      assert.deepEqual(both.codes, ['media-source /video/link']);
      assert.equal(both.text.slice(both.errors[0].start, both.errors[0].end), '"link"');
    });
    it('a caption on audio, a misspelt type, and an unknown message type', () => {
      assert.deepEqual(check(msg('audio', { link: 'https://example.com/a.ogg', caption: 'x' })).codes, ['schema /audio/caption']);
      assert.deepEqual(check({ ...envelope, type: 'imgae', image: { link: 'https://example.com/a.png' } }).codes, ['schema /type']);
      const unknown = check({ ...envelope, type: 'poll', poll: {} });
      // One fault, one report: the type (its message lists the types), not also the object it names.
      assert.deepEqual(unknown.codes, ['schema /type']);
    });
    it('template parameter count against the catalog', () => {
      const p = msg('template', { name: 'order_update', language: { code: 'en_US' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Alex' }] }] });
      const { codes, errors } = check(p);
      assert.deepEqual(codes, ['template-parameters /template/components/0/parameters']);
      assert.match(errors[0].message, /takes 3 body parameters.*gives 1/);
    });
    it('a mark-as-read without message_id, and a wrong messaging_product', () => {
      assert.deepEqual(check({ messaging_product: 'whatsapp', status: 'read' }).codes, ['schema ']);
      assert.deepEqual(check(msg('text', { body: 'x' }, { messaging_product: 'sms' })).codes, ['schema /messaging_product']);
    });
  });

  describe('model', () => {
    it('maps interactive buttons with header, footer and pointers', () => {
      const m = whatsapp.toModel(
        msg('interactive', {
          type: 'button',
          header: { type: 'image', image: { link: 'https://example.com/h.png' } },
          body: { text: 'B' },
          footer: { text: 'F' },
          action: { buttons: [{ type: 'reply', reply: { id: 'y', title: 'Yes' } }] },
        }),
      )!;
      assert.equal(m.kind, 'buttons');
      assert.equal(m.freeForm, true);
      assert.deepEqual(m.to, { text: '447700900000', pointer: '/to', style: 'loose' });
      assert.deepEqual(m.text, { text: 'B', pointer: '/interactive/body/text' });
      assert.deepEqual(m.footer, { text: 'F', pointer: '/interactive/footer/text' });
      assert.equal(m.header?.kind === 'media' && m.header.media.url, 'https://example.com/h.png');
      assert.deepEqual(m.buttons, [{ kind: 'reply', id: 'y', title: { text: 'Yes', pointer: '/interactive/action/buttons/0/reply/title' } }]);
    });
    it('maps a template: body parameters in order, header media, button parameters', () => {
      const m = whatsapp.toModel(
        msg('template', {
          name: 'order_update',
          language: { code: 'en_US' },
          components: [
            { type: 'header', parameters: [{ type: 'image', image: { id: 'img1' } }] },
            {
              type: 'body',
              parameters: [
                { type: 'text', text: 'A' },
                { type: 'currency', currency: { fallback_value: '$1', code: 'USD', amount_1000: 1000 } },
              ],
            },
            { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: 'track/1' }] },
          ],
        }),
      )!;
      assert.equal(m.kind, 'template');
      assert.equal(m.freeForm, false);
      assert.equal(m.template?.name, 'order_update');
      assert.equal(m.template?.language, 'en_US');
      assert.deepEqual(m.template?.parameters, [
        { text: 'A', pointer: '/template/components/1/parameters/0/text' },
        { text: '$1', pointer: '/template/components/1/parameters/1/currency/fallback_value' },
      ]);
      assert.equal(m.template?.headerMedia?.id, 'img1');
      assert.deepEqual(m.template?.buttonParameters, [{ index: 0, subType: 'url', value: { text: 'track/1', pointer: '/template/components/2/parameters/0/text' } }]);
    });
    it('maps lists, location, contacts, reaction, reply and mark-as-read', () => {
      const l = whatsapp.toModel(list([{ title: 'S', rows: 2 }]))!;
      assert.equal(l.kind, 'list');
      assert.equal(l.list?.button.text, 'Options');
      assert.deepEqual(
        l.list?.sections[0].rows.map((r) => r.id),
        ['r0-0', 'r0-1'],
      );
      assert.deepEqual(whatsapp.toModel(msg('location', { latitude: '1.5', longitude: 2 }))?.location, { latitude: 1.5, longitude: 2, name: undefined, address: undefined, pointer: '/location' });
      assert.deepEqual(whatsapp.toModel(msg('contacts', [{ name: { formatted_name: 'Al' }, phones: [{ phone: '1' }] }]))?.contacts, [{ name: 'Al', phones: ['1'] }]);
      assert.deepEqual(whatsapp.toModel(msg('reaction', { message_id: 'w', emoji: '🎉' }))?.reaction, { messageId: 'w', emoji: '🎉' });
      assert.equal(whatsapp.toModel(msg('text', { body: 'x' }, { context: { message_id: 'wamid.Q' } }))?.replyTo, 'wamid.Q');
      const read = whatsapp.toModel({ messaging_product: 'whatsapp', status: 'read', message_id: 'w' })!;
      assert.equal(read.kind, 'mark-read');
      assert.equal(read.freeForm, false);
      assert.equal(read.to, undefined);
    });
    it('never throws on half-written input', () => {
      const junk: unknown[] = [
        null,
        1,
        'x',
        [],
        {},
        { type: 'interactive' },
        { type: 'interactive', interactive: { type: 'list', action: { sections: [null, { rows: [null, 3] }] } } },
        { type: 'template', template: { components: [null, { type: 'body', parameters: [null, 5] }, { type: 'button', index: 'x' }] } },
        { type: 'image', image: 'x' },
        { type: 'location', location: { latitude: {} } },
      ];
      for (const j of junk) assert.doesNotThrow(() => whatsapp.toModel(j), JSON.stringify(j));
    });
  });

  describe('detect', () => {
    it('claims bodies with messaging_product, including mark-as-read, and nothing else', () => {
      assert.equal(detectProvider(msg('text', { body: 'x' }))?.id, 'whatsapp');
      assert.equal(detectProvider({ messaging_product: 'whatsapp', status: 'read', message_id: 'w' })?.id, 'whatsapp');
      assert.equal(whatsapp.detect({ message_type: 'text', channel: 'whatsapp', to: '1', from: '2', text: 'x' }), 0);
      assert.equal(whatsapp.detect({ to: '1', type: 'text', text: { body: 'x' } }), 0);
    });
  });
});

describe('whatsapp (Cloud API) newer interactive types', () => {
  const interactive = (i: unknown) => ({ messaging_product: 'whatsapp', to: '447700900000', type: 'interactive', interactive: i });
  it('accepts a Flow, a location request and catalog products, and maps buttons where WhatsApp shows one', () => {
    const flow = interactive({ type: 'flow', body: { text: 'Book' }, action: { name: 'flow', parameters: { flow_message_version: '3', flow_id: '123', flow_cta: 'Book now' } } });
    const loc = interactive({ type: 'location_request_message', body: { text: 'Where are you?' }, action: { name: 'send_location' } });
    const product = interactive({ type: 'product', action: { catalog_id: 'c1', product_retailer_id: 'sku1' } });
    const products = interactive({
      type: 'product_list',
      header: { type: 'text', text: 'Picks' },
      body: { text: 'For you' },
      action: { catalog_id: 'c1', sections: [{ title: 'A', product_items: [{ product_retailer_id: 'sku1' }] }] },
    });
    for (const p of [flow, loc, product, products]) assert.deepEqual(check(p).codes, [], JSON.stringify(p));
    assert.equal(whatsapp.toModel(flow)?.buttons?.[0].title.text, 'Book now');
    assert.equal(whatsapp.toModel(loc)?.buttons?.[0].title.pointer, '/interactive/action/name');
    assert.equal(whatsapp.toModel(product)?.kind, 'custom');
  });
  it("a Flow button label up to 30 characters (Meta's spec), not over", () => {
    const flow = (n: number) => interactive({ type: 'flow', body: { text: 'Book' }, action: { name: 'flow', parameters: { flow_message_version: '3', flow_id: '1', flow_cta: 'c'.repeat(n) } } });
    assert.deepEqual(check(flow(30)).codes, []);
    assert.deepEqual(check(flow(31)).codes, ['schema /interactive/action/parameters/flow_cta']);
  });
  it('11 rows in one section is reported once, by the rows-across-sections rule', () => {
    assert.deepEqual(check(list([{ rows: 11 }])).codes, ['list-too-many-rows /interactive/action/sections/0/rows/10']);
  });
});

describe('whatsapp (Cloud API) template and interactive rules', () => {
  // Not in the catalog: these rules hold whatever the template's definition says.
  const template = (components: unknown[]) => ({ messaging_product: 'whatsapp', to: '447700900000', type: 'template', template: { name: 'uncatalogued', language: { code: 'en_US' }, components } });
  const body3 = (texts: string[]) => ({ type: 'body', parameters: texts.map((text) => ({ type: 'text', text })) });
  it('a button parameter of the wrong type for its sub_type', () => {
    const p = template([body3(['a', 'b', 'c']), { type: 'button', sub_type: 'quick_reply', index: 0, parameters: [{ type: 'text', text: 'YES' }] }]);
    const { codes, errors } = check(p);
    assert.deepEqual(codes, ['template-button-parameter /template/components/1/parameters/0/type']);
    assert.match(errors[0].message, /"quick_reply" button takes a parameter of type "payload"/);
    const fixed = applyEdits(check(p).text, errors[0].fixes![0].edits);
    assert.deepEqual(JSON.parse(fixed).template.components[1].parameters, [{ type: 'payload', payload: 'YES' }]);
    assert.deepEqual(check(JSON.parse(fixed)).codes, []);
    assert.deepEqual(check(template([body3(['a', 'b', 'c']), { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: 'x' }] }])).codes, []);
  });
  it('a body parameter with a line break, a tab or 5 spaces', () => {
    assert.deepEqual(check(template([body3(['a\nb', 'b', 'c'])])).codes, ['template-parameter-text /template/components/0/parameters/0/text']);
    assert.deepEqual(check(template([body3(['a', 'b\tc', 'c'])])).codes, ['template-parameter-text /template/components/0/parameters/1/text']);
    assert.deepEqual(check(template([body3(['a', 'b', 'c     d'])])).codes, ['template-parameter-text /template/components/0/parameters/2/text']);
    assert.deepEqual(check(template([body3(['a', 'b', 'c    d'])])).codes, []);
  });
  it('a product list with 31 products, and untitled sections', () => {
    const items = (n: number) => Array.from({ length: n }, (_, k) => ({ product_retailer_id: `sku${k}` }));
    const pl = (sections: unknown[]) => ({
      messaging_product: 'whatsapp',
      to: '447700900000',
      type: 'interactive',
      interactive: { type: 'product_list', header: { type: 'text', text: 'H' }, body: { text: 'B' }, action: { catalog_id: 'c', sections } },
    });
    assert.deepEqual(
      check(
        pl([
          { title: 'A', product_items: items(20) },
          { title: 'B', product_items: items(11) },
        ]),
      ).codes,
      ['product-list-too-many /interactive/action/sections/1/product_items/10'],
    );
    assert.deepEqual(check(pl([{ title: 'A', product_items: items(2) }, { product_items: items(2) }])).codes, ['list-section-title /interactive/action/sections/1']);
  });
  it('preview_url without a link is an info, not an error', () => {
    const r = check(msg('text', { body: 'no link here', preview_url: true }));
    assert.deepEqual(r.codes, []);
    assert.deepEqual(
      r.result.problems.map((p) => `${p.severity} ${p.code} ${p.pointer}`),
      ['info preview-url-without-url /text/preview_url'],
    );
    assert.deepEqual(check(msg('text', { body: 'see https://example.com', preview_url: true })).result.problems, []);
  });
});

describe('WhatsApp generated JSON Schemas', () => {
  // VS Code's JSON service picks the wrong branch of a union (nested ones worst) and reports its
  // missing and unknown properties; choosing the message by `type` with if/then gives one error for
  // a wrong type and the right branch's errors otherwise (checked with vscode-json-languageservice).
  for (const p of [whatsapp, onprem]) {
    it(`${p.id}: the message is chosen by type (if/then), each branch a plain object schema with a description; mark-as-read by status`, () => {
      type Branch = { if: { properties: { type: { const: string } } }; then: Record<string, unknown> };
      const json = z.toJSONSchema(p.schema, { target: 'draft-7', unrepresentable: 'any', io: 'input' }) as unknown as {
        properties: { type: { enum: string[] } };
        then: Record<string, unknown>;
        else: { allOf: Branch[] };
      };
      const branches = json.else.allOf;
      assert.ok(branches.length > 5);
      assert.deepEqual(
        json.properties.type.enum,
        branches.map((b) => b.if.properties.type.const),
      );
      for (const { then: alt } of [...branches, { then: json.then }]) {
        assert.equal(alt.type, 'object');
        assert.ok(!('anyOf' in alt) && !('oneOf' in alt));
        assert.ok(typeof alt.description === 'string' && alt.description.length > 0);
      }
    });
  }
});
