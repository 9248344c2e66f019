/**
 * A WhatsApp message body as the phone lays it out: blocks of lines, each line a run of inline
 * content. Plain serializable data, because it crosses postMessage to the preview webview.
 */

/** Text styled by a pair of markers: `*bold*`, `_italic_`, `~strike~`. May nest other styles. */
export interface FStyled {
  type: 'bold' | 'italic' | 'strike';
  children: FInline[];
}

export type FInline =
  | { type: 'text'; text: string }
  | FStyled
  /** `` `inline code` ``: literal, no formatting inside. */
  | { type: 'code'; text: string }
  /** ```` ```monospace``` ```` on one line: literal, no formatting inside. */
  | { type: 'mono'; text: string }
  | { type: 'linebreak' };

export interface FNumberedItem {
  /** The number the sender typed (`3. x` is item 3), as WhatsApp keeps it. */
  number: number;
  content: FInline[];
}

export type FBlock =
  /** Consecutive ordinary lines (blank lines included), separated by `linebreak`. */
  | { type: 'paragraph'; content: FInline[] }
  /** Consecutive `> ` lines, separated by `linebreak`. */
  | { type: 'quote'; content: FInline[] }
  /** Consecutive `* ` / `- ` lines, one item per line. */
  | { type: 'bullets'; items: FInline[][] }
  /** Consecutive `1. ` lines. */
  | { type: 'numbered'; items: FNumberedItem[] }
  /** A ```` ``` ```` span that crosses lines: literal text, newlines kept. */
  | { type: 'codeblock'; text: string };
