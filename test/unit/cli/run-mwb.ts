/** Runs the built CLI (dist/cli.js) in a child process with only the environment a test gives it. */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { projectRoot } from '../helpers';

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export const CLI = path.join(projectRoot(), 'dist', 'cli.js');

export function mwb(args: string[], env: Record<string, string> = {}, options: { onSpawn?: (pid: number) => void; cwd?: string } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, cwd: options.cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    if (child.pid) options.onSpawn?.(child.pid);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: Date.now() - t0 }));
  });
}
