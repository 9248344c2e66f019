/**
 * Golden table for WhatsApp formatting: message text -> the HTML the preview must show. Each
 * case was written from the rules in PROVIDERS.md ("WhatsApp formatting") and from how the app
 * renders the same text, not by running the tokenizer. `why` explains the non-obvious ones.
 */
export interface GoldenCase {
  input: string;
  html: string;
  why?: string;
}

export const GOLDEN: GoldenCase[] = [
  // The four classic styles (seed 003).
  { input: '*bold*', html: '<p><strong>bold</strong></p>' },
  { input: '_italic_', html: '<p><em>italic</em></p>' },
  { input: '~strike~', html: '<p><s>strike</s></p>' },
  { input: '```mono```', html: '<p><code>mono</code></p>' },
  { input: '`code`', html: '<p><code>code</code></p>' },
  { input: 'plain text', html: '<p>plain text</p>' },
  { input: '', html: '', why: 'an empty body has no blocks' },
  { input: 'say *hello* there', html: '<p>say <strong>hello</strong> there</p>' },
  { input: '*two words*', html: '<p><strong>two words</strong></p>' },
  { input: '*a* *b*', html: '<p><strong>a</strong> <strong>b</strong></p>' },
  { input: '*bold* _it_ ~st~', html: '<p><strong>bold</strong> <em>it</em> <s>st</s></p>' },

  // Opening boundary: only after a non-word character or at line start.
  { input: 'a*b*c', html: '<p>a*b*c</p>', why: 'the opener follows a letter' },
  { input: 'snake_case_word', html: '<p>snake_case_word</p>' },
  { input: 'https://a.com/x_y_z', html: '<p>https://a.com/x_y_z</p>' },
  { input: 'text*bold*', html: '<p>text*bold*</p>' },
  { input: '1*2*', html: '<p>1*2*</p>', why: 'digits are word characters' },
  { input: 'über*x*', html: '<p>über*x*</p>', why: 'non-ASCII letters are word characters' },
  { input: '中*文*', html: '<p>中*文*</p>' },
  { input: '(*x*)', html: '<p>(<strong>x</strong>)</p>', why: 'punctuation is a boundary' },
  { input: '"_quoted_"', html: '<p>&quot;<em>quoted</em>&quot;</p>' },
  { input: 'a.*b*', html: '<p>a.<strong>b</strong></p>' },
  { input: '😀*x*', html: '<p>😀<strong>x</strong></p>', why: 'an emoji is not a word character' },
  { input: '❤️_x_', html: '<p>❤️<em>x</em></p>', why: 'the emoji presentation selector is a mark but ends an emoji, not a word' },

  // Must not be followed by white space; must have content.
  { input: '2 * 3 = *6*', html: '<p>2 * 3 = <strong>6</strong></p>' },
  { input: 'a * x * b', html: '<p>a * x * b</p>' },
  { input: 'x _ y _', html: '<p>x _ y _</p>' },
  { input: '*\tx*', html: '<p>*\tx*</p>', why: 'a tab is white space' },
  { input: '*\u00a0x*', html: '<p>*\u00a0x*</p>', why: 'a no-break space is white space' },
  { input: '**', html: '<p>**</p>', why: 'no content' },
  { input: '~~', html: '<p>~~</p>' },
  { input: '__', html: '<p>__</p>' },
  { input: '*', html: '<p>*</p>' },
  { input: '``', html: '<p>``</p>' },
  { input: '``````', html: '<p>``````</p>' },

  // Closing boundary: not after white space, not before a word character.
  { input: '*bold *', html: '<p>*bold *</p>' },
  { input: '*bold*.', html: '<p><strong>bold</strong>.</p>' },
  { input: '*bold*, then', html: '<p><strong>bold</strong>, then</p>' },
  { input: '*bold*text', html: '<p>*bold*text</p>' },
  { input: '*2*3', html: '<p>*2*3</p>' },
  { input: '*é*', html: '<p><strong>é</strong></p>' },
  { input: '*x*😀', html: '<p><strong>x</strong>😀</p>' },
  { input: '*😀*', html: '<p><strong>😀</strong></p>' },
  { input: '*1*', html: '<p><strong>1</strong></p>' },
  { input: '*bold*  ', html: '<p><strong>bold</strong>  </p>', why: 'trailing spaces stay' },
  { input: '_a_b_', html: '<p><em>a_b</em></p>', why: 'the middle _ is followed by a letter, so it cannot close' },
  { input: '_snake_case_', html: '<p><em>snake_case</em></p>' },
  { input: '*a*b*', html: '<p><strong>a*b</strong></p>' },
  { input: '*a *b*', html: '<p><strong>a *b</strong></p>', why: 'the first closer wins' },

  // Never across lines.
  { input: '*a\nb*', html: '<p>*a<br>b*</p>' },
  { input: '_start\nend_', html: '<p>_start<br>end_</p>' },
  { input: '*a*\r\n_b_', html: '<p><strong>a</strong><br><em>b</em></p>', why: 'CRLF is one line break' },
  { input: 'a\rb', html: '<p>a<br>b</p>' },
  { input: 'a\n\nb', html: '<p>a<br><br>b</p>', why: 'a blank line keeps its height' },

  // Nesting and doubled markers.
  { input: '_*both*_', html: '<p><em><strong>both</strong></em></p>' },
  { input: '*_both_*', html: '<p><strong><em>both</em></strong></p>' },
  { input: '~*_all_*~', html: '<p><s><strong><em>all</em></strong></s></p>' },
  { input: '*bold _it_ more*', html: '<p><strong>bold <em>it</em> more</strong></p>' },
  { input: '*a*_b_', html: '<p><strong>a</strong><em>b</em></p>', why: 'a marker is a boundary for the next one' },
  { input: '*a _b* c_', html: '<p><strong>a _b</strong> c_</p>', why: 'crossing spans: the first to close wins, the other is literal' },
  { input: '**bold**', html: '<p>*<strong>bold</strong>*</p>', why: 'Markdown habit: the app pairs the inner markers' },
  { input: '***x***', html: '<p>**<strong>x</strong>**</p>' },
  { input: '~~gone~~', html: '<p>~<s>gone</s>~</p>' },
  { input: '*a *b* c*', html: '<p><strong>a *b</strong> c*</p>', why: 'the same marker does not nest' },
  { input: '__init__', html: '<p>_<em>init</em>_</p>' },

  // Code: literal inside, same outer boundaries.
  { input: '`*x*`', html: '<p><code>*x*</code></p>' },
  { input: '```*x* _y_```', html: '<p><code>*x* _y_</code></p>' },
  { input: 'run `npm i` now', html: '<p>run <code>npm i</code> now</p>' },
  { input: 'x`a`', html: '<p>x`a`</p>' },
  { input: '` a`', html: '<p>` a`</p>' },
  { input: '`a `', html: '<p>`a `</p>' },
  { input: '*a `b* c`', html: '<p>*a <code>b* c</code></p>', why: 'code spans are found first, so a marker inside cannot close' },
  { input: '*`code`*', html: '<p><strong><code>code</code></strong></p>' },
  { input: '`<b>`', html: '<p><code>&lt;b&gt;</code></p>' },
  { input: 'a ```x``` b', html: '<p>a <code>x</code> b</p>' },
  { input: '```a```b', html: '<p>```a```b</p>', why: 'the closer is followed by a letter' },
  { input: '``` spaced ```', html: '<p><code> spaced </code></p>', why: 'monospace content is literal, spaces included' },
  { input: 'x```y```', html: '<p>x```y```</p>', why: 'the opener follows a letter' },
  { input: '*Hello*, _world_!\n~old~ `new`', html: '<p><strong>Hello</strong>, <em>world</em>!<br><s>old</s> <code>new</code></p>' },

  // Monospace blocks span lines and keep everything literal.
  { input: '```\ncode *x*\n```', html: '<pre><code>\ncode *x*\n</code></pre>' },
  { input: 'Run:\n```npm i\nnpm t```\ndone', html: '<p>Run:</p><pre><code>npm i\nnpm t</code></pre><p>done</p>' },
  { input: '```a\nb``` tail', html: '<pre><code>a\nb</code></pre><p> tail</p>' },
  { input: '```\nnever closed', html: '<p>```<br>never closed</p>' },
  { input: '```\n<script>alert(1)</script>\n```', html: '<pre><code>\n&lt;script&gt;alert(1)&lt;/script&gt;\n</code></pre>' },

  // Quotes.
  { input: '> quoted', html: '<blockquote>quoted</blockquote>' },
  { input: '> one\n> *two*', html: '<blockquote>one<br><strong>two</strong></blockquote>' },
  { input: '>no space', html: '<p>&gt;no space</p>' },
  { input: 'a > b', html: '<p>a &gt; b</p>' },
  { input: '> ', html: '<p>&gt; </p>', why: 'a marker alone is text' },
  { input: 'intro\n> q\nafter', html: '<p>intro</p><blockquote>q</blockquote><p>after</p>' },

  // Lists.
  { input: '* one\n* two', html: '<ul><li>one</li><li>two</li></ul>' },
  { input: '- one\n- two', html: '<ul><li>one</li><li>two</li></ul>' },
  { input: '* x *', html: '<ul><li>x *</li></ul>', why: 'a bullet at line start; the rest is not bold' },
  { input: '* *bold* item', html: '<ul><li><strong>bold</strong> item</li></ul>' },
  { input: '-no space', html: '<p>-no space</p>' },
  { input: '*bold* start', html: '<p><strong>bold</strong> start</p>', why: 'a star followed by a letter is not a bullet' },
  { input: '1. one\n2. two', html: '<ol><li>one</li><li>two</li></ol>' },
  { input: '3. three\n4. four', html: '<ol start="3"><li>three</li><li>four</li></ol>' },
  { input: '1. a\n1. b', html: '<ol><li>a</li><li value="1">b</li></ol>', why: 'numbers show as typed' },
  { input: '1.no space', html: '<p>1.no space</p>' },
  { input: '1) a', html: '<p>1) a</p>' },
  { input: 'Menu:\n1. _tea_\n2. ~coffee~\n- extra', html: '<p>Menu:</p><ol><li><em>tea</em></li><li><s>coffee</s></li></ol><ul><li>extra</li></ul>' },
  { input: '* a\n\n* b', html: '<ul><li>a</li></ul><p><br></p><ul><li>b</li></ul>' },

  // Hostile text stays text.
  { input: '<script>alert("x")</script>', html: '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>' },
  { input: '*<img src=x onerror=alert(1)>*', html: '<p><strong>&lt;img src=x onerror=alert(1)&gt;</strong></p>' },
  { input: '</style><b>', html: '<p>&lt;/style&gt;&lt;b&gt;</p>' },
  { input: `"' onmouseover='x`, html: '<p>&quot;&#39; onmouseover=&#39;x</p>' },
  { input: 'a & b &amp; c', html: '<p>a &amp; b &amp;amp; c</p>' },
  { input: '> <i>q</i>', html: '<blockquote>&lt;i&gt;q&lt;/i&gt;</blockquote>' },
];
