import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateSchemas, serialize } from '../../../src/schemas/generate';
import { projectRoot } from '../helpers';

const root = projectRoot();
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

describe('schemas/ (generated from the zod schemas)', () => {
  for (const s of generateSchemas(root)) {
    it(`${s.file} is up to date (run \`npm run build\` to regenerate)`, () => {
      const file = path.join(root, 'schemas', s.file);
      assert.ok(fs.existsSync(file), `${s.file} missing`);
      assert.equal(fs.readFileSync(file, 'utf8'), serialize(s.schema), `${s.file} is stale`);
    });
    it(`${s.file} is wired through contributes.jsonValidation for ${s.fileMatch}`, () => {
      const entry = (pkg.contributes.jsonValidation as { fileMatch: string | string[]; url: string }[]).find((j) => JSON.stringify(j.fileMatch) === JSON.stringify(s.fileMatch));
      assert.equal(entry?.url, `./schemas/${s.file}`);
    });
  }

  it('every property in every schema has a description (the hover)', () => {
    const missing: string[] = [];
    const walk = (node: unknown, where: string) => {
      if (!node || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      if (n.properties && typeof n.properties === 'object') {
        for (const [k, v] of Object.entries(n.properties as Record<string, Record<string, unknown>>)) {
          const described = v.description || v.$ref || (Array.isArray(v.anyOf) && v.anyOf.every((x: Record<string, unknown>) => x.description || x.$ref));
          if (!described && k !== '$schema') missing.push(`${where}/${k}`);
        }
      }
      for (const [k, v] of Object.entries(n)) if (typeof v === 'object') walk(v, `${where}/${k}`);
    };
    for (const s of generateSchemas(root)) walk(s.schema, s.file);
    assert.deepEqual(missing, []);
  });
});
