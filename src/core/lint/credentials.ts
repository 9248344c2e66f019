/** A credential inside a payload file would be committed with it: warn, and offer to take it out. */
import type { Node } from 'jsonc-parser';
import { getNodePath } from 'jsonc-parser';
import { hasPlaceholder } from '../placeholders';
import { removePropertyEdits } from '../edits';
import { toPointer } from '../pointer';
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
  const root = ctx.doc.root;
  if (!root) return;
  const stack: Node[] = [root];
  let seen = 0;
  while (stack.length > 0 && seen++ < 200_000) {
    const node = stack.pop()!;
    if (node.type === 'property' && node.children?.length === 2) {
      const [key, value] = node.children;
      if (value.type === 'string' && SECRET_KEY.test(String(key.value)) && typeof value.value === 'string' && value.value.length > 0 && !hasPlaceholder(value.value)) {
        const path = getNodePath(value);
        // `custom` is passed through as given; don't touch a user's free-form object there.
        ctx.report({
          severity: 'warning',
          code: 'credential-in-payload',
          pointer: toPointer(path),
          start: key.offset,
          end: value.offset + value.length,
          message: `\`${key.value}\` looks like a credential. ${WHERE}`,
          fixes: [{ title: `Remove \`${key.value}\` from the file`, edits: removePropertyEdits(ctx.doc.text, path) }],
        });
        continue;
      }
      stack.push(value);
      continue;
    }
    if (node.type === 'string' && typeof node.value === 'string' && node.value.length >= 20) {
      const hit = SECRET_VALUES.find((s) => s.test.test(node.value));
      if (hit) {
        ctx.report({
          severity: 'warning',
          code: 'credential-in-payload',
          pointer: toPointer(getNodePath(node)),
          start: node.offset,
          end: node.offset + node.length,
          message: `This value looks like ${hit.what}. ${WHERE}`,
        });
      }
    }
    if (node.children) stack.push(...node.children);
  }
};
