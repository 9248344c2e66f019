/**
 * Meta's template rules over definition files: every example in examples/templates/ is clean, and
 * each case below breaks exactly one rule of a clean example and must get exactly one error, with
 * that rule's code, at that place; where the rule has a fix, the fix clears it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits } from '../../../../src/core/edits';
import { validateText } from '../../../../src/pipeline/validate';
import { listFiles, projectRoot } from '../../helpers';

type Json = any;

const dir = path.join(projectRoot(), 'examples', 'templates');
const example = (name: string): Json => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
function from(name: string, change: (d: Json) => void): Json {
  const d = example(name);
  change(d);
  return d;
}

function check(value: Json, fileName = 'x.template.json') {
  const text = JSON.stringify(value, null, 2);
  const result = validateText(text, { fileName });
  return { text, result, errors: result.problems.filter((p) => p.severity === 'error') };
}

const ORDER = 'order-update.template.json';
const PROMO = 'seasonal-promotion.template.json';
const NAMED = 'order-confirmation-named.template.json';
const AUTH = 'verification-code.template.json';
const CAROUSEL = 'summer-carousel.template.json';
const OFFER = 'flash-sale-offer.template.json';

interface Case {
  name: string;
  value: Json;
  code: string;
  pointer: string;
  /** The exact text the problem underlines. */
  underline?: string;
  /** The fix clears the problem. */
  fixes?: boolean;
  /** Further reports of the same rule elsewhere (a fault repeated in several places). */
  more?: string[];
}

const CASES: Case[] = [
  { name: 'name with capitals and a dash', value: from(ORDER, (d) => (d.name = 'Order-Update')), code: 'template-name', pointer: '/name', fixes: true },
  { name: 'name over 512 characters', value: from(ORDER, (d) => (d.name = 'a'.repeat(513))), code: 'template-name', pointer: '/name' },
  {
    name: 'body over 1024 characters',
    value: from(ORDER, (d) => (d.components[1].text = `Hi {{1}}, your order {{2}} of {{3}} arrives on {{4}}. ${'More words here. '.repeat(60)}`)),
    code: 'template-text-length',
    pointer: '/components/1/text',
  },
  { name: 'header text over 60 characters', value: from(PROMO, (d) => (d.components[0].text = `Our {{1}} is on! ${'x'.repeat(60)}`)), code: 'template-text-length', pointer: '/components/0/text' },
  { name: 'footer over 60 characters', value: from(ORDER, (d) => (d.components[2].text = 'f'.repeat(61))), code: 'template-text-length', pointer: '/components/2/text', underline: 'f' },
  {
    name: 'button text over 25 characters',
    value: from(ORDER, (d) => (d.components[3].buttons[1].text = 'Stop every single update now')),
    code: 'template-button-text',
    pointer: '/components/3/buttons/1/text',
    underline: 'now',
  },
  {
    name: 'variables with a gap',
    value: from(ORDER, (d) => (d.components[1].text = d.components[1].text.replace('{{4}}', '{{5}}'))),
    code: 'template-variable-sequence',
    pointer: '/components/1/text',
    underline: '{{5}}',
  },
  {
    name: 'named variable with capitals',
    value: from(NAMED, (d) => (d.components[0].text = d.components[0].text.replace('{{first_name}}', '{{First-Name}}'))),
    code: 'template-variable-format',
    pointer: '/components/0/text',
    underline: '{{First-Name}}',
  },
  {
    name: 'variable written with spaces',
    value: from(NAMED, (d) => (d.components[0].text = d.components[0].text.replace('{{first_name}}', '{{ first_name }}'))),
    code: 'template-variable-format',
    pointer: '/components/0/text',
    underline: '{{ first_name }}',
    fixes: true,
  },
  {
    name: 'numbered and named variables mixed',
    value: from(ORDER, (d) => (d.components[1].text = d.components[1].text.replace('{{4}}', '{{day}}'))),
    code: 'template-variable-mixed',
    pointer: '/components/1/text',
    underline: '{{day}}',
  },
  { name: 'named variables without parameter_format NAMED', value: from(NAMED, (d) => delete d.parameter_format), code: 'template-parameter-format', pointer: '/components/0/text', fixes: true },
  {
    name: 'a variable starts the body',
    value: from(ORDER, (d) => (d.components[1].text = '{{1}}, your order {{2}} of {{3}} is confirmed and arrives on {{4}} today.')),
    code: 'template-variable-position',
    pointer: '/components/1/text',
    underline: '{{1}}',
  },
  {
    name: 'a variable ends the body',
    value: from(ORDER, (d) => (d.components[1].text = 'Hi {{1}}, your order {{2}} of {{3}} is confirmed and arrives on {{4}}')),
    code: 'template-variable-position',
    pointer: '/components/1/text',
    underline: '{{4}}',
  },
  {
    name: 'two variables side by side',
    value: from(ORDER, (d) => (d.components[1].text = 'Hi {{1}} {{2}}, your order of {{3}} is confirmed and arrives on {{4}} today.')),
    code: 'template-variable-adjacent',
    pointer: '/components/1/text',
  },
  {
    name: 'too many variables for the text',
    value: from(ORDER, (d) => (d.components[1].text = 'Hi {{1}}, {{2}} of {{3}} on {{4}} ok.')),
    code: 'template-variable-density',
    pointer: '/components/1/text',
  },
  { name: 'no example for the body variables', value: from(ORDER, (d) => delete d.components[1].example), code: 'template-example', pointer: '/components/1/example', underline: '{{1}}' },
  { name: 'too few example values', value: from(ORDER, (d) => d.components[1].example.body_text[0].pop()), code: 'template-example', pointer: '/components/1/example/body_text', underline: '{{4}}' },
  {
    name: 'no example for a named variable',
    value: from(NAMED, (d) => d.components[0].example.body_text_named_params.pop()),
    code: 'template-example',
    pointer: '/components/0/example/body_text_named_params',
    underline: '{{order_number}}',
  },
  { name: 'no example for the header variable', value: from(PROMO, (d) => delete d.components[0].example), code: 'template-example', pointer: '/components/0/example' },
  { name: 'no sample for an image header', value: from(ORDER, (d) => delete d.components[0].example), code: 'template-example', pointer: '/components/0/example' },
  { name: 'no example for a URL variable', value: from(ORDER, (d) => delete d.components[3].buttons[0].example), code: 'template-example', pointer: '/components/3/buttons/0/example' },
  {
    name: 'two variables in the header',
    value: from(PROMO, (d) => Object.assign(d.components[0], { text: 'Our {{1}} and {{2}}', example: { header_text: ['a', 'b'] } })),
    code: 'template-header-variables',
    pointer: '/components/0/text',
    underline: '{{2}}',
  },
  { name: 'a variable in the footer', value: from(ORDER, (d) => (d.components[2].text = 'Example Ltd {{1}}')), code: 'template-footer-variables', pointer: '/components/2/text', underline: '{{1}}' },
  {
    name: 'eleven buttons',
    value: from(PROMO, (d) => (d.components[3].buttons = Array.from({ length: 11 }, (_, i) => ({ type: 'QUICK_REPLY', text: `Reply ${i}` })))),
    code: 'template-button-count',
    pointer: '/components/3/buttons/10',
  },
  {
    name: 'quick replies split by a URL button',
    value: from(PROMO, (d) => d.components[3].buttons.splice(1, 0, { type: 'URL', text: 'Shop', url: 'https://example.com/shop' })),
    code: 'template-button-order',
    pointer: '/components/3/buttons/2/type',
    fixes: true,
  },
  {
    name: 'three URL buttons',
    value: from(ORDER, (d) => (d.components[3].buttons = [1, 2, 3].map((i) => ({ type: 'URL', text: `Link ${i}`, url: `https://example.com/${i}` })))),
    code: 'template-button-count',
    pointer: '/components/3/buttons/2/type',
  },
  {
    name: 'two phone number buttons',
    value: from(NAMED, (d) => d.components[1].buttons.push({ type: 'PHONE_NUMBER', text: 'Call shop', phone_number: '+15550101235' })),
    code: 'template-button-count',
    pointer: '/components/1/buttons/1/type',
  },
  {
    name: 'two copy code buttons',
    value: from(OFFER, (d) => d.components[3].buttons.push({ type: 'COPY_CODE', example: 'SECOND' })),
    code: 'template-button-count',
    pointer: '/components/3/buttons/2/type',
  },
  {
    name: 'a URL variable in the middle of the URL',
    value: from(ORDER, (d) => (d.components[3].buttons[0].url = 'https://example.com/{{1}}/track')),
    code: 'template-button-url',
    pointer: '/components/3/buttons/0/url',
    underline: '{{1}}',
  },
  {
    name: 'authentication body with text of its own',
    value: from(AUTH, (d) => (d.components[0].text = 'Your code is {{1}}, use it soon')),
    code: 'template-auth-body',
    pointer: '/components/0/text',
    fixes: true,
  },
  { name: 'authentication without an OTP button', value: from(AUTH, (d) => d.components.pop()), code: 'template-auth-button', pointer: '/components' },
  {
    name: 'authentication with a quick reply instead of OTP',
    value: from(AUTH, (d) => (d.components[2].buttons = [{ type: 'QUICK_REPLY', text: 'Send code' }])),
    code: 'template-auth-button',
    pointer: '/components/2/buttons/0/type',
  },
  { name: 'code expiry of 91 minutes', value: from(AUTH, (d) => (d.components[1].code_expiration_minutes = 91)), code: 'template-auth-expiry', pointer: '/components/1/code_expiration_minutes' },
  { name: 'code expiry of 0 minutes', value: from(AUTH, (d) => (d.components[1].code_expiration_minutes = 0)), code: 'template-auth-expiry', pointer: '/components/1/code_expiration_minutes' },
  {
    name: 'limited-time offer with a footer',
    value: from(OFFER, (d) => d.components.splice(3, 0, { type: 'FOOTER', text: 'Terms apply' })),
    code: 'template-offer-footer',
    pointer: '/components/3',
    fixes: true,
  },
  { name: 'carousel of one card', value: from(CAROUSEL, (d) => d.components[1].cards.pop()), code: 'template-carousel-cards', pointer: '/components/1/cards' },
  {
    name: 'carousel of eleven cards',
    value: from(CAROUSEL, (d) => (d.components[1].cards = Array.from({ length: 11 }, () => structuredClone(d.components[1].cards[0])))),
    code: 'template-carousel-cards',
    pointer: '/components/1/cards/10',
  },
  {
    name: 'carousel cards of different shapes',
    value: from(CAROUSEL, (d) => d.components[1].cards[1].components[2].buttons.pop()),
    code: 'template-carousel-shape',
    pointer: '/components/1/cards/1/components/2/buttons',
  },
  {
    name: 'carousel card with a video where the first has an image',
    value: from(CAROUSEL, (d) => (d.components[1].cards[1].components[0].format = 'VIDEO')),
    code: 'template-carousel-shape',
    pointer: '/components/1/cards/1/components/0/format',
  },
  {
    name: 'card body over 160 characters',
    value: from(CAROUSEL, (d) => (d.components[1].cards[1].components[1].text = `Bring nature home with our Echeveria. Use code {{1}} for 15% off. ${'Lovely plant. '.repeat(8)}`)),
    code: 'template-text-length',
    pointer: '/components/1/cards/1/components/1/text',
  },
  // Every card has the same buttons, so each card is over the limit: one report per card.
  {
    name: 'cards with three buttons',
    value: from(CAROUSEL, (d) => d.components[1].cards.forEach((c: Json) => c.components[2].buttons.push({ type: 'QUICK_REPLY', text: 'Third' }))),
    code: 'template-card-buttons',
    pointer: '/components/1/cards/0/components/2/buttons/2',
    more: ['template-card-buttons /components/1/cards/1/components/2/buttons/2'],
  },
  { name: 'two BODY components', value: from(ORDER, (d) => d.components.push({ type: 'BODY', text: 'Another body with words' })), code: 'template-components', pointer: '/components/4/type' },
  { name: 'no BODY', value: from(ORDER, (d) => d.components.splice(1, 1)), code: 'template-components', pointer: '/components' },
];

describe("template definitions: Meta's rules", () => {
  const files = listFiles(dir, (f) => f.endsWith('.template.json'));
  it('examples/templates/ has a definition of every kind', () => {
    const kinds = files.map((f) => JSON.stringify(JSON.parse(fs.readFileSync(f, 'utf8'))));
    for (const marker of ['"CAROUSEL"', '"AUTHENTICATION"', '"LIMITED_TIME_OFFER"', '"NAMED"', '"IMAGE"', '"TEXT"'])
      assert.ok(
        kinds.some((k) => k.includes(marker)),
        marker,
      );
  });
  for (const file of files) {
    it(`${path.basename(file)} has no problems`, () => {
      const result = validateText(fs.readFileSync(file, 'utf8'), { fileName: file });
      assert.equal(result.templateFile, 'definition');
      assert.deepEqual(
        result.problems.map((p) => `${p.code} ${p.pointer}: ${p.message}`),
        [],
      );
    });
  }

  for (const c of CASES) {
    it(`${c.name}: one ${c.code} at ${c.pointer}`, () => {
      const { text, errors } = check(c.value);
      assert.deepEqual(
        errors.map((p) => `${p.code} ${p.pointer}`),
        [`${c.code} ${c.pointer}`, ...(c.more ?? [])],
        errors.map((p) => p.message).join('\n'),
      );
      const [p] = errors;
      assert.ok(p.end > p.start, 'a range to underline');
      if (c.underline) assert.equal(text.slice(p.start, p.end).slice(-c.underline.length), c.underline);
      assert.ok(p.message.length > 30 && !/undefined|\[object/.test(p.message), p.message);
      if (c.fixes) {
        assert.ok(p.fixes?.length, 'a fix');
        const fixed = applyEdits(text, p.fixes[0].edits);
        assert.deepEqual(
          check(JSON.parse(fixed)).errors.map((x) => x.code),
          [],
          `after the fix:\n${fixed}`,
        );
      } else assert.equal(p.fixes, undefined, 'no fix where there is no one right answer');
    });
  }

  it('is recognised by suffix, by --provider, and by shape when the name says nothing', () => {
    const text = JSON.stringify(from(ORDER, (d) => (d.name = 'Bad Name')));
    for (const options of [
      { fileName: 'a.whatsapp-template.json' },
      { fileName: 'a.template.json' },
      { fileName: 'anything.json' },
      { fileName: 'a.whatsapp.json', providerId: 'whatsapp-template' },
    ]) {
      const r = validateText(text, options);
      assert.equal(r.templateFile, 'definition', JSON.stringify(options));
      assert.ok(
        r.problems.some((p) => p.code === 'template-name'),
        JSON.stringify(options),
      );
    }
    // A provider suffix makes it a message (of the wrong shape), not a definition.
    assert.equal(validateText(text, { fileName: 'a.whatsapp.json' }).templateFile, undefined);
  });

  it("a definition pulled from the account (with status) keeps Meta's rendering of an authentication template", () => {
    const pulled = {
      name: 'verification_code',
      language: 'en_US',
      category: 'AUTHENTICATION',
      status: 'APPROVED',
      id: '123',
      components: [
        { type: 'BODY', text: '*{{1}}* is your verification code. For your security, do not share this code.', example: { body_text: [['123456']] } },
        { type: 'FOOTER', text: 'This code expires in 10 minutes.' },
        {
          type: 'BUTTONS',
          buttons: [
            {
              type: 'URL',
              text: 'Copy code',
              url: 'https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code=otp{{1}}',
              example: ['https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code=otp123456'],
            },
          ],
        },
      ],
    };
    assert.deepEqual(
      check(pulled).errors.map((p) => p.code),
      [],
    );
  });
});
