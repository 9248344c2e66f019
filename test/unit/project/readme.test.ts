/**
 * Every shell block of the README works when pasted. ```sh blocks are run as written (from the
 * repository root, after the build), each in its own process group that is stopped afterwards;
 * blocks of npm commands are checked against package.json's scripts instead of being run (they
 * are the test run itself, or start servers); ```text blocks are synopses and are not run.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { projectRoot } from '../helpers';

const root = projectRoot();
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1], code: m[2], line: readme.slice(0, m.index).split('\n').length }));
const scripts = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts as Record<string, string>;

/** A line that only runs an npm command (with an optional comment). */
const npmLine = /^npm (?:run )?([\w:-]+)(?:\s+--\s+[^#]*)?\s*(?:#.*)?$/;

function commands(code: string): string[] {
  return code
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

function run(code: string, timeoutMs: number): Promise<{ status: number | null; out: string }> {
  // A throwaway HOME and store: the blocks write keys, webhook stores and code caches.
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'mwb-readme-'));
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', `set -eo pipefail\nshopt -s expand_aliases\n${code}`], { cwd: root, detached: true, env: { ...process.env, HOME: home, MWB_HOME: path.join(home, '.mwb') } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const stopAll = () => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(stopAll, timeoutMs);
    child.on('exit', (status) => {
      clearTimeout(timer);
      stopAll(); // background processes the block started
      // They may still be writing into the throwaway HOME as they stop.
      setTimeout(() => {
        fs.rmSync(home, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
        resolve({ status, out });
      }, 200);
    });
  });
}

describe('project: the README', () => {
  it('has shell blocks to check', () => {
    assert.ok(blocks.filter((b) => b.lang === 'sh').length >= 4);
  });

  for (const block of blocks.filter((b) => b.lang === 'sh')) {
    const lines = commands(block.code);
    if (lines.every((l) => npmLine.test(l))) {
      it(`npm commands at README line ${block.line} name scripts of package.json`, () => {
        for (const l of lines) {
          const name = npmLine.exec(l)![1];
          assert.ok(name in scripts || name === 'install' || name === 'ci', `README line ${block.line}: no npm script "${name}"`);
        }
      });
      continue;
    }
    it(`the shell block at README line ${block.line} runs as pasted`, async function () {
      this.timeout(90_000);
      assert.ok(fs.existsSync(path.join(root, 'dist', 'cli.js')), 'run `npm run build` first');
      const r = await run(block.code, 60_000);
      assert.equal(r.status, 0, `README line ${block.line} failed (exit ${r.status}):\n${r.out.slice(-3000)}`);
      assert.ok(!/internal error|Traceback|at .+\(.+:\d+:\d+\)/.test(r.out), `README line ${block.line} printed an internal error:\n${r.out.slice(-3000)}`);
    });
  }
});
