/** Runs the built CLI (dist/cli.js) as a user would: a child process, real HTTP on loopback. */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { projectRoot } from '../../helpers';

export const CLI = path.join(projectRoot(), 'dist', 'cli.js');

/** Runs one command to its end, asynchronously: servers in this process (the handler) must keep answering. */
export function mwb(args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }, timeout: 20000 }, (error, stdout, stderr) => {
      const code = error ? ((error as { code?: unknown }).code as number | null) : 0;
      resolve({ status: typeof code === 'number' ? code : null, stdout, stderr });
    });
  });
}

/** Starts a long-running command; resolves once it printed its URL (on stderr or stdout). */
export function start(args: string[], env: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string; stdout: string[]; stderr: string[]; stop(): Promise<number | null> }> {
  const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env } });
  const stdout: string[] = [];
  const stderr: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed: ${stderr.join('')}`)), 10000);
    const look = (text: string) => {
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(text);
      if (m) {
        clearTimeout(timer);
        resolve({
          child,
          url: m[1],
          stdout,
          stderr,
          stop: () =>
            new Promise((done) => {
              child.once('exit', (code) => done(code));
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout.on('data', (d: Buffer) => {
      stdout.push(d.toString());
      look(stdout.join(''));
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr.push(d.toString());
      look(stderr.join(''));
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${stderr.join('')}`)));
  });
}

/** Waits until `lines` holds at least `n` complete lines. */
export async function lines(chunks: string[], n: number, ms = 5000): Promise<string[]> {
  const deadline = Date.now() + ms;
  for (;;) {
    const all = chunks
      .join('')
      .split('\n')
      .filter((l) => l.trim() !== '');
    if (all.length >= n && chunks.join('').endsWith('\n')) return all;
    if (Date.now() > deadline) throw new Error(`${all.length} of ${n} lines: ${all.join('\n')}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
