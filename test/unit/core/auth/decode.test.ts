import * as assert from 'node:assert/strict';
import { decodeToken } from '../../../../src/core/auth/decode';

const token = (claims: string) => `${Buffer.from('{"alg":"RS256","typ":"JWT"}').toString('base64url')}.${Buffer.from(claims).toString('base64url')}.c2ln`;

describe('decodeToken with times no clock holds', () => {
  for (const [claims, name] of [
    ['{"exp": 1e20}', 'exp'],
    ['{"exp": -1e20}', 'exp'],
    ['{"exp": 1e400}', 'exp'],
    ['{"nbf": 1e16, "exp": 1}', 'nbf'],
  ] as const) {
    it(`${claims}: a sentence saying the claim is not a time, no exception`, () => {
      const d = decodeToken(token(claims), Date.UTC(2026, 0, 1));
      assert.equal(d.state, 'expired');
      assert.match(d.validity, new RegExp(`^${name} is .*, which is not a time`));
    });
  }

  it('still describes real times', () => {
    const now = Date.UTC(2026, 0, 1);
    assert.match(decodeToken(token(`{"exp": ${now / 1000 + 600}}`), now).validity, /^expires in 10 minutes \(2026-01-01T00:10:00Z\)$/);
  });
});
