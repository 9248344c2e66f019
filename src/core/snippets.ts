/**
 * VS Code snippets: their shape (read by "New Payload File" and the schema generator), and their
 * expansion with defaults, by which the tests check that every snippet gives a valid payload.
 */
export interface SnippetDef {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

/**
 * Expand tab stops with their defaults: `${1:default}` -> default (nested too), `${1|a,b|}` -> a,
 * `$1`/`${1}`/`$0` -> '', `\$` -> `$`.
 */
export function expandSnippet(body: string | string[]): string {
  const text = Array.isArray(body) ? body.join('\n') : body;
  let i = 0;
  const parse = (stopAt: string | undefined): string => {
    let out = '';
    while (i < text.length) {
      const c = text[i];
      if (c === '\\' && i + 1 < text.length && '$}\\'.includes(text[i + 1])) {
        out += text[i + 1];
        i += 2;
        continue;
      }
      if (stopAt && c === stopAt) return out;
      if (c === '$') {
        const simple = /^\$(\d+|[A-Z_]+)/.exec(text.slice(i));
        if (simple) {
          i += simple[0].length;
          continue;
        }
        const choice = /^\$\{\d+\|([^|]*)\|\}/.exec(text.slice(i));
        if (choice) {
          out += choice[1].split(',')[0].replace(/\\,/g, ',');
          i += choice[0].length;
          continue;
        }
        const open = /^\$\{(\d+|[A-Z_]+)(:?)/.exec(text.slice(i));
        if (open) {
          i += open[0].length;
          const inner = open[2] ? parse('}') : '';
          i++; // the closing brace
          out += inner;
          continue;
        }
      }
      out += c;
      i++;
    }
    return out;
  };
  return parse(undefined);
}
