/** Throughput (130429 / 429) and WhatsApp's pair rate limit (131056, bursts of 45 in 6 s), with a moved clock. */
import * as assert from 'node:assert/strict';
import { createSandbox } from '../../../src/sandbox/server';
import { PairLimiter, Throughput, META_PAIR_LIMIT } from '../../../src/sandbox/rate-limit';
import { APP_ID, BASIC, WHATSAPP_TOKEN, appKeys, call, vonageJwt } from './helpers';

describe('sandbox/rate-limit', () => {
  it('pair limit: a burst of 45, then nothing until the borrowed time is paid back; other customers are unaffected', () => {
    const p = new PairLimiter(META_PAIR_LIMIT);
    const t0 = 1_000_000;
    for (let i = 0; i < 45; i++) assert.equal(p.take('biz>a', t0 + i * 10).ok, true, `message ${i + 1}`);
    const refused = p.take('biz>a', t0 + 500);
    assert.equal(refused.ok, false);
    assert.equal((refused as { retryAfterMs: number }).retryAfterMs, 45 * 6000 - 500);
    assert.equal(p.take('biz>b', t0 + 500).ok, true, 'another customer');
    assert.equal(p.take('biz>a', t0 + 45 * 6000 - 1).ok, false);
    assert.equal(p.take('biz>a', t0 + 45 * 6000).ok, true);
  });

  it('pair limit: one message every 6 s is always fine; a second within the burst window borrows 6 s', () => {
    const p = new PairLimiter(META_PAIR_LIMIT);
    for (let i = 0; i < 20; i++) assert.equal(p.take('k', i * 6000).ok, true);
    assert.equal(p.take('k', 121_000).ok, true);
    assert.equal(p.take('k', 122_000).ok, true, 'a second one within the burst window');
    assert.equal(p.take('k', 128_000).ok, false, 'outside the burst window, before the 12 s the two took are paid');
    assert.equal(p.take('k', 133_000).ok, true);
    assert.equal(new PairLimiter(false).take('k', 0).ok, true);
  });

  it('throughput: N per second per sender', () => {
    const t = new Throughput(3);
    assert.deepEqual(
      [1, 2, 3, 4].map(() => t.take('s', 5000)),
      [true, true, true, false],
    );
    assert.equal(t.take('other', 5000), true);
    assert.equal(t.take('s', 6000), true);
    assert.equal(new Throughput(0).take('s', 0), true);
  });

  it('the sandbox answers 130429 and 131056 with HTTP 429 (what clients retry), and Vonage 429, as configured', async () => {
    let clock = 2_000_000_000_000;
    const sandbox = await createSandbox({
      whatsappTokens: [WHATSAPP_TOKEN],
      vonage: { publicKeys: [appKeys.publicKey], basic: [BASIC], applicationIds: [APP_ID] },
      now: () => clock,
      rateLimits: { messagesPerSecond: 2, pair: { intervalMs: 6000, burst: 2 } },
    });
    try {
      const meta = (to: string, phoneId = '106540352242922') =>
        call(`${sandbox.url}/v21.0/${phoneId}/messages`, 'POST', { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'Hi' } }, { authorization: `Bearer ${WHATSAPP_TOKEN}` });
      assert.equal((await meta('447700900001')).status, 200);
      assert.equal((await meta('447700900001')).status, 200);
      const tooMany = await meta('447700900002');
      assert.equal(tooMany.status, 429);
      assert.equal(tooMany.json.error.code, 130429);
      clock += 1000;
      const pair = await meta('447700900001');
      assert.equal(pair.status, 429);
      assert.equal(pair.json.error.code, 131056);
      assert.match(pair.json.error.message, /pair rate limit/);
      assert.equal((await meta('447700900001', '999')).status, 200, 'another business number has its own limits');
      clock += 11_000;
      assert.equal((await meta('447700900001')).status, 200, 'after the borrowed time, it goes through');
      const bearer = `Bearer ${await vonageJwt({ iat: Math.floor(clock / 1000) })}`;
      const sms = () => call(`${sandbox.url}/v1/messages`, 'POST', { message_type: 'text', channel: 'sms', to: '447700900001', from: 'Acme', text: 'Hi' }, { authorization: bearer });
      clock += 1000;
      assert.deepEqual([(await sms()).status, (await sms()).status], [202, 202]);
      const v = await sms();
      assert.equal(v.status, 429);
      assert.match(v.contentType, /problem\+json/);
    } finally {
      await sandbox.close();
    }
  });
});
