import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expandSnippet, type SnippetDef } from '../../../src/core/snippets';
import { validateText } from '../../../src/pipeline/validate';
import { PROVIDERS } from '../../../src/providers/registry';
import { projectRoot } from '../helpers';

const root = projectRoot();
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

describe('snippets/', () => {
  it('package.json contributes one snippet file per provider, for JSON', () => {
    const contributed = (pkg.contributes.snippets as { language: string; path: string }[]).map((s) => s.path);
    for (const p of PROVIDERS) assert.ok(contributed.includes(`./snippets/${p.id}.json`), `snippets for ${p.id} not contributed`);
  });

  for (const p of PROVIDERS) {
    const file = path.join(root, 'snippets', `${p.id}.json`);
    const snippets: Record<string, SnippetDef> = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
    describe(`${p.id}.json`, () => {
      it('exists and has snippets with mwb- prefixes and tab stops', () => {
        assert.ok(Object.keys(snippets).length > 0, `${file} has no snippets`);
        for (const [name, s] of Object.entries(snippets)) {
          const prefixes = Array.isArray(s.prefix) ? s.prefix : [s.prefix];
          assert.ok(
            prefixes.every((x) => x.startsWith(`mwb-${p.id}-`) || x.startsWith('mwb-')),
            `${name}: prefix ${prefixes}`,
          );
          assert.match(Array.isArray(s.body) ? s.body.join('\n') : s.body, /\$\{?1/, `${name} has no tab stop`);
          assert.ok(s.description, `${name} has no description`);
        }
      });
      for (const [name, s] of Object.entries(snippets)) {
        it(`"${name}" filled with its defaults validates with no errors`, () => {
          const text = expandSnippet(s.body);
          const result = validateText(text, { fileName: `snippet${p.suffix}` });
          const errors = result.problems.filter((x) => x.severity === 'error');
          assert.deepEqual(
            errors.map((x) => `${x.pointer}: ${x.message}`),
            [],
            text,
          );
        });
      }
    });
  }
});

describe('expandSnippet', () => {
  it('fills defaults, first choices and empties, and unescapes', () => {
    assert.equal(expandSnippet(['{"a": "${1:x}", "b": "${2|p,q|}", "c": "$3", "d": "\\$5", "e": "${4:${5:in}er}"}$0']), '{"a": "x", "b": "p", "c": "", "d": "$5", "e": "iner"}');
  });
});

describe('snippets/whatsapp-template.json (template definitions)', () => {
  const snippets: Record<string, SnippetDef> = JSON.parse(fs.readFileSync(path.join(root, 'snippets', 'whatsapp-template.json'), 'utf8'));
  it('is contributed for JSON', () => {
    assert.ok((pkg.contributes.snippets as { path: string }[]).some((s) => s.path === './snippets/whatsapp-template.json'));
  });
  for (const [name, s] of Object.entries(snippets)) {
    it(`"${name}" filled with its defaults is a definition with no problems`, () => {
      const text = expandSnippet(s.body);
      const result = validateText(text, { fileName: 'snippet.template.json' });
      assert.equal(result.templateFile, 'definition');
      assert.deepEqual(
        result.problems.map((x) => `${x.code} ${x.pointer}: ${x.message}`),
        [],
        text,
      );
    });
  }
});
