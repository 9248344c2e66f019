/**
 * An equivalent curl command for a request built without credentials: every secret and every
 * `{{NAME}}` placeholder becomes a `$VARIABLE` reference, so the text can be shared and committed.
 */
import type { Profile } from '../profile';
import type { AuthDef } from '../auth/kinds';
import type { HttpRequest } from './types';

/** POSIX shell single-quoting: safe for any text. */
export function shellQuote(text: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(text)) return text;
  return singleQuote(text);
}

/** Where the body's token goes, marked so it can become a $VARIABLE (JSON escapes NUL as \\u0000). */
const TOKEN_MARK = '\u0000TOKEN\u0000';
const SPLICE = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}|\\u0000TOKEN\\u0000/g;

function singleQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Single-quote a body, splicing `"$NAME"` in where placeholders (and the gateway token) stand. */
function quoteWithVariables(text: string, tokenVariable: string): string {
  const parts: string[] = [];
  let last = 0;
  for (const m of text.matchAll(SPLICE)) {
    const literal = text.slice(last, m.index);
    if (literal) parts.push(singleQuote(literal));
    parts.push(`"$${m[1] ?? tokenVariable}"`);
    last = m.index + m[0].length;
  }
  const rest = text.slice(last);
  if (rest || parts.length === 0) parts.push(singleQuote(rest));
  return parts.join('');
}

/** `auth` is the profile's method as its provider defines it: its variables name the secrets. */
export function toCurl(req: HttpRequest, profile: Profile, auth: AuthDef): string {
  const comments: string[] = [];
  const args: string[] = [`curl -X ${req.method} ${/\{\{/.test(req.url) ? quoteWithVariables(req.url, auth.secret.env) : shellQuote(req.url)}`];
  for (const [k, v] of Object.entries(req.headers)) if (k !== 'user-agent') args.push(`-H ${shellQuote(`${k}: ${v}`)}`);
  let body = req.body;
  const secret = `$${auth.secret.env}`;
  const identity = auth.identity ? profile[auth.identity.field] : undefined;
  const identityRef = identity ? shellQuote(identity) : `"$${auth.identity?.env ?? 'ID'}"`;
  switch (auth.kind) {
    case 'jwt': {
      const key = auth.secret.envFile ? `"$${auth.secret.envFile}"` : 'private.key';
      comments.push(`# A fresh JWT (valid 15 minutes): VONAGE_JWT=$(mwb jwt --application-id ${identityRef} --private-key ${key})`);
      args.push('-H "Authorization: Bearer $VONAGE_JWT"');
      break;
    }
    case 'basic':
      args.push(identity ? `-u ${identityRef}:"${secret}"` : `-u "$${auth.identity?.env}:${secret}"`);
      break;
    case 'bearer':
      args.push(`-H "Authorization: Bearer ${secret}"`);
      break;
    case 'd360':
      args.push(`-H "D360-API-KEY: ${secret}"`);
      break;
    case 'token': {
      const value = body ? (JSON.parse(body) as Record<string, unknown>) : {};
      // Same place as the real send: first, overriding any token written in the file.
      const withToken: Record<string, unknown> = { token: TOKEN_MARK, ...value };
      withToken.token = TOKEN_MARK;
      body = JSON.stringify(withToken);
      break;
    }
  }
  if (body !== undefined) args.push(`--data-raw ${quoteWithVariables(body, auth.secret.env)}`);
  if (body && [...body.matchAll(SPLICE)].length > 0) comments.push('# $VARIABLES inside the body are inserted as they are: their values must not contain " or \\.');
  return [...comments, args.join(' \\\n  ')].join('\n');
}

/**
 * A curl command for a request that already carries its credentials, to run as pasted. Only for
 * the built-in sandbox, whose credentials are local and throwaway; placeholders stay `$NAME`.
 */
export function toRunnableCurl(req: HttpRequest, note?: string): string {
  const args: string[] = [`curl -X ${req.method} ${/\{\{/.test(req.url) ? quoteWithVariables(req.url, '') : shellQuote(req.url)}`];
  for (const [k, v] of Object.entries(req.headers)) if (k !== 'user-agent') args.push(`-H ${shellQuote(`${k}: ${v}`)}`);
  if (req.body !== undefined) args.push(`--data-raw ${quoteWithVariables(req.body, '')}`);
  return [...(note ? [`# ${note}`] : []), args.join(' \\\n  ')].join('\n');
}
