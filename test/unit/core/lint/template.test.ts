/**
 * Messages that send a template, held against the template's definition from the catalog: the
 * name and language exist (more strictly once the catalog is pulled), the status allows sending,
 * and header, body (numbered or named), buttons and carousel cards get the parameters they take.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits } from '../../../../src/core/edits';
import { createCatalog, type TemplateDefinition } from '../../../../src/core/templates';
import { validateText } from '../../../../src/pipeline/validate';
import { projectRoot } from '../../helpers';
const templates = createCatalog([{ name: 'order_update', language: 'en_US', body: 'Hi {{1}}, order {{2}} arrives {{3}}.' }]);

function missing(payload: unknown, file: string) {
  const text = JSON.stringify(payload, null, 2);
  const p = validateText(text, { fileName: file, templates }).problems.find((x) => x.code === 'template-parameters');
  assert.ok(p, 'no template-parameters problem');
  return { pointer: p.pointer, underlined: text.slice(p.start, p.end) };
}

const whatsapp = (components: unknown[]) => ({
  messaging_product: 'whatsapp',
  to: '447700900000',
  type: 'template',
  template: {
    name: 'order_update',
    language: { code: 'en_US' },
    components: [
      { type: 'header', parameters: [{ type: 'image', image: { link: 'https://example.com/a.png' } }] },
      ...components,
      { type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'payload', payload: 'x'.repeat(200) }] },
    ],
  },
});

describe('a missing template parameter is underlined where it belongs, not across the whole template', () => {
  it("the body's parameters array when it has too few", () => {
    const r = missing(whatsapp([{ type: 'body', parameters: [{ type: 'text', text: 'Alex' }] }]), 'x.whatsapp.json');
    assert.equal(r.pointer, '/template/components/1/parameters');
    assert.ok(r.underlined.startsWith('[') && r.underlined.length < 120, r.underlined);
  });

  it('the body component when it has no parameters', () => {
    const r = missing(whatsapp([{ type: 'body' }]), 'x.whatsapp.json');
    assert.equal(r.pointer, '/template/components/1');
    assert.match(r.underlined, /^\{\s*"type": "body"\s*\}$/);
  });

  it('the components array when there is no body component', () => {
    const r = missing(whatsapp([]), 'x.whatsapp.json');
    assert.equal(r.pointer, '/template/components');
  });

  it('only the "template" key when a Vonage template has no parameters at all', () => {
    const r = missing(
      { message_type: 'template', channel: 'whatsapp', to: '447700900000', from: '447700900001', template: { name: 'order_update' }, whatsapp: { policy: 'deterministic', locale: 'en_US' } },
      'x.vonage.json',
    );
    assert.equal(r.pointer, '/template');
    assert.equal(r.underlined, '"template"');
  });
});

type Json = any;

const def = (file: string): TemplateDefinition => JSON.parse(fs.readFileSync(path.join(projectRoot(), 'examples', 'templates', file), 'utf8'));
const DEFS = ['order-update.template.json', 'order-confirmation-named.template.json', 'summer-carousel.template.json', 'verification-code.template.json'].map(def);
const catalog = createCatalog([...DEFS, { ...def('seasonal-promotion.template.json'), status: 'REJECTED', rejected_reason: 'INVALID_FORMAT' }]);
const pulled = createCatalog(DEFS, { pulled: true });

function cloud(template: Json): Json {
  return { messaging_product: 'whatsapp', to: '447700900000', type: 'template', template };
}
function check(payload: Json, templates = catalog, fileName = 'x.whatsapp.json') {
  const text = JSON.stringify(payload, null, 2);
  const result = validateText(text, { fileName, templates });
  return { text, problems: result.problems.filter((p) => p.source === 'lint').map((p) => ({ ...p, at: `${p.severity} ${p.code} ${p.pointer}` })) };
}
const at = (payload: Json, templates = catalog, fileName?: string) => check(payload, templates, fileName).problems.map((p) => p.at);

const text = (t: string) => ({ type: 'text', text: t });
const orderUpdate = (components: Json[]) => cloud({ name: 'order_update', language: { code: 'en_US' }, components });
const GOOD_ORDER = [
  { type: 'header', parameters: [{ type: 'image', image: { link: 'https://example.com/o.png' } }] },
  { type: 'body', parameters: [text('Alex'), text('1234'), text('$10'), text('Monday')] },
  { type: 'button', sub_type: 'url', index: '0', parameters: [text('1234')] },
];

describe('message lint against template definitions', () => {
  it('a send that fits its definition has no problems', () => {
    assert.deepEqual(at(orderUpdate(GOOD_ORDER)), []);
  });

  it('unknown template: info with a hand-written catalog, a warning once the catalog is pulled', () => {
    assert.deepEqual(at(cloud({ name: 'nope', language: { code: 'en_US' } })), ['info unknown-template /template/name']);
    const [p] = check(cloud({ name: 'nope', language: { code: 'en_US' } }), pulled).problems;
    assert.equal(p.at, 'warning unknown-template /template/name');
    assert.match(p.message, /132001/);
  });

  it('a language the template is not in, with a fix when there is one other', () => {
    const payload = orderUpdate(GOOD_ORDER);
    payload.template.language.code = 'en_GB';
    const { text: t, problems } = check(payload, pulled);
    assert.deepEqual(
      problems.map((p) => p.at),
      ['error template-language /template/language/code'],
    );
    assert.match(problems[0].message, /exists in en_US/);
    const fixed = JSON.parse(applyEdits(t, problems[0].fixes![0].edits));
    assert.equal(fixed.template.language.code, 'en_US');
    assert.deepEqual(at(fixed, pulled), []);
  });

  it('a template that is not approved is a warning naming its status', () => {
    const [p] = check(
      cloud({
        name: 'seasonal_promotion',
        language: { code: 'en' },
        components: [
          { type: 'header', parameters: [text('Sale')] },
          { type: 'body', parameters: [text('a'), text('b'), text('c')] },
        ],
      }),
    ).problems;
    assert.equal(p.at, 'warning template-status /template/name');
    assert.match(p.message, /rejected \(INVALID_FORMAT\)/);
  });

  it('body parameter count: too few points at the parameters, too many at the first extra one', () => {
    assert.deepEqual(at(orderUpdate([GOOD_ORDER[0], { type: 'body', parameters: [text('Alex')] }, GOOD_ORDER[2]])), ['error template-parameters /template/components/1/parameters']);
    assert.deepEqual(at(orderUpdate([GOOD_ORDER[0], { type: 'body', parameters: [...GOOD_ORDER[1].parameters, text('x')] }, GOOD_ORDER[2]])), [
      'error template-parameters /template/components/1/parameters/4/text',
    ]);
  });

  it('header media: missing, or of the wrong type', () => {
    assert.deepEqual(at(orderUpdate(GOOD_ORDER.slice(1))), ['error template-header-media /template']);
    const video = [{ type: 'header', parameters: [{ type: 'video', video: { link: 'https://example.com/v.mp4' } }] }, ...GOOD_ORDER.slice(1)];
    assert.deepEqual(at(orderUpdate(video)), ['error template-header-media /template/components/0/parameters/0/type']);
  });

  it('buttons by index and sub-type: a missing URL parameter, a wrong sub_type (with its fix), an index the template lacks', () => {
    assert.deepEqual(at(orderUpdate(GOOD_ORDER.slice(0, 2))), ['error template-button-parameters /template']);
    const wrong = orderUpdate([...GOOD_ORDER.slice(0, 2), { type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'payload', payload: 'x' }] }]);
    const { text: t, problems } = check(wrong);
    assert.deepEqual(
      problems.map((p) => p.at),
      ['error template-button-type /template/components/2/sub_type'],
    );
    assert.equal(JSON.parse(applyEdits(t, problems[0].fixes![0].edits)).template.components[2].sub_type, 'url');
    assert.deepEqual(at(orderUpdate([...GOOD_ORDER, { type: 'button', sub_type: 'quick_reply', index: '5', parameters: [{ type: 'payload', payload: 'x' }] }])), [
      'error template-button-index /template/components/3/index',
    ]);
  });

  it('named parameters: every name the template has, and none it lacks', () => {
    const named = (params: Json[]) => cloud({ name: 'order_confirmation', language: { code: 'en_US' }, components: [{ type: 'body', parameters: params }] });
    const first = { type: 'text', text: 'Pablo', parameter_name: 'first_name' };
    const order = { type: 'text', text: '42', parameter_name: 'order_number' };
    assert.deepEqual(at(named([first, order])), []);
    assert.deepEqual(at(named([order, first])), [], 'named parameters go in any order');
    assert.deepEqual(at(named([first])), ['error template-parameters /template/components/0']);
    assert.deepEqual(at(named([first, { ...order, parameter_name: 'order_no' }])), ['error template-parameter-names /template/components/0/parameters/1/parameter_name']);
    assert.deepEqual(at(named([text('Pablo'), text('42')])), ['error template-parameter-names /template/components/0/parameters/0']);
  });

  it('numbered templates take no parameter_name', () => {
    const params = GOOD_ORDER[1].parameters.map((p: Json, i: number) => (i === 0 ? { ...p, parameter_name: 'first' } : p));
    assert.deepEqual(at(orderUpdate([GOOD_ORDER[0], { type: 'body', parameters: params }, GOOD_ORDER[2]])), ['error template-parameter-names /template/components/1/parameters/0/parameter_name']);
  });

  it('carousel: one card per card of the template, each with its header, body and button parameters', () => {
    const card = (index: number, code: string) => ({
      card_index: index,
      components: [
        { type: 'header', parameters: [{ type: 'image', image: { link: `https://example.com/${index}.png` } }] },
        { type: 'body', parameters: [text(code)] },
        { type: 'button', sub_type: 'quick_reply', index: 0, parameters: [{ type: 'payload', payload: 'more' }] },
        { type: 'button', sub_type: 'url', index: 1, parameters: [text(`p${index}`)] },
      ],
    });
    const carousel = (cards: Json[]) =>
      cloud({
        name: 'summer_carousel',
        language: { code: 'en_US' },
        components: [
          { type: 'body', parameters: [text('Pablo')] },
          { type: 'carousel', cards },
        ],
      });
    assert.deepEqual(at(carousel([card(0, 'A'), card(1, 'B')])), []);
    assert.deepEqual(at(carousel([card(0, 'A')])), ['error template-carousel /template/components/1/cards']);
    const noUrl = card(1, 'B');
    noUrl.components.pop();
    assert.deepEqual(at(carousel([card(0, 'A'), noUrl])), ['error template-button-parameters /template/components/1/cards/1']);
    const noImage = card(1, 'B');
    noImage.components.shift();
    assert.deepEqual(at(carousel([card(0, 'A'), noImage])), ['error template-header-media /template/components/1/cards/1']);
  });

  it('Vonage v1: a list of body values cannot fill a media header or a URL button', () => {
    const vonage = {
      message_type: 'template',
      channel: 'whatsapp',
      to: '447700900000',
      from: '447700900001',
      template: { name: 'order_update', parameters: ['Alex', '1234', '$10', 'Monday'] },
      whatsapp: { policy: 'deterministic', locale: 'en_US' },
    };
    const [p] = check(vonage, catalog, 'x.vonage.json').problems;
    assert.equal(p.at, 'error template-header-media /template');
    assert.match(p.message, /custom/);
    vonage.template.name = 'whatsapp:hsm:technology:nexmo:verify';
    vonage.template.parameters = ['Acme', '1', '10'];
    assert.deepEqual(at(vonage, catalog, 'x.vonage.json'), []);
  });

  it('Vonage custom carries the Cloud template object, and is checked the same way', () => {
    const custom = {
      message_type: 'custom',
      channel: 'whatsapp',
      to: '447700900000',
      from: '447700900001',
      custom: { type: 'template', template: { name: 'order_update', language: { code: 'en_US' }, components: GOOD_ORDER.slice(1) } },
    };
    assert.deepEqual(at(custom, catalog, 'x.vonage.json'), ['error template-header-media /custom/template']);
  });
});
