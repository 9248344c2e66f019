// Removes compiled files in out/ whose TypeScript source is gone (a moved or deleted test would
// otherwise still run from its stale copy, since tsc's incremental build never deletes outputs).
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'out');

function walk(dir) {
  if (!fs.existsSync(dir)) return;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full);
    else if (/\.js(\.map)?$/.test(e.name)) {
      const source = path.join(root, path.relative(out, full)).replace(/\.js(\.map)?$/, '.ts');
      if (!fs.existsSync(source)) fs.rmSync(full);
    }
  }
}

walk(out);
