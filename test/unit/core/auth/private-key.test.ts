import * as assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { privateKeyProblem, readPrivateKeyFile } from '../../../../src/core/auth/private-key';
import { signVonageJwt, JwtError } from '../../../../src/core/auth/jwt';

describe('private keys that cannot sign RS256', () => {
  it('names a key under 2048 bits and says what to use instead', async () => {
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    assert.match(privateKeyProblem(small)!, /1024-bit RSA key; RS256 tokens need at least 2048 bits/);
    await assert.rejects(signVonageJwt({ applicationId: 'aaaaaaaa-bbbb-cccc-dddd-0123456789ab', privateKey: small }), (e) => e instanceof JwtError && /1024-bit/.test(e.message));
  });

  it('says a key file is empty, naming it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mwb-key-'));
    try {
      const f = path.join(dir, 'private.key');
      fs.writeFileSync(f, '\n');
      assert.throws(() => readPrivateKeyFile(f), /private\.key is empty: pass the private\.key file/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
