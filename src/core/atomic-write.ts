/**
 * Replacing a file the user owns without ever leaving it half-written, and without overwriting an edit
 * made since it was read (`mwb validate --fix` while an editor saves): a temp file beside it, then one rename.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readRegularFile } from './read-file';

let written = 0;

export type ReplaceResult = { ok: true } | { ok: false; changed: boolean; message: string };

/**
 * Write `data` to `file` if the file still holds exactly `original`. The new file keeps the old
 * one's mode (and owner, where allowed); a symbolic link keeps pointing at the file it named.
 */
export function replaceFileIfUnchanged(file: string, data: Uint8Array, original: Uint8Array): ReplaceResult {
  let target: string;
  try {
    target = fs.realpathSync(file);
  } catch (e) {
    return { ok: false, changed: true, message: `${file}: not written: it is gone (${(e as NodeJS.ErrnoException).code ?? 'error'}).` };
  }
  // Unique enough with the pid and a counter; 'wx' refuses a name that exists rather than follow it.
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${++written}.tmp`);
  let fd: number | undefined;
  try {
    const stat = fs.statSync(target);
    fd = fs.openSync(tmp, 'wx', 0o600);
    fs.writeSync(fd, data);
    fs.fchmodSync(fd, stat.mode & 0o7777);
    try {
      fs.fchownSync(fd, stat.uid, stat.gid);
    } catch {
      // Only root may give a file away; the user's own file keeps the user as owner anyway.
    }
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    // The last look before the rename: a file edited since it was read keeps the edit.
    const now = readRegularFile(target, Math.max(original.length, 1) + 1);
    if (!now.ok || !Buffer.from(original).equals(now.bytes)) {
      fs.rmSync(tmp, { force: true });
      return { ok: false, changed: true, message: `${file}: not written: it changed while it was being fixed. Run the command again.` };
    }
    fs.renameSync(tmp, target);
    return { ok: true };
  } catch (e) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    return {
      ok: false,
      changed: false,
      message: `${file}: not written: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied (the folder must be writable for the temporary file)' : code === 'ENOSPC' ? 'no space left on the device' : (code ?? 'error')}.`,
    };
  }
}
