// The integration launcher's process hygiene: what it starts, it stops, by pid, and nothing else.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// Plain CommonJS launcher code (no build step): load it from the checkout at run time.

const server = require(path.join(process.cwd(), 'scripts', 'code-server', 'server.js')) as {
  killGroup(pid: number, graceMs?: number): Promise<void>;
  killStragglers(marker: string, graceMs?: number): Promise<void>;
  pidsMentioning(marker: string): number[];
  makeSandboxDirs(prefix: string, root?: string): Record<string, string>;
  sandboxEnv(dirs: Record<string, string>, extra?: Record<string, string>): NodeJS.ProcessEnv;
};

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(cond: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (cond()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return cond();
}

/**
 * A detached shell (leading its own group) with background children, like code-server's tree.
 * Resolves once the script has run up to `touch "$READY"`, so signals never race its start.
 */
async function spawnGroup(script: string): Promise<number> {
  const ready = path.join(os.tmpdir(), `mwb-unit-ready-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  const child = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore', env: { ...process.env, READY: ready } });
  child.unref();
  assert.ok(child.pid);
  assert.ok(await waitUntil(() => fs.existsSync(ready), 3000), 'the test process group should start');
  fs.rmSync(ready, { force: true });
  return child.pid;
}

describe('launcher: process cleanup', () => {
  it('killGroup stops a process group and its children with SIGTERM', async () => {
    const pid = await spawnGroup('sleep 30 & sleep 30 & touch "$READY"; wait');
    assert.ok(groupAlive(pid));
    const t0 = Date.now();
    await server.killGroup(pid, 3000);
    assert.equal(groupAlive(pid), false, 'no process of the group should be left');
    assert.ok(Date.now() - t0 < 2500, 'a group that obeys SIGTERM should not wait for the SIGKILL grace');
  });

  it('killGroup falls back to SIGKILL after the grace period for a group that ignores SIGTERM', async () => {
    const pid = await spawnGroup('trap "" TERM; sleep 30 & sleep 30 & touch "$READY"; wait; sleep 30');
    assert.ok(groupAlive(pid));
    const t0 = Date.now();
    await server.killGroup(pid, 400);
    // SIGKILL is not waited for inside killGroup; the killed processes vanish once reaped.
    assert.ok(await waitUntil(() => !groupAlive(pid), 2000), 'SIGKILL should stop the group');
    assert.ok(Date.now() - t0 >= 350, 'SIGKILL should come only after the grace period');
  });

  it('killGroup on a pid that is gone does nothing and does not throw', async () => {
    const pid = await spawnGroup('touch "$READY"; exit 0');
    await waitUntil(() => !groupAlive(pid), 2000);
    await server.killGroup(pid, 200);
  });

  it('killStragglers stops only processes whose command line names the marker', async () => {
    const marker = `/tmp/mwb-it-test-${process.pid}-${Date.now()}`;
    const keep = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)', `${marker}-other`], { stdio: 'ignore' });
    const stray = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)', marker], { detached: true, stdio: 'ignore' });
    try {
      assert.ok(stray.pid && keep.pid);
      assert.ok(await waitUntil(() => server.pidsMentioning(marker).includes(stray.pid as number), 2000), 'the stray should be found by its marker');
      await server.killStragglers(marker, 1000);
      assert.ok(await waitUntil(() => stray.exitCode !== null || stray.signalCode !== null, 2000), 'the stray should be stopped');
      // `${marker}-other` contains the marker too, so it is stopped as well; a different path is not.
      const unrelated = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)', '/tmp/unrelated-path'], { stdio: 'ignore' });
      await server.killStragglers(marker, 500);
      assert.equal(unrelated.exitCode, null);
      assert.equal(unrelated.signalCode, null, 'a process not naming the marker must be left alone');
      unrelated.kill('SIGKILL');
    } finally {
      keep.kill('SIGKILL');
      stray.kill('SIGKILL');
    }
  });
});

describe('launcher: throwaway profile', () => {
  it('puts HOME, XDG dirs and TMPDIR in the sandbox folder and disables the marketplace', () => {
    const dirs = server.makeSandboxDirs('mwb-unit-launcher-');
    try {
      for (const name of ['home', 'user-data', 'extensions', 'config', 'data', 'cache', 'tmp']) {
        assert.ok(fs.statSync(dirs[name]).isDirectory(), `${name} should exist`);
        assert.ok(dirs[name].startsWith(dirs.root + path.sep), `${name} should be inside the sandbox`);
      }
      const env = server.sandboxEnv(dirs, { EXTRA: '1' });
      assert.equal(env.HOME, dirs.home);
      assert.equal(env.XDG_CONFIG_HOME, dirs.config);
      assert.equal(env.XDG_DATA_HOME, dirs.data);
      assert.equal(env.XDG_CACHE_HOME, dirs.cache);
      assert.equal(env.TMPDIR, dirs.tmp);
      assert.equal(env.EXTENSIONS_GALLERY, '{}');
      assert.equal(env.EXTRA, '1');
      assert.equal(env.PATH, process.env.PATH);
    } finally {
      fs.rmSync(dirs.root, { recursive: true, force: true });
    }
  });
});
