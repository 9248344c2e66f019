/**
 * Loads a bundled CLI command with V8's code cache: the compiled code of a run is kept on disk and
 * reused by the next, so a command starts without compiling its bundle again (`mwb validate` is run
 * thousands of times in editors' save hooks and CI). V8 checks each cache against the source and
 * the flags and ignores one that does not fit; any failure here falls back to a plain load.
 */
import * as fs from 'node:fs';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

/** Where the caches live: MWB_CACHE_DIR, else the user's cache folder. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MWB_CACHE_DIR) return env.MWB_CACHE_DIR;
  const base = process.platform === 'win32' ? (env.LOCALAPPDATA ?? os.tmpdir()) : (env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'));
  return path.join(base, 'message-workbench', 'v8');
}

/** Caches to write when the process ends (`mwb --help` loads every command): one exit listener for all. */
const pendingWrites: (() => void)[] = [];

type ModuleInternals = typeof Module & { wrap(code: string): string; _nodeModulePaths(dir: string): string[] };

export function requireWithCodeCache<T>(file: string): T {
  let source: string;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
    source = fs.readFileSync(file, 'utf8');
  } catch {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(file) as T;
  }
  // V8's own check compares only the source's length, so the name carries the bundle's size and time
  // (a rebuild gets a new cache) and the Node version (whose V8 made it).
  const key = `${stat.size}-${Math.round(stat.mtimeMs)}-${process.version}`;
  const cacheFile = path.join(cacheDir(), `${path.basename(file, '.js')}-${key}.bin`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const M = Module as ModuleInternals;
  const script = new vm.Script(M.wrap(source), { filename: file, cachedData });
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = M._nodeModulePaths(path.dirname(file));
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  wrapper.call(
    mod.exports,
    mod.exports,
    Object.assign((id: string) => mod.require(id), require),
    mod,
    file,
    path.dirname(file),
  );
  mod.loaded = true;
  if (!cachedData || script.cachedDataRejected) {
    // After the run, so the cache holds the functions the command actually compiled.
    pendingWrites.push(() => writeCache(cacheFile, () => script.createCachedData()));
    if (pendingWrites.length === 1) process.once('exit', () => pendingWrites.forEach((write) => write()));
  }
  return mod.exports as T;
}

function writeCache(file: string, data: () => Buffer): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, data(), { mode: 0o600 });
    fs.renameSync(tmp, file);
    // Caches of earlier builds of the same bundle are dead weight.
    const prefix = path.basename(file).replace(/-[^-]+-[^-]+-[^-]+\.bin$/, '-');
    for (const old of fs.readdirSync(path.dirname(file))) if (old.startsWith(prefix) && old !== path.basename(file)) fs.rmSync(path.join(path.dirname(file), old), { force: true });
  } catch {
    // A read-only home or a full disk only costs the next start its head start.
  }
}
