import * as assert from 'node:assert/strict';
import { formatMessageHtml, formatToPlain, parseFormatting, FORMAT_TAGS } from '../../../../src/core/format';
import { GOLDEN } from './golden';

/** Every tag in `html`, with its attributes text. */
function tagsOf(html: string): { name: string; closing: boolean; attrs: string }[] {
  const tags: { name: string; closing: boolean; attrs: string }[] = [];
  for (const m of html.matchAll(/<(\/?)([^\s>/]*)([^>]*)>/g)) tags.push({ closing: m[1] === '/', name: m[2], attrs: m[3] });
  return tags;
}

/** Throws unless `html` uses only the allowed tags, properly nested, with only numeric list attributes. */
function assertSafeMarkup(html: string, input: string): void {
  const stack: string[] = [];
  for (const t of tagsOf(html)) {
    assert.ok(FORMAT_TAGS.includes(t.name), `tag <${t.name}> from ${JSON.stringify(input)}`);
    if (t.attrs !== '') assert.match(t.attrs, /^ (start|value)="\d+"$/, `attributes ${t.attrs} from ${JSON.stringify(input)}`);
    if (t.name === 'br') continue;
    if (t.closing) assert.equal(stack.pop(), t.name, `unbalanced </${t.name}> from ${JSON.stringify(input)}`);
    else stack.push(t.name);
  }
  assert.deepEqual(stack, [], `unclosed tags from ${JSON.stringify(input)}`);
  // Outside tags, the only `<`/`>` left would be raw markup: there must be none, and `&` only starts an entity.
  const text = html.replace(/<[^>]*>/g, '');
  assert.doesNotMatch(text, /[<>"']/, `raw markup character from ${JSON.stringify(input)}`);
  assert.doesNotMatch(text, /&(?!(amp|lt|gt|quot|#39);)/, `bare & from ${JSON.stringify(input)}`);
}

/** The text the page shows: tags removed, line breaks as \n, entities decoded. */
function textOf(html: string): string {
  return html
    .replace(/<br>/g, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Characters the formatter may consume: style and code markers, block markers, line ends. */
const CONSUMABLE = new Set(['*', '_', '~', '`', '>', '-', '.', ' ', '\n', '\r', ...'0123456789']);

/** Whether `out` is `input` with only consumable characters removed (greedy matching is exact here). */
function isInputMinusMarkers(input: string, out: string): boolean {
  let j = 0;
  for (let i = 0; i < input.length; i++) {
    if (j < out.length && input[i] === out[j]) j++;
    else if (input[i] === '\r' && out[j] === '\n') j++;
    else if (!CONSUMABLE.has(input[i])) return false;
  }
  return j === out.length;
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = ['*', '_', '~', '`', '```', '> ', '* ', '- ', '1. ', ' ', ' ', '\n', '\r\n', 'a', 'b', 'é', '7', '😀', '<', '>', '&', '"', "'", '<script>', '</style>', 'x', '.', '\t'];

function randomMessage(next: () => number): string {
  const len = Math.floor(next() * 40);
  let s = '';
  for (let i = 0; i < len; i++) s += ALPHABET[Math.floor(next() * ALPHABET.length)];
  return s;
}

describe('WhatsApp formatting', () => {
  describe('golden table', () => {
    it('has at least 80 distinct cases', () => {
      assert.ok(GOLDEN.length >= 80, `${GOLDEN.length} cases`);
      assert.equal(new Set(GOLDEN.map((c) => c.input)).size, GOLDEN.length, 'duplicate inputs');
    });
    for (const c of GOLDEN) {
      it(`renders ${JSON.stringify(c.input)}${c.why ? ` (${c.why})` : ''}`, () => {
        assert.equal(formatMessageHtml(c.input), c.html);
      });
    }
  });

  describe('hostile text', () => {
    const hostile = [
      '<script>alert(1)</script>',
      '<img src=x onerror="alert(1)">',
      '</style><script>x</script>',
      '" onmouseover="alert(1)',
      "' autofocus onfocus='alert(1)",
      '<!-- comment -->',
      '<![CDATA[x]]>',
      '&lt;already escaped&gt;',
      '<svg/onload=alert(1)>',
    ];
    const wrappers = ['%', '*%*', '_%_', '~%~', '`%`', '```%```', '> %', '* %', '1. %', '```\n%\n```', '*_%_*', 'a %\nb'];
    for (const h of hostile) {
      it(`keeps ${JSON.stringify(h)} as text in every construct`, () => {
        for (const w of wrappers) {
          const input = w.replace('%', h);
          const html = formatMessageHtml(input);
          assertSafeMarkup(html, input);
          assert.ok(textOf(html).includes(h), `${JSON.stringify(input)} lost its text: ${html}`);
        }
      });
    }

    it('escapes all five HTML-special characters', () => {
      assert.equal(formatMessageHtml(`&<>"'`), '<p>&amp;&lt;&gt;&quot;&#39;</p>');
    });
  });

  describe('properties over random messages', () => {
    const next = rng(0x5eed);
    const inputs = Array.from({ length: 3000 }, () => randomMessage(next));

    it('never produces other tags, unbalanced tags or raw markup characters', () => {
      for (const input of inputs) assertSafeMarkup(formatMessageHtml(input), input);
    });

    it('shows the input minus consumed markers, in order', () => {
      for (const input of inputs) {
        const out = textOf(formatMessageHtml(input));
        assert.ok(isInputMinusMarkers(input, out), `${JSON.stringify(input)} -> ${JSON.stringify(out)}`);
      }
    });

    it('shows marker-free text unchanged', () => {
      const plain = ['a', 'b', 'é', '😀', '<', '&', '"', "'", 'x', ' ', '\n'];
      for (let n = 0; n < 500; n++) {
        let input = 'z';
        const len = Math.floor(next() * 30);
        for (let i = 0; i < len; i++) input += plain[Math.floor(next() * plain.length)];
        assert.equal(textOf(formatMessageHtml(input)), input);
      }
    });

    it('produces plain data that survives JSON (it is posted to the webview)', () => {
      for (const input of inputs.slice(0, 300)) {
        const blocks = parseFormatting(input);
        assert.deepEqual(JSON.parse(JSON.stringify(blocks)), blocks);
      }
    });
  });

  describe('plain-text rendering', () => {
    it('drops style markers and keeps structure with visible prefixes', () => {
      const text = 'Hi *Ana*, your _code_ is `123`\n> note\n* one\n- two\n3. three\n```\nx *y*\n```';
      assert.equal(formatToPlain(parseFormatting(text)), 'Hi Ana, your code is 123\n\u2502 note\n\u2022 one\n\u2022 two\n3. three\n\nx *y*\n');
    });

    it('keeps unpaired markers and blank lines', () => {
      assert.equal(formatToPlain(parseFormatting('2 * 3 = *6*\n\nsnake_case')), '2 * 3 = 6\n\nsnake_case');
    });
  });

  describe('block structure', () => {
    it('records list numbers as typed and quote lines as line breaks', () => {
      assert.deepEqual(parseFormatting('> a\n> b\n7. x\n9. y'), [
        { type: 'quote', content: [{ type: 'text', text: 'a' }, { type: 'linebreak' }, { type: 'text', text: 'b' }] },
        {
          type: 'numbered',
          items: [
            { number: 7, content: [{ type: 'text', text: 'x' }] },
            { number: 9, content: [{ type: 'text', text: 'y' }] },
          ],
        },
      ]);
    });

    it('distinguishes inline code from one-line monospace', () => {
      assert.deepEqual(parseFormatting('`a` ```b```')[0], {
        type: 'paragraph',
        content: [
          { type: 'code', text: 'a' },
          { type: 'text', text: ' ' },
          { type: 'mono', text: 'b' },
        ],
      });
    });

    it('leaves a long line of markers that never pair as plain text (its speed is in `npm run bench`)', () => {
      const line = '*a `b _c ~d '.repeat(400);
      assert.deepEqual(parseFormatting(line), [{ type: 'paragraph', content: [{ type: 'text', text: line }] }]);
    });
  });
});
