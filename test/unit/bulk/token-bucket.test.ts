import * as assert from 'node:assert/strict';
import { TokenBucket, type Clock } from '../../../src/bulk/token-bucket';

/** Time that only moves when someone sleeps. */
function fakeClock(): Clock & { t: number } {
  const c = {
    t: 0,
    now: () => c.t,
    sleep: async (ms: number) => {
      c.t += Math.max(ms, 0.001);
    },
  };
  return c;
}

describe('bulk/token-bucket', () => {
  it('hands out tokens at the rate: 200 at 50/s take 4 s, and no second holds more than 51', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(50, clock);
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      await bucket.take();
      times.push(clock.t);
    }
    assert.ok(clock.t >= 3960 && clock.t <= 4010, `took ${clock.t} ms`);
    for (let i = 0; i + 51 < times.length; i++) assert.ok(times[i + 51] - times[i] >= 1000 - 1e-6, `52 tokens within a second at ${times[i]}`);
  });

  it('serves concurrent takers in order at the same pace', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(10, clock);
    const order: number[] = [];
    await Promise.all(Array.from({ length: 20 }, (_, i) => bucket.take().then(() => order.push(i))));
    assert.deepEqual(
      order,
      Array.from({ length: 20 }, (_, i) => i),
    );
    assert.ok(clock.t >= 1890, `took ${clock.t} ms`);
  });

  it('slowDown pauses everyone for Retry-After, halves the rate, then climbs back', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(100, clock);
    await bucket.take();
    bucket.slowDown(2000);
    assert.equal(bucket.currentRate, 50);
    await bucket.take();
    assert.ok(clock.t >= 2000, `next token at ${clock.t} ms`);
    for (let i = 0; i < 800; i++) await bucket.take();
    assert.equal(bucket.currentRate, 100);
  });
});
