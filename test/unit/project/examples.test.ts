import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { validateText } from '../../../src/pipeline/validate';
import { loadCatalogFromDisk } from '../../../src/core/template-catalog-file';
import { PROVIDERS } from '../../../src/providers/registry';
import { isDefinitionFileName } from '../../../src/templates/template-file';
import { listFiles, projectRoot } from '../helpers';

const root = projectRoot();
// Template definitions and catalogs are not payloads: test/unit/templates/examples.test.ts checks them.
const examples = listFiles(path.join(root, 'examples'), (f) => f.endsWith('.json') && !f.endsWith('.templates.json') && !isDefinitionFileName(f));

describe('examples/', () => {
  it('has at least one example per provider', () => {
    for (const p of PROVIDERS)
      assert.ok(
        examples.some((f) => f.endsWith(p.suffix)),
        `no example for ${p.id}`,
      );
  });

  for (const file of examples) {
    const rel = path.relative(root, file);
    it(`${rel} is valid for its provider`, () => {
      const text = fs.readFileSync(file, 'utf8');
      const result = validateText(text, { fileName: file, templates: loadCatalogFromDisk(path.dirname(file)) });
      assert.ok(result.provider ?? result.webhook, `${rel}: no provider from its name`);
      const errors = result.problems.filter((p) => p.severity === 'error');
      assert.deepEqual(
        errors.map((p) => `${p.pointer}: ${p.message}`),
        [],
      );
    });
  }
});
