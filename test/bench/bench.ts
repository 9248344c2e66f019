/**
 * `npm run bench`: runs every test/bench/*.bench.ts and prints one line per measurement, with
 * the budget from DESIGN.md where there is one. Prints numbers; exits non-zero only if a bench
 * itself fails (budgets are reported, not asserted: timing belongs here, not in tests).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

type Report = (name: string, value: number, unit: string, budget?: number) => void;

async function main(): Promise<void> {
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.js'))
    .sort();
  const rows: string[] = [];
  let over = 0;
  const report: Report = (name, value, unit, budget) => {
    const within = budget === undefined ? '' : value <= budget ? `  (budget ${budget} ${unit}: ok)` : `  (budget ${budget} ${unit}: OVER)`;
    if (budget !== undefined && value > budget) over++;
    const shown = value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(2) : value.toFixed(4);
    const line = `${name.padEnd(52)} ${shown.padStart(10)} ${unit}${within}`;
    rows.push(line);
    console.log(line);
  };
  console.log(`Message Workbench bench (node ${process.version}, ${new Date().toISOString()})`);
  for (const f of files) {
    const mod = require(path.join(__dirname, f)) as { bench?: (r: Report) => Promise<void> };
    if (typeof mod.bench !== 'function') continue;
    console.log(`\n# ${f.replace(/\.bench\.js$/, '')}`);
    await mod.bench(report);
  }
  console.log(`\n${rows.length} measurements, ${over} over budget`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`bench failed: ${(e as Error).message}`);
    process.exit(1);
  },
);
