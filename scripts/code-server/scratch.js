// `npm start` opens a copy of examples/, never the clone's own: web VS Code saves as you type, and
// trying the product must not leave changes in the repository (issue 9, item 14).
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

/**
 * Where the copy of `root`'s examples lives: outside the clone (a folder inside it would make VS
 * Code's git support offer the clone's repository), one per clone, kept across restarts.
 */
function scratchDir(root, base = os.tmpdir()) {
  const id = crypto.createHash('sha256').update(path.resolve(root)).digest('hex').slice(0, 12);
  return path.join(base, `message-workbench-${id}`, 'examples');
}

/**
 * Copies every file of `src` that `dest` lacks; a file already there (perhaps edited) is kept.
 * Returns how many files were copied.
 */
function copyMissing(src, dest) {
  let copied = 0;
  fs.mkdirSync(dest, { recursive: true });
  for (const entry of fs.readdirSync(src, { withFileTypes: true })) {
    const from = path.join(src, entry.name);
    const to = path.join(dest, entry.name);
    if (entry.isDirectory()) copied += copyMissing(from, to);
    else if (entry.isFile() && !fs.existsSync(to)) {
      fs.copyFileSync(from, to, fs.constants.COPYFILE_EXCL);
      copied++;
    }
  }
  return copied;
}

/** The scratch copy of `root`/examples, brought up to date with new examples; its path. */
function scratchExamples(root, base) {
  const dest = scratchDir(root, base);
  copyMissing(path.join(root, 'examples'), dest);
  return dest;
}

module.exports = { scratchDir, copyMissing, scratchExamples };
