// Bundles the extension (Node, vscode external), the CLI (Node) and the webview (browser).
'use strict';
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** @type {import('esbuild').BuildOptions[]} */
const targets = [
  {
    entryPoints: { extension: 'src/extension/activate.ts' },
    platform: 'node',
    format: 'cjs',
    // The domain is two bundles loaded on first use (src/extension/lazy-domain.ts).
    external: ['vscode', './domain.js', './validation.js'],
  },
  {
    entryPoints: { validation: 'src/extension-validation.ts', domain: 'src/extension-domain.ts' },
    platform: 'node',
    format: 'cjs',
  },
  {
    entryPoints: { cli: 'src/cli/main.ts' },
    platform: 'node',
    format: 'cjs',
  },
  {
    // One bundle per CLI command (dist/cli/<name>.js), loaded by main only when that command runs.
    entryPoints: Object.fromEntries(
      fs
        .readdirSync('src/cli/commands')
        .filter((f) => f.endsWith('.ts'))
        .map((f) => [`cli/${f.replace(/\.ts$/, '')}`, `src/cli/commands/${f}`]),
    ),
    platform: 'node',
    format: 'cjs',
    // Smaller bundles read and parse faster (the source maps beside them name everything).
    minify: true,
  },
  {
    entryPoints: { 'generate-schemas': 'src/schemas/write.ts' },
    platform: 'node',
    format: 'cjs',
  },
];
if (fs.existsSync('src/webview/main.ts')) {
  targets.push({
    // The preview page, and the Conversations page (src/extension/conversations.ts).
    entryPoints: { webview: 'src/webview/main.ts', conversations: 'src/webview/conversations.ts' },
    platform: 'browser',
    format: 'iife',
    tsconfig: 'src/webview/tsconfig.json',
  });
}

async function main() {
  const common = {
    bundle: true,
    outdir: 'dist',
    target: 'node20',
    sourcemap: !production,
    // jsonc-parser's UMD build hides its requires from the bundler; its ESM build bundles cleanly.
    mainFields: ['module', 'main'],
    minify: production,
    logLevel: 'warning',
    legalComments: 'none',
  };
  const contexts = await Promise.all(targets.map((t) => esbuild.context({ ...common, ...t, target: t.platform === 'browser' ? 'es2022' : 'node20' })));
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    console.log('[esbuild] watching');
    return;
  }
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  // JSON Schemas are generated from the zod schemas, never written by hand.
  require('child_process').execFileSync(process.execPath, [path.join('dist', 'generate-schemas.js'), 'schemas'], { stdio: 'inherit' });
  const cssSrc = path.join('src', 'webview', 'preview.css');
  if (fs.existsSync(cssSrc)) fs.copyFileSync(cssSrc, path.join('dist', 'preview.css'));
  const conversationsCss = path.join('src', 'webview', 'conversations.css');
  if (fs.existsSync(conversationsCss)) fs.copyFileSync(conversationsCss, path.join('dist', 'conversations.css'));
  console.log(`[esbuild] built ${targets.map((t) => Object.keys(t.entryPoints).join()).join(', ')}`);
}

main().catch((err) => {
  console.error(err.message || err);
  process.exit(1);
});
