/** `mwb jwt --application-id ID --private-key FILE [...]` and `mwb jwt decode [--json] TOKEN` */
import { parseArgs } from 'node:util';
import { signVonageJwt, JwtError, DEFAULT_TTL_SECONDS } from '../../core/auth/jwt';
import { decodeToken, DecodeError } from '../../core/auth/decode';
import { secretsFromEnv, EnvSecretError } from '../../core/auth/env-secrets';
import { VONAGE_JWT } from '../../providers/common/auth';
import { KeyError, readPrivateKeyFile } from '../../core/auth/private-key';
import { MAX_KEY_BYTES } from '../../core/read-file';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UsageError, err, out, printJson } from '../output';
import { readStdin } from '../stdin';

export const usage = 'mwb jwt --application-id ID --private-key FILE [--ttl SECONDS] [--sub S] [--acl JSON] [--nbf UNIX] | mwb jwt decode [--json] TOKEN';

/** A JWT is a few hundred bytes; a Vonage one with a large ACL a few KB. */
const MAX_TOKEN_BYTES = 64 * 1024;

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value.trim())) throw new UsageError(`--${name} must be a whole number (got "${value}").`);
  return Number(value);
}

async function decode(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean' } } });
  if (positionals.length !== 1) throw new UsageError('jwt decode needs exactly one TOKEN (or - to read it from stdin).');
  const token = positionals[0] === '-' ? readStdin(MAX_TOKEN_BYTES, 'a JWT') : positionals[0];
  let decoded;
  try {
    decoded = decodeToken(token);
  } catch (e) {
    if (e instanceof DecodeError) {
      err(`mwb jwt decode: ${e.message}`);
      return EXIT_PROBLEMS;
    }
    throw e;
  }
  if (values.json) {
    printJson(decoded);
    return EXIT_OK;
  }
  out(`Header: ${JSON.stringify(decoded.header)}`);
  out(`Claims: ${JSON.stringify(decoded.claims, null, 2)}`);
  out(`Validity: ${decoded.validity}.`);
  out('Signature: not verified (decoding only reads the token; only the API checks the signature against the public key).');
  return EXIT_OK;
}

export async function run(argv: string[]): Promise<number> {
  if (argv[0] === 'decode') return decode(argv.slice(1));
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'application-id': { type: 'string' },
      'private-key': { type: 'string' },
      ttl: { type: 'string' },
      sub: { type: 'string' },
      acl: { type: 'string' },
      nbf: { type: 'string' },
    },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}".`);
  const applicationId = values['application-id'] ?? process.env.VONAGE_APPLICATION_ID;
  if (!applicationId) throw new UsageError('pass --application-id (or set VONAGE_APPLICATION_ID).');

  let privateKey: string | undefined;
  const keyFile = values['private-key'];
  try {
    if (keyFile) privateKey = keyFile === '-' ? readStdin(MAX_KEY_BYTES, 'a private key') : readPrivateKeyFile(keyFile);
    else privateKey = secretsFromEnv(VONAGE_JWT).privateKey;
  } catch (e) {
    if (e instanceof EnvSecretError || e instanceof KeyError) {
      err(`mwb jwt: ${e.message}`);
      return EXIT_USAGE;
    }
    throw e; // stdin could not be read: the usage error says so itself
  }
  // An empty key (from stdin or the environment) is the signer's to explain.
  if (privateKey === undefined) throw new UsageError('pass --private-key FILE (or set VONAGE_PRIVATE_KEY or VONAGE_PRIVATE_KEY_PATH).');

  let acl: unknown;
  if (values.acl !== undefined) {
    try {
      acl = JSON.parse(values.acl);
    } catch {
      throw new UsageError('--acl must be JSON, e.g. \'{"paths":{"/*/users/**":{}}}\'.');
    }
  }
  try {
    const token = await signVonageJwt({ applicationId, privateKey, ttlSeconds: integer('ttl', values.ttl) ?? DEFAULT_TTL_SECONDS, sub: values.sub, acl, nbf: integer('nbf', values.nbf) });
    out(token);
    return EXIT_OK;
  } catch (e) {
    if (e instanceof JwtError) {
      err(`mwb jwt: ${e.message}`);
      return EXIT_PROBLEMS;
    }
    throw e;
  }
}
