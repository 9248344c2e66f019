/** snippets/<provider>-webhook.json: completions in an empty webhook file, each a valid webhook when filled with its defaults. */
import * as assert from 'node:assert/strict';
import { expandSnippet } from '../../../src/core/snippets';
import { validateText } from '../../../src/pipeline/validate';
import { readSnippets } from '../../../src/schemas/generate';
import { WEBHOOKS } from '../../../src/webhooks/registry';
import { projectRoot } from '../helpers';

describe('snippets for webhook files', () => {
  for (const w of WEBHOOKS) {
    const snippets = readSnippets(projectRoot(), `${w.providerId}-webhook`);
    it(`${w.providerId}: has snippets with mwb- prefixes`, () => {
      assert.ok(Object.keys(snippets).length > 0);
      for (const s of Object.values(snippets)) assert.match(String(s.prefix), /^mwb-/);
    });
    for (const [name, s] of Object.entries(snippets)) {
      it(`"${name}" filled with its defaults is a valid ${w.label} with events`, () => {
        const text = expandSnippet(s.body);
        const r = validateText(text, { fileName: `snippet${w.suffix}` });
        assert.deepEqual(
          r.problems.map((p) => `${p.pointer}: ${p.message}`),
          [],
          text,
        );
        assert.ok((r.webhook?.events.length ?? 0) > 0);
      });
    }
  }
});
