/** package.json's provider parts and the extension's suffix list derive from the provider registry. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFINITION_FILE_SUFFIXES, PAYLOAD_SUFFIXES, WEBHOOK_FILE_SUFFIXES } from '../../../src/extension/payload-suffixes';
import { WEBHOOKS } from '../../../src/webhooks/registry';
import { DEFINITION_SUFFIXES } from '../../../src/templates/template-file';
import { PROVIDERS } from '../../../src/providers/registry';
import { checkProfile } from '../../../src/pipeline/profiles';
import { payloadWhen, serializePackage, withProviderContributions } from '../../../src/schemas/package-contributions';
import { projectRoot } from '../helpers';

const root = projectRoot();
const text = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
const pkg = JSON.parse(text);

describe('project: package.json and the provider registry agree', () => {
  it('the extension knows exactly the suffixes of the registered providers', () => {
    assert.deepEqual([...PAYLOAD_SUFFIXES].sort(), PROVIDERS.map((p) => p.suffix).sort());
  });

  it('the extension knows the template definition suffixes the domain knows', () => {
    assert.deepEqual([...DEFINITION_FILE_SUFFIXES], [...DEFINITION_SUFFIXES]);
  });

  it('the extension knows exactly the webhook file suffixes of the registered providers, and its menus match them', () => {
    assert.deepEqual([...WEBHOOK_FILE_SUFFIXES].sort(), WEBHOOKS.map((w) => w.suffix).sort());
    const whens = [...new Set((JSON.stringify(pkg.contributes.menus).match(/resourcePath =~ [^"]+-webhook[^"]+/g) ?? []).map((w) => JSON.parse(`"${w}"`) as string))];
    assert.equal(whens.length, 1, 'one `when` clause for webhook files');
    const re = new RegExp(/\/(.*)\/$/.exec(whens[0])![1]);
    for (const s of WEBHOOK_FILE_SUFFIXES) assert.ok(re.test(`/w/status${s}`), s);
    for (const other of ['/w/x.whatsapp.json', '/w/x-webhook.json', '/w/x.template.json', '/w/x.whatsapp-webhook.json.bak']) assert.ok(!re.test(other), other);
  });

  it('package.json holds the provider parts the registry gives (run `npm run build` to regenerate)', () => {
    assert.equal(text, serializePackage(withProviderContributions(pkg, root)));
  });

  it('the generated `when` clause matches every payload suffix and nothing else', () => {
    const re = new RegExp(/\/(.*)\/$/.exec(payloadWhen())![1]);
    for (const p of PROVIDERS) assert.ok(re.test(`message${p.suffix}`), p.suffix);
    for (const other of ['message.json', 'message.templates.json', 'message.vonage.jsonc', 'vonage.json.bak']) assert.ok(!re.test(other), other);
    const whens = JSON.stringify(pkg.contributes.menus).match(/resourceFilename =~ [^"]+/g) ?? [];
    assert.ok(whens.length >= 6 && whens.every((w) => JSON.parse(`"${w}"`) === payloadWhen()));
  });

  it('every profile template in settings is a valid profile', () => {
    const snippets = pkg.contributes.configuration.properties['messageWorkbench.profiles'].items.defaultSnippets as { label: string; body: Record<string, string> }[];
    const bare = (v: string) => v.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1');
    for (const s of snippets) {
      const body = Object.fromEntries(Object.entries(s.body).map(([k, v]) => [k, bare(v)]));
      assert.equal(typeof checkProfile(body, s.label), 'object', `${s.label}: ${String(checkProfile(body, s.label))}`);
    }
  });
});
