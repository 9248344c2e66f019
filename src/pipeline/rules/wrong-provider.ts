/**
 * A payload of one API in a file named for another (a Vonage body in `x.whatsapp.json`) fails the
 * schema in a dozen places; one problem that says which API it is, and how to rename the file, helps more.
 */
import { PROVIDERS, providerById } from '../../providers/registry';
import type { LintRule } from '../../core/lint/context';

export const wrongProvider: LintRule = (ctx) => {
  const own = providerById(ctx.provider);
  if (!own) return;
  const ownScore = own.detect(ctx.value);
  // Shape detection is cheap; the schemas run only when another API's shape fits better.
  const other = PROVIDERS.filter((p) => p.id !== own.id)
    .map((p) => ({ p, score: p.detect(ctx.value) }))
    .filter((c) => c.score >= 0.5 && c.score > ownScore)
    .sort((a, b) => b.score - a.score)[0]?.p;
  // A Cloud body without `messaging_product` is exactly an On-Premises body: in a .whatsapp.json
  // file that is a slip, not the other API, so the schema's "messaging_product is required" stands.
  if (!other || (own.id === 'whatsapp' && other.id === 'whatsapp-onprem') || own.schema.safeParse(ctx.value).success || !other.schema.safeParse(ctx.value).success) return;
  ctx.supersede(undefined, 'schema');
  const at = Math.max(0, ctx.doc.text.search(/\S/));
  ctx.report({
    severity: 'error',
    code: 'wrong-provider',
    pointer: '',
    start: at,
    end: at + 1,
    // Neutral about why: the file name (own.suffix) or the CLI's --provider chose the API.
    message: `This is a ${other.label} payload, but it is being checked as ${own.label} (${own.suffix}). Rename the file to end in ${other.suffix} (on the command line, --provider ${other.id} also works).`,
  });
};
