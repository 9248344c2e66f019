/**
 * The preview stylesheet for the standalone page. One file, src/webview/preview.css, is the
 * source; the build copies it beside dist/cli.js. From a compiled test or bench the source is
 * found up the tree instead.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

let cached: string | undefined;

export function previewCss(): string {
  if (cached !== undefined) return cached;
  const candidates = [path.join(__dirname, 'preview.css')];
  for (let d = __dirname, i = 0; i < 6; i++, d = path.dirname(d)) candidates.push(path.join(d, 'src', 'webview', 'preview.css'), path.join(d, 'dist', 'preview.css'));
  candidates.push(path.join(process.cwd(), 'src', 'webview', 'preview.css'));
  for (const c of candidates) {
    try {
      return (cached = fs.readFileSync(c, 'utf8'));
    } catch {
      // try the next place
    }
  }
  // A page without styles is still correct and safe; say nothing rather than fail the command.
  return (cached = '');
}
