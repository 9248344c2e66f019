/**
 * The architecture, checked: which folder of src/ may import which, nothing outside the extension
 * imports `vscode`, and no import cycles. Imports are read with TypeScript's own pre-processor.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const SRC = path.resolve(__dirname, '../../../../src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

/** Each file's imports: resolved paths (relative to src/) for our own files, names for packages. */
function importGraph(): Map<string, { local: string[]; packages: string[] }> {
  const graph = new Map<string, { local: string[]; packages: string[] }>();
  for (const file of sourceFiles(SRC)) {
    const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    const local: string[] = [];
    const packages: string[] = [];
    for (const { fileName } of info.importedFiles) {
      if (!fileName.startsWith('.')) {
        packages.push(fileName);
        continue;
      }
      const base = path.resolve(path.dirname(file), fileName);
      const target = [`${base}.ts`, path.join(base, 'index.ts'), base].find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
      if (target) local.push(path.relative(SRC, target));
    }
    graph.set(path.relative(SRC, file), { local, packages });
  }
  return graph;
}

const top = (rel: string) => rel.split(path.sep)[0];

/** Which top-level folders each may import (besides itself). Files directly in src/ are bundle entries. */
const ALLOWED: Record<string, readonly string[]> = {
  core: [],
  providers: ['core'],
  webhooks: ['core', 'providers', 'preview'],
  // Meta's template format: definitions, their rules, the template API (below the pipeline, which checks template files).
  templates: ['core', 'providers'],
  pipeline: ['core', 'providers', 'webhooks', 'templates'],
  preview: ['core', 'shared'],
  shared: ['preview'],
  webview: ['shared', 'preview'],
  sandbox: ['core', 'providers', 'pipeline', 'webhooks', 'templates'],
  schemas: ['core', 'providers', 'pipeline', 'templates'],
  // Converting a retired API's payload validates the result: above the pipeline, below the adapters.
  convert: ['core', 'providers', 'pipeline'],
  // Bulk sends fill, validate and send each row through the pipeline.
  bulk: ['core', 'providers', 'pipeline'],
  // Threads of sent messages and the webhooks that answer them: above the pipeline and the sandbox's window rule, below the adapters.
  conversations: ['core', 'providers', 'pipeline', 'webhooks', 'preview', 'sandbox'],
  cli: ['core', 'providers', 'pipeline', 'preview', 'sandbox', 'convert', 'webhooks', 'templates', 'bulk'],
  extension: ['core', 'providers', 'pipeline', 'preview', 'shared', 'sandbox', 'convert', 'webhooks', 'templates', 'bulk', 'conversations'],
};

describe('project: boundaries', () => {
  const graph = importGraph();

  it('reads the whole source tree', () => {
    assert.ok(graph.size > 100, `only ${graph.size} files`);
  });

  it('imports `vscode` only in src/extension/', () => {
    const offenders = [...graph].filter(([file, i]) => top(file) !== 'extension' && i.packages.includes('vscode')).map(([f]) => f);
    assert.deepEqual(offenders, []);
  });

  it('imports across folders only downwards (core knows no provider, the webview only shared/ and preview/)', () => {
    const offenders: string[] = [];
    for (const [file, { local }] of graph) {
      const from = top(file);
      if (!(from in ALLOWED)) continue; // bundle entry points at the top of src/
      for (const target of local) {
        // Bundle entry points (src/domain.ts) and package.json are not layers.
        if (!target.includes(path.sep) || target.startsWith('..')) continue;
        const to = top(target);
        if (to !== from && !ALLOWED[from].includes(to)) offenders.push(`${file} -> ${target}`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('the webview imports no Node module', () => {
    const offenders = [...graph].filter(([file, i]) => top(file) === 'webview' && i.packages.some((p) => p.startsWith('node:'))).map(([f]) => f);
    assert.deepEqual(offenders, []);
  });

  it('has no import cycles', () => {
    const state = new Map<string, 'visiting' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(' -> '));
        return;
      }
      state.set(file, 'visiting');
      for (const next of graph.get(file)?.local ?? []) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    assert.deepEqual(cycles, []);
  });
});
