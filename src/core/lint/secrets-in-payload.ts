/** A credential inside a payload file would be committed with it: warn, and offer to take it out. */
import { hasPlaceholder } from '../placeholders';
import { removePropertyEdits } from '../edits';
import { keyRangeOf, rangeOf } from '../parse';
import { toPointer, type PathSegment } from '../pointer';
import type { LintRule } from './context';

const SECRET_KEY = /^(token|access_?token|auth_?token|bearer|api_?key|apikey|api_?secret|secret|client_?secret|password|passwd|private_?key|authorization|d360[-_]?api[-_]?key|signature_?secret)$/i;

const SECRET_VALUES: readonly { test: RegExp; what: string }[] = [
  { test: /-----BEGIN [A-Z ]*PRIVATE KEY-----/, what: 'a private key' },
  { test: /^(Bearer\s+)?eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]{16,}$/, what: 'a JWT' },
  { test: /^EAA[A-Za-z0-9]{40,}$/, what: 'a Meta access token' },
  { test: /^Basic\s+[A-Za-z0-9+/]{12,}={0,2}$/, what: 'a Basic authorization header' },
];

const WHERE = 'Keep secrets out of payload files (they get committed): store it with "Message Workbench: Set Credentials", which keeps it in VS Code\'s SecretStorage, and remove it from the file.';

export const credentialInPayload: LintRule = (ctx) => {
  // Walk the value, not the syntax tree: the tree is built only when something is found.
  const stack: { value: unknown; path: PathSegment[] }[] = [{ value: ctx.value, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.length < 20) continue;
      const hit = SECRET_VALUES.find((s) => s.test.test(value));
      if (hit) ctx.report({ severity: 'warning', code: 'credential-in-payload', pointer: toPointer(path), message: `This value looks like ${hit.what}. ${WHERE}` });
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push({ value: v, path: [...path, i] }));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        const childPath = [...path, key];
        if (typeof v === 'string' && v.length > 0 && SECRET_KEY.test(key) && !hasPlaceholder(v)) {
          const k = keyRangeOf(ctx.doc, childPath);
          const r = rangeOf(ctx.doc, childPath);
          const pointer = toPointer(childPath);
          // A credential is a warning wherever it stands; when the key is not a field of this payload
          // the schema reports that too (an error of its own), and the message says so.
          const unknownField = ctx.reported(pointer, 'schema');
          ctx.report({
            severity: 'warning',
            code: 'credential-in-payload',
            pointer,
            start: k.start,
            end: r.end,
            message: unknownField
              ? `\`${key}\` looks like a credential, and it is not a field of this payload: credentials are added to the request at send time. ${WHERE}`
              : `\`${key}\` looks like a credential. ${WHERE}`,
            fixes: [{ title: `Remove \`${key}\` from the file`, edits: removePropertyEdits(ctx.doc.text, childPath) }],
          });
        } else stack.push({ value: v, path: childPath });
      }
    }
  }
};
