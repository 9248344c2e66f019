import * as assert from 'node:assert/strict';
import type { HttpReply } from '../../../src/core/http/types';
import { PROVIDERS, providerOf } from '../../../src/providers/registry';
import { excerpt } from '../../../src/core/http/outcome';

function reply(status: number, body: unknown, contentType = 'application/json'): HttpReply {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status, statusText: '', headers: { 'content-type': contentType }, contentType, text, json, truncated: false };
}

describe('send: responses and error catalogs', () => {
  it('vonage: 202 message_uuid; a 401 problem gets credential advice; window detail gets template advice', () => {
    const v = providerOf('vonage');
    assert.deepEqual(v.readResponse(reply(202, { message_uuid: 'u1' })), { ok: true, messageId: 'u1' });
    const unauthorized = v.readResponse(
      reply(401, { type: 'https://developer.vonage.com/api-errors#unauthorized', title: 'Unauthorized', detail: 'You did not provide correct credentials.' }, 'application/problem+json'),
    );
    assert.equal(unauthorized.ok, false);
    assert.match(unauthorized.problem!.advice!, /application id/);
    const windowClosed = v.readResponse(reply(422, { title: 'Outside of the allowed window', detail: 'The 24 hour window has expired' }));
    assert.match(windowClosed.problem!.advice!, /template/);
  });

  it("whatsapp: catalog codes 190, 131047, 132001; unknown codes keep Meta's words", () => {
    const w = providerOf('whatsapp');
    const expired = w.readResponse(reply(401, { error: { message: 'Error validating access token: Session has expired', type: 'OAuthException', code: 190, fbtrace_id: 'A1' } }));
    assert.match(expired.problem!.title, /expired or is invalid \(code 190\)/);
    assert.match(expired.problem!.advice!, /new access token/);
    assert.equal(expired.problem!.instance, 'A1');
    assert.match(w.readResponse(reply(400, { error: { message: 'x', code: 132001 } })).problem!.advice!, /language code/);
    const unknown = w.readResponse(reply(400, { error: { message: 'Something new', code: 999999 } }));
    assert.match(unknown.problem!.title, /Something new \(code 999999\)/);
    assert.equal(w.explainError('131047')?.advice.includes('template'), true);
  });

  it('whatsapp-onprem: seed 004 codes; mark-as-read answers null or {}', () => {
    const o = providerOf('whatsapp-onprem');
    for (const [code, words] of [
      ['1013', /no WhatsApp account/],
      ['2001', /language/],
      ['1009', /-90 and 90/],
      ['1014', /encoded once/],
      ['402', /payment/],
      ['408', /again/],
    ] as const) {
      const r = o.readResponse(reply(400, { errors: [{ code: Number(code), title: 't' }] }));
      assert.equal(r.problem!.code, code);
      assert.match(`${r.problem!.title} ${r.problem!.advice}`, words);
    }
    assert.deepEqual(o.readResponse(reply(200, 'null')), { ok: true, messageId: undefined });
    assert.deepEqual(o.readResponse(reply(200, {})), { ok: true, messageId: undefined });
    assert.deepEqual(o.readResponse(reply(201, { messages: [{ id: 'gBEGk' }], meta: { api_status: 'stable' } })), { ok: true, messageId: 'gBEGk' });
    // A 200 that carries errors is a failure.
    assert.equal(o.readResponse(reply(200, { errors: [{ code: 470, title: 'window' }] })).ok, false);
  });

  it('gateway: reads ids and errors from common shapes', () => {
    const g = providerOf('gateway');
    assert.equal(g.readResponse(reply(200, { id: 'a' })).messageId, 'a');
    assert.equal(g.readResponse(reply(200, { data: { message_id: 'b' } })).messageId, 'b');
    assert.equal(g.readResponse(reply(200, { messages: [{ id: 'c' }] })).messageId, 'c');
    const soft = g.readResponse(reply(200, { success: false, error: 'Outside 24h window, use a template' }));
    assert.equal(soft.ok, false);
    assert.match(soft.problem!.advice!, /Send Template/);
    const nested = g.readResponse(reply(400, { error: { message: 'Invalid phone number' } }));
    assert.match(nested.problem!.title, /Invalid phone number/);
    assert.match(nested.problem!.advice!, /country code/);
  });

  it('any provider: a non-JSON answer says what came back, with a short excerpt', () => {
    for (const t of PROVIDERS) {
      const r = t.readResponse(reply(500, 'Internal Server Error: upstream connect error', 'text/plain'));
      assert.equal(r.ok, false);
      assert.match(r.problem!.title, /HTTP 500.*non-JSON body \(text\/plain\).*"Internal Server Error: upstream connect error"/);
    }
  });

  it('keeps excerpts short and free of markup', () => {
    const e = excerpt(`<html><script>var secret = 1</script><body>${'word '.repeat(100)}</body></html>`);
    assert.ok(e.length <= 160);
    assert.ok(!e.includes('<') && !e.includes('secret'));
  });
});
