/**
 * Start-up costs (DESIGN.md budgets): `mwb validate` of one file against `node -e 0` in CPU time
 * (at most 1.5x), measured in the same run, interleaved; and what the editor's first validation
 * loads (dist/validation.js) against the whole domain it used to load (dist/domain.js).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';

type Report = (name: string, value: number, unit: string, budget?: number) => void;

const root = path.resolve(__dirname, '..', '..', '..');

/** A preload that reports the process's own CPU time (user + system, start-up included) at exit. */
function cpuReporter(): string {
  const file = path.join(os.tmpdir(), `mwb-bench-cpu-${process.pid}.js`);
  fs.writeFileSync(file, `process.on('exit', () => { const u = process.cpuUsage(); require('fs').writeSync(3, String((u.user + u.system) / 1000)); });\n`);
  return file;
}

function cpuMs(preload: string, args: string[]): number {
  const r = spawnSync(process.execPath, ['-r', preload, ...args], { cwd: root, stdio: ['ignore', 'ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  return Number(r.output[3]);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function wallMs(script: string): number {
  return Number(spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' }).stdout);
}

export async function bench(report: Report): Promise<void> {
  const cli = path.join(root, 'dist', 'cli.js');
  if (!fs.existsSync(cli)) {
    console.log('  (start-up: skipped, run `npm run build` first)');
    return;
  }
  const preload = cpuReporter();
  try {
    const file = path.join('examples', 'whatsapp', 'text.whatsapp.json');
    cpuMs(preload, [cli, 'validate', file]); // the first run writes the code cache, as after an install
    const floor: number[] = [];
    const validate: number[] = [];
    for (let i = 0; i < 15; i++) {
      floor.push(cpuMs(preload, ['-e', '0']));
      validate.push(cpuMs(preload, [cli, 'validate', file]));
    }
    const f = median(floor);
    const v = median(validate);
    report('start-up: node -e 0 (CPU, the floor)', f, 'ms');
    report('start-up: mwb validate one file (CPU)', v, 'ms');
    report('start-up: mwb validate / node -e 0', v / f, 'x', 1.5);
  } finally {
    fs.rmSync(preload, { force: true });
  }

  const example = JSON.stringify(fs.readFileSync(path.join(root, 'examples', 'whatsapp', 'text.whatsapp.json'), 'utf8'));
  const first = (bundle: string) =>
    `const t=process.hrtime.bigint();const d=require(${JSON.stringify(path.join(root, 'dist', bundle))});d.validateText(${example},{fileName:'x.whatsapp.json'});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  report('editor: first validation, loading dist/validation.js', median(Array.from({ length: 7 }, () => wallMs(first('validation.js')))), 'ms');
  const whole = `const t=process.hrtime.bigint();require(${JSON.stringify(path.join(root, 'dist', 'domain.js'))});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  report('editor: loading dist/domain.js (first send)', median(Array.from({ length: 7 }, () => wallMs(whole))), 'ms');
  report('webview: dist/webview.js size', fs.statSync(path.join(root, 'dist', 'webview.js')).size / 1024, 'KB');
}
