/**
 * Which names are a credential's (`WHATSAPP_TOKEN`, `AWS_SECRET_ACCESS_KEY`, `dbPassword`): such a
 * name is never a placeholder (variables.ts, the placeholder-secret rule), and the environment's
 * values under such names never appear in output (redaction).
 */
/** Words that make a name a credential's: `WHATSAPP_TOKEN`, `AWS_SECRET_ACCESS_KEY`, `dbPassword`, `D360_API_KEY`. */
const SECRET_WORDS = new Set([
  'SECRET',
  'SECRETS',
  'TOKEN',
  'TOKENS',
  'PASSWORD',
  'PASSWORDS',
  'PASSWD',
  'PWD',
  'PASSPHRASE',
  'CREDENTIAL',
  'CREDENTIALS',
  'CREDS',
  'KEY',
  'KEYS',
  'APIKEY',
  'PRIVKEY',
  'AUTHORIZATION',
  'BEARER',
  'COOKIE',
  'COOKIES',
  'JWT',
  'PEM',
  'DSN',
]);

function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])/)
    .filter(Boolean)
    .map((w) => w.toUpperCase());
}

/** Whether a placeholder or variable name reads as a credential's (so it is never a placeholder). */
export function isSecretName(name: string): boolean {
  const w = words(name);
  return w.some((x) => SECRET_WORDS.has(x) || x.endsWith('TOKEN') || x.endsWith('SECRET') || x.endsWith('PASSWORD') || x.endsWith('APIKEY'));
}

/** Where a credential is (`VONAGE_PRIVATE_KEY_PATH`), not what it is: its value is no secret, and messages name it. */
const LOCATION = /(?:^|_)(PATH|FILE|DIR)$/i;

/** Every value the environment holds under a credential's name, so no output can carry one. */
export function secretValuesOf(env: Record<string, string | undefined>): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(env)) if (v && v.length >= 4 && isSecretName(k) && !LOCATION.test(k)) out.push(v);
  return out;
}
