/** Preloaded into a child process (`node -r`) by bulk.bench.ts: reports its peak memory on exit. */
process.on('exit', () => process.stderr.write(`\nMAXRSS_KB ${process.resourceUsage().maxRSS}\n`));
