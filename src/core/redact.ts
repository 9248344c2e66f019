/**
 * Taking secrets out of text before it leaves the process (terminal, JSON, logs, history, notifications).
 * A server may echo a credential back changed: lower- or upper-cased, base64 or base64url encoded
 * (alone or inside a longer encoded value, such as a Basic header), URL-encoded, JSON-escaped or as
 * hex. Every one of those forms is found, whatever its case where case carries no meaning.
 */
export const REDACTED = '[redacted]';

/** Shorter values are not secrets (and would blot out ordinary words). */
const MIN_SECRET = 4;
/** Encoded forms shorter than this would match unrelated text too often. */
const MIN_ENCODED = 8;
/** A line of a multi-line secret (a PEM's base64 body) this long is a secret on its own. */
const MIN_LINE = 16;

/**
 * The characters of base64(secret) that depend on the secret alone, when it starts at byte `k` (0, 1
 * or 2 modulo 3) of a longer encoded value: the characters mixing in neighbouring bytes are cut.
 */
function base64Core(bytes: Buffer, k: 0 | 1 | 2, url: boolean): string {
  const padded = Buffer.concat([Buffer.alloc(k), bytes]);
  const full = padded.toString(url ? 'base64url' : 'base64');
  const skip = [0, 2, 3][k];
  const end = Math.floor((padded.length * 8) / 6);
  return full.slice(skip, end);
}

/** Every form of one secret that may turn up in text: [case-insensitive forms, case-sensitive forms]. */
function formsOf(secret: string): { anyCase: Set<string>; exact: Set<string> } {
  const anyCase = new Set<string>();
  const exact = new Set<string>();
  const variants = new Set([secret, secret.toLowerCase(), secret.toUpperCase()]);
  for (const v of variants) {
    anyCase.add(v);
    anyCase.add(JSON.stringify(v).slice(1, -1));
    anyCase.add(encodeURIComponent(v));
    anyCase.add(encodeURIComponent(v).replace(/%20/g, '+'));
    const bytes = Buffer.from(v, 'utf8');
    anyCase.add(bytes.toString('hex'));
    for (const k of [0, 1, 2] as const) {
      exact.add(base64Core(bytes, k, false));
      exact.add(base64Core(bytes, k, true));
    }
  }
  for (const f of [...anyCase]) if (f !== secret && f.length < MIN_ENCODED && f.toLowerCase() !== secret.toLowerCase()) anyCase.delete(f);
  for (const f of [...exact]) if (f.length < MIN_ENCODED) exact.delete(f);
  return { anyCase, exact };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function alternation(forms: Iterable<string>, flags: string): RegExp | undefined {
  const list = [...forms].sort((a, b) => b.length - a.length);
  return list.length ? new RegExp(list.map(escapeRegExp).join('|'), flags) : undefined;
}

/** A redactor for one set of secrets, to apply to many texts. */
export function redactor(secrets: readonly string[], marker = REDACTED): (text: string) => string {
  const anyCase = new Set<string>();
  const exact = new Set<string>();
  for (const s of secrets) {
    if (typeof s !== 'string' || s.trim().length < MIN_SECRET) continue;
    for (const whole of new Set([s, s.trim()])) {
      const f = formsOf(whole);
      f.anyCase.forEach((x) => anyCase.add(x));
      f.exact.forEach((x) => exact.add(x));
    }
    // A part of a multi-line secret (a line of a PEM's base64 body) gives it away too.
    if (s.includes('\n')) for (const line of s.split(/\r?\n/)) if (line.trim().length >= MIN_LINE && !line.trim().startsWith('-----')) anyCase.add(line.trim());
  }
  const ci = alternation(anyCase, 'gi');
  const cs = alternation(exact, 'g');
  if (!ci && !cs) return (text) => text;
  return (text) => {
    let out = text;
    if (ci) out = out.replace(ci, marker);
    if (cs) out = out.replace(cs, marker);
    return out;
  };
}

/**
 * The last few redactors built: a bulk run scrubs every row with the same secrets, and building the
 * forms of a PEM key costs milliseconds (4,000 Vonage rows ran at 180/s for it, not 1,500/s).
 */
const recent = new Map<string, (text: string) => string>();
const RECENT = 8;

/** Replace every secret, in every form it can take, with a marker. */
export function redactSecrets(text: string, secrets: readonly string[], marker = REDACTED): string {
  const key = [marker, ...secrets].join('\u0000');
  let r = recent.get(key);
  if (!r) {
    r = redactor(secrets, marker);
    recent.set(key, r);
    if (recent.size > RECENT) recent.delete(recent.keys().next().value as string);
  }
  return r(text);
}
