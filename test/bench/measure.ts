/** Time a function: warm up, then run it in batches; the median batch's per-call time in ms. */
export function timeMs(fn: () => unknown, { iterations = 200, warmup = 20, batches = 7 } = {}): number {
  for (let i = 0; i < warmup; i++) fn();
  const perCall: number[] = [];
  for (let b = 0; b < batches; b++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) fn();
    perCall.push(Number(process.hrtime.bigint() - t0) / 1e6 / iterations);
  }
  perCall.sort((a, b) => a - b);
  return perCall[Math.floor(perCall.length / 2)];
}
