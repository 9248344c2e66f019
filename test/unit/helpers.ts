import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root, whether tests run from out/ (tsc) or a temp bundle (run-one.js). */
export function projectRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'esbuild.js'))) return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
}

export function listFiles(dir: string, test: (f: string) => boolean): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p, test));
    else if (test(p)) out.push(p);
  }
  return out.sort();
}
