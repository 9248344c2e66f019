/** Catalog files in each of their forms: Meta's GET answer (pulled), an array of definitions, and the older form. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadCatalogFromDisk, readCatalog } from '../../../src/core/template-catalog-file';

const meta = { name: 'order_update', language: 'en_US', category: 'UTILITY', status: 'APPROVED', components: [{ type: 'BODY', text: 'Hi {{1}}, your order ships.' }] };

describe('template catalog files', () => {
  it("reads Meta's GET answer as a pulled catalog", () => {
    const c = readCatalog(JSON.stringify({ data: [meta], paging: { cursors: { before: 'a', after: 'b' } } }));
    assert.equal(c.pulled, true);
    assert.deepEqual(
      c.definitions.map((d) => `${d.name}/${d.language}/${d.status}`),
      ['order_update/en_US/APPROVED'],
    );
  });

  it('reads an array of definitions, which is not a pulled catalog', () => {
    const c = readCatalog(JSON.stringify([meta, { ...meta, language: 'de' }]));
    assert.equal(c.pulled, false);
    assert.deepEqual(
      c.definitions.map((d) => d.language),
      ['en_US', 'de'],
    );
  });

  it("turns the older form into Meta's format", () => {
    const [d] = readCatalog(
      JSON.stringify({ templates: [{ name: 't', language: 'en', header: { type: 'image' }, body: 'B {{1}}', footer: 'F', buttons: [{ type: 'url', text: 'Go', url: 'https://x.example/{{1}}' }] }] }),
    ).definitions;
    assert.deepEqual(d.components, [
      { type: 'HEADER', format: 'IMAGE' },
      { type: 'BODY', text: 'B {{1}}' },
      { type: 'FOOTER', text: 'F' },
      { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Go', url: 'https://x.example/{{1}}' }] },
    ]);
  });

  it('skips entries that are not templates instead of dropping the file, and reads nothing from broken JSON', () => {
    const c = readCatalog(JSON.stringify({ data: [null, 3, { name: '' }, { name: 'x' }, meta, { ...meta, name: 'y', components: [null, { type: 'BODY', text: 'b' }] }] }));
    assert.deepEqual(
      c.definitions.map((d) => d.name),
      ['order_update', 'y'],
    );
    assert.deepEqual(c.definitions[1].components, [{ type: 'BODY', text: 'b' }]);
    assert.deepEqual(readCatalog('{"data": [').definitions, []);
  });

  it('a folder with a pulled catalog gives a pulled catalog, found from a subfolder', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mwb-catalog-'));
    fs.writeFileSync(path.join(dir, 'package.json'), '{}');
    fs.mkdirSync(path.join(dir, 'messages'));
    fs.writeFileSync(path.join(dir, 'whatsapp.templates.json'), JSON.stringify({ data: [meta] }));
    const catalog = loadCatalogFromDisk(path.join(dir, 'messages'));
    assert.equal(catalog.pulled, true);
    assert.equal(catalog.lookup('order_update', 'en_US').exact, true);
    assert.deepEqual(catalog.lookup('order_update', 'fr').languages, ['en_US']);
    assert.equal(catalog.lookup('order_update', 'fr').exact, false);
  });
});
