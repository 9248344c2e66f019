/**
 * "New message from template": for every example definition and provider the written payload is
 * valid (schema and the lint against that very definition), and the sandbox sends it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createCatalog, type TemplateDefinition } from '../../../src/core/templates';
import { validateText } from '../../../src/pipeline/validate';
import { sendPayload } from '../../../src/pipeline/send';
import { createSandbox } from '../../../src/sandbox/server';
import { fittingTemplates, writeTemplateMessage, WriterError, type WriterProvider } from '../../../src/templates/message-writer';
import { listFiles, projectRoot } from '../helpers';

const files = listFiles(path.join(projectRoot(), 'examples', 'templates'), (f) => f.endsWith('.template.json'));
const defs: TemplateDefinition[] = files.map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));
const SUFFIX: Record<WriterProvider, string> = { whatsapp: '.whatsapp.json', vonage: '.vonage.json', 'vonage-legacy': '.vonage-legacy.json' };

describe('message from template', () => {
  for (const def of defs) {
    for (const provider of ['whatsapp', 'vonage'] as const) {
      it(`${def.name} for ${provider}: every parameter in place, no problems`, () => {
        const payload = writeTemplateMessage({ definition: def, provider, now: 1_800_000_000_000 });
        const r = validateText(JSON.stringify(payload, null, 2), { fileName: `x${SUFFIX[provider]}`, templates: createCatalog([def]) });
        assert.deepEqual(
          r.problems.map((p) => `${p.code} ${p.pointer}: ${p.message}`),
          [],
        );
        assert.equal(r.model?.kind, 'template');
      });
    }
  }

  it('the legacy Vonage shape for a body-only template, and a clear refusal for one that needs more', () => {
    const promo = defs.find((d) => d.name === 'seasonal_promotion')!;
    // seasonal_promotion has a header variable: too much for a list of body values.
    assert.throws(() => writeTemplateMessage({ definition: promo, provider: 'vonage-legacy' }), WriterError);
    const simple: TemplateDefinition = {
      name: 'shipping_note',
      language: 'en_GB',
      category: 'UTILITY',
      components: [{ type: 'BODY', text: 'Hello {{1}}, your parcel {{2}} ships today from our store.', example: { body_text: [['Ann', 'A-1']] } }],
    };
    const payload = writeTemplateMessage({ definition: simple, provider: 'vonage-legacy' });
    const r = validateText(JSON.stringify(payload), { fileName: 'x.vonage-legacy.json', templates: createCatalog([simple]) });
    assert.deepEqual(
      r.problems.map((p) => p.code),
      [],
    );
    assert.deepEqual(
      r.model?.template?.parameters.map((p) => p.text),
      ['Ann', 'A-1'],
    );
  });

  it('the sandbox sends each Cloud message (its seeded templates are the examples)', async () => {
    const sandbox = await createSandbox({ whatsappTokens: ['writer-test-token-123'] });
    try {
      for (const def of defs) {
        const text = JSON.stringify(writeTemplateMessage({ definition: def, provider: 'whatsapp' }));
        const profile = { name: 's', provider: 'whatsapp', endpoint: sandbox.url, auth: 'bearer' as const, phoneNumberId: '1', graphVersion: 'v21.0' };
        const result = await sendPayload({ text, fileName: 'x.whatsapp.json', profile, variables: {}, templates: createCatalog([def]) }, { token: 'writer-test-token-123' });
        assert.equal(result.ok, true, `${def.name}: ${result.problem}`);
      }
    } finally {
      await sandbox.close();
    }
  });

  it("after a closed window, offers approved templates, the message's language first", () => {
    const list = fittingTemplates([...defs, { ...defs[0], name: 'rejected_one', status: 'REJECTED' }, { ...defs[0], name: 'approved_de', language: 'de', status: 'APPROVED' }], 'en');
    assert.ok(!list.some((d) => d.name === 'rejected_one'));
    assert.equal(list[0].language, 'en');
    assert.equal(list[list.length - 1].name, 'approved_de');
  });
});
