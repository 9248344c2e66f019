import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cliVariables, VariableError, variablesFromEnvironment } from '../../../src/core/variables';
import { isSecretName, secretValuesOf } from '../../../src/core/secret-names';
import { fillValue } from '../../../src/pipeline/send';

describe('placeholder variables', () => {
  it('knows credential names, whatever their case or style', () => {
    for (const n of [
      'WHATSAPP_TOKEN',
      'VONAGE_PRIVATE_KEY',
      'VONAGE_PRIVATE_KEY_PATH',
      'VONAGE_API_SECRET',
      'D360_API_KEY',
      'GATEWAY_TOKEN',
      'AWS_SECRET_ACCESS_KEY',
      'AWS_ACCESS_KEY_ID',
      'GITHUB_TOKEN',
      'NPM_TOKEN',
      'DB_PASSWORD',
      'apiKey',
      'accessToken',
      'client_secret',
      'STRIPE_APIKEY',
      'SENTRY_DSN',
      'JWT',
      'SESSION_COOKIE',
      'MYSQL_PWD',
      'gpgPassphrase',
    ]) {
      assert.equal(isSecretName(n), true, n);
    }
    for (const n of ['TO_NUMBER', 'NAME', 'CODE', 'OTP', 'MESSAGE_ID', 'TEMPLATE_NAME', 'KEYWORD', 'MONKEY', 'ORDER_ID', 'WHATSAPP_NUMBER']) assert.equal(isSecretName(n), false, n);
  });

  it('takes environment variables only with the MWB_VAR_ prefix, never a credential', () => {
    const env = { TO_NUMBER: '1', MWB_VAR_TO_NUMBER: '447700900001', WHATSAPP_TOKEN: 'EAAx', MWB_VAR_WHATSAPP_TOKEN: 'EAAx', MWB_VAR_NAME: 'Ann' };
    assert.deepEqual(variablesFromEnvironment(env), { TO_NUMBER: '447700900001', NAME: 'Ann' });
  });

  it('--var over --vars-file over MWB_VAR_, and refuses a credential name or a malformed --var', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mwb-vars-'));
    try {
      const file = path.join(dir, 'vars.env');
      fs.writeFileSync(file, '# values for the demo\nTO_NUMBER=447700900002\nNAME="Ann Smith"\nCODE=1\n');
      const values = cliVariables({ vars: ['CODE=42', 'EMPTY='], varsFile: file, env: { MWB_VAR_TO_NUMBER: '447700900001', MWB_VAR_CITY: 'Leeds' } });
      assert.deepEqual(values, { TO_NUMBER: '447700900002', CITY: 'Leeds', NAME: 'Ann Smith', CODE: '42', EMPTY: '' });
      assert.throws(
        () => cliVariables({ vars: ['WHATSAPP_TOKEN=x'], env: {} }),
        (e) => e instanceof VariableError && /credential/.test(e.message),
      );
      assert.throws(() => cliVariables({ vars: ['NOEQUALS'], env: {} }), /NAME=VALUE/);
      fs.writeFileSync(file, 'API_KEY=abc\n');
      assert.throws(() => cliVariables({ varsFile: file, env: {} }), /"API_KEY" is a credential's name/);
      assert.throws(() => cliVariables({ varsFile: path.join(dir, 'absent.env'), env: {} }), /no such file/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never fills a credential name, even when given one', () => {
    const r = fillValue({ text: 'key {{WHATSAPP_TOKEN}} for {{NAME}}' }, { WHATSAPP_TOKEN: 'EAAsecret', NAME: 'Ann' });
    assert.deepEqual(r.value, { text: 'key {{WHATSAPP_TOKEN}} for Ann' });
    assert.deepEqual(r.missing, ['WHATSAPP_TOKEN']);
  });

  it('lists every secret-named value of the environment for redaction', () => {
    assert.deepEqual(secretValuesOf({ AWS_SECRET_ACCESS_KEY: 'aws-secret-1', HOME: '/root', TO_NUMBER: '4477' }), ['aws-secret-1']);
  });
});
