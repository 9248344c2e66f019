/**
 * The payload schemas VS Code gets, run through VS Code's own JSON language service (the same
 * vscode-json-languageservice code that code-server 4.100.3 bundles): they report nothing, so every
 * problem in the editor is ours, once, and completion still offers each message type's own fields.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { getLanguageService, TextDocument, type LanguageService } from 'vscode-json-languageservice';
import { generateSchemas } from '../../../src/schemas/generate';
import { templateDefinitionSchema } from '../../../src/templates/definition-schema';
import { forEditor, validatingKeywords } from '../../../src/schemas/editor-schema';
import { PROVIDERS, providerById } from '../../../src/providers/registry';
import { validateText } from '../../../src/pipeline/validate';
import { publishedProblems } from '../../../src/extension/published-problems';
import { CASES, VALID, textOf } from '../pipeline/rules-matrix.test';
import { BREAKERS, brokenVariants, type Breaker } from '../pipeline/broken-variants';
import { listFiles, projectRoot } from '../helpers';

const root = projectRoot();
const payloadSchemas = generateSchemas(root).filter((s) => PROVIDERS.some((p) => s.fileMatch === `*${p.suffix}`));
/** Template definitions (Meta's format) are sent too, and get the same treatment. */
const definitionSchema = generateSchemas(root).find((s) => s.file === 'whatsapp-template.schema.json')!;
const editorSchemas = [...payloadSchemas, definitionSchema];

function service(schemas: { file: string; fileMatch: string | string[]; schema: Record<string, unknown> }[]): LanguageService {
  const ls = getLanguageService({});
  ls.configure({ validate: true, schemas: schemas.map((s) => ({ uri: `mwb://schemas/${s.file}`, fileMatch: ([] as string[]).concat(s.fileMatch), schema: s.schema })) });
  return ls;
}
const editor = service(editorSchemas);

function document(fileName: string, text: string): TextDocument {
  return TextDocument.create(`file:///work/${path.basename(fileName)}`, 'json', 1, text);
}

/** What VS Code's JSON service reports for a `.json` file (its settings for the `json` language). */
async function jsonServiceDiagnostics(ls: LanguageService, fileName: string, text: string) {
  const doc = document(fileName, text);
  return ls.doValidation(doc, ls.parseJSONDocument(doc), { comments: 'error', trailingCommas: 'error', schemaValidation: 'warning' });
}

/** A diagnostic's text (the LSP types allow markup). */
function said(d: { message: string | { value: string } }): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

/** Completion at the `|` in `text`: the labels offered, and the insert text by label. */
async function complete(fileName: string, marked: string) {
  const offset = marked.indexOf('|');
  const doc = document(fileName, marked.slice(0, offset) + marked.slice(offset + 1));
  const list = await editor.doComplete(doc, doc.positionAt(offset), editor.parseJSONDocument(doc));
  const items = list?.items ?? [];
  return { labels: items.map((i) => i.label), insert: (label: string) => items.find((i) => i.label === label)?.insertText };
}

/** Places in half-written payloads where completion must offer what it offered with the validating schema. */
const PLACES: [string, string][] = [
  ['x.whatsapp.json', '{"messaging_product": "whatsapp", "to": "447700900000", "type": "text", |}'],
  ['x.whatsapp.json', '{|}'],
  ['x.whatsapp.json', '|'],
  ['x.whatsapp.json', '{"type": |}'],
  ['x.whatsapp.json', '{"type": "text", "text": {|}}'],
  ['x.whatsapp.json', '{"type": "interactive", "interactive": {|}}'],
  ['x.whatsapp.json', '{"type": "interactive", "interactive": {"type": |}}'],
  ['x.whatsapp.json', '{"type": "interactive", "interactive": {"type": "button", |}}'],
  ['x.whatsapp.json', '{"type": "interactive", "interactive": {"type": "button", "action": {|}}}'],
  ['x.whatsapp.json', '{"type": "interactive", "interactive": {"type": "list", "action": {|}}}'],
  ['x.whatsapp.json', '{"type": "interactive", "interactive": {"type": "button", "action": {"buttons": [{|}]}}}'],
  ['x.whatsapp.json', '{"type": "interactive", "interactive": {"type": "button", "action": {"buttons": [{"type": "reply", "reply": {|}}]}}}'],
  ['x.whatsapp.json', '{"type": "template", "template": {"components": [{"type": "button", |}]}}'],
  ['x.whatsapp.json', '{"type": "template", "template": {"components": [{"type": |}]}}'],
  ['x.whatsapp.json', '{"type": "image", "image": {|}}'],
  ['x.vonage.json', '{|}'],
  ['x.vonage.json', '{"channel": |}'],
  ['x.vonage.json', '{"channel": "sms", |}'],
  ['x.vonage.json', '{"channel": "sms", "message_type": "text", |}'],
  ['x.vonage.json', '{"channel": "whatsapp", "message_type": |}'],
  ['x.vonage.json', '{"channel": "whatsapp", "message_type": "image", "image": {|}}'],
  ['x.vonage.json', '{"channel": "sms", "message_type": "text", "sms": {"encoding_type": |}}'],
  ['x.vonage-legacy.json', '{|}'],
  ['x.vonage-legacy.json', '{"message": {"content": {"type": "text", |}}}'],
  ['x.vonage-legacy.json', '{"from": {"type": |}}'],
  ['x.whatsapp-onprem.json', '{"type": "text", |}'],
  ['x.whatsapp-onprem.json', '{"type": "interactive", "interactive": {"type": "list", "action": {|}}}'],
  ['x.gateway.json', '{|}'],
  ['x.vonage-legacy.json', '{"message": {"content": {|}}}'],
  ['x.vonage-legacy.json', '{"message": {"content": {"type": |}}}'],
  ['x.vonage-legacy.json', '{"message": {"content": {"type": "image", |}}}'],
  ['x.vonage.json', '{"channel": "whatsapp", "message_type": "reaction", "reaction": {|}}'],
  ['x.vonage.json', '{"channel": "whatsapp", "message_type": "reaction", "reaction": {"action": "react", |}}'],
  ['x.vonage.json', '{"channel": "messenger", "message_type": "text", "messenger": {|}}'],
  ['x.vonage.json', '{"channel": "messenger", "message_type": "text", "messenger": {"category": "message_tag", |}}'],
  ['x.vonage.json', '{"channel": "messenger", "message_type": "text", "messenger": {"category": |}}'],
  ['x.whatsapp.json', '{"type": "interactive", "interactive": {"type": "carousel", "action": {"cards": [{"action": {|}}]}}}'],
  ['x.whatsapp.json', '{"type": "interactive", "interactive": {"type": "carousel", "action": {"cards": [{"action": {"name": "cta_url", |}}]}}}'],
  ['x.whatsapp.json', '{"type": "template", "template": {"components": [{"type": "button", "index": |}]}}'],
  ['x.gateway.json', '{"buttons": [{|}]}'],
  ['x.template.json', '{|}'],
  ['x.template.json', '{"name": "a", "category": |}'],
  ['x.template.json', '{"components": [{|}]}'],
  ['x.template.json', '{"components": [{"type": |}]}'],
  ['x.template.json', '{"components": [{"type": "HEADER", |}]}'],
  ['x.template.json', '{"components": [{"type": "HEADER", "format": |}]}'],
  ['x.template.json', '{"components": [{"type": "BUTTONS", "buttons": [{|}]}]}'],
  ['x.template.json', '{"components": [{"type": "BUTTONS", "buttons": [{"type": "URL", |}]}]}'],
];

/** The validating schema VS Code got before (generated from zod as it was), for comparison. */
function validatingService(): LanguageService {
  const json = (schema: z.ZodType) => z.toJSONSchema(schema, { target: 'draft-7', unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
  return service([
    ...payloadSchemas.map((s) => ({ ...s, schema: { ...json(PROVIDERS.find((x) => s.fileMatch === `*${x.suffix}`)!.schema), defaultSnippets: s.schema.defaultSnippets } })),
    { ...definitionSchema, schema: { ...json(templateDefinitionSchema), defaultSnippets: definitionSchema.schema.defaultSnippets } },
  ]);
}

describe('schemas: what VS Code gets for payload files (completion and hover only)', () => {
  it('has no keyword that validates outside `if` conditions, in any payload or template definition schema', () => {
    assert.equal(payloadSchemas.length, PROVIDERS.length);
    for (const s of editorSchemas) assert.deepEqual(validatingKeywords(s.schema), [], s.file);
  });

  it('a 4th reply button: VS Code reported "Array has too many items" with the validating schema; now only ours, an error at the 4th', async () => {
    const text = JSON.stringify(
      {
        messaging_product: 'whatsapp',
        to: '447700900000',
        type: 'interactive',
        interactive: { type: 'button', body: { text: 'Pick a slot' }, action: { buttons: ['A', 'B', 'C', 'D'].map((t) => ({ type: 'reply', reply: { id: t, title: t } })) } },
      },
      null,
      2,
    );
    const validating = service([{ file: 'whatsapp.schema.json', fileMatch: '*.whatsapp.json', schema: z.toJSONSchema(providerById('whatsapp')!.schema, { target: 'draft-7', unrepresentable: 'any', io: 'input' }) }]);
    const before = await jsonServiceDiagnostics(validating, 'x.whatsapp.json', text);
    assert.ok(before.some((d) => /too many items/i.test(said(d))), before.map((d) => said(d)).join('; '));

    assert.deepEqual(await jsonServiceDiagnostics(editor, 'x.whatsapp.json', text), []);
    const ours = publishedProblems(validateText(text, { fileName: 'x.whatsapp.json' }).problems);
    assert.deepEqual(
      ours.map((p) => [p.severity, p.pointer, p.message]),
      [['error', '/interactive/action/buttons/3', 'At most 3 reply buttons: this 4th one is rejected by the WhatsApp Cloud API. Remove it.']],
    );
  });

  it('every broken payload of the rules matrix is one fault in the editor too: ours, and nothing from VS Code but the syntax errors', async () => {
    const wrong: string[] = [];
    for (const c of Object.values(CASES).flat()) {
      const text = textOf(c.payload);
      const json = await jsonServiceDiagnostics(editor, c.file, text);
      const ours = publishedProblems(validateText(text, { fileName: c.file }).problems).filter((p) => p.severity !== 'info');
      // VS Code's syntax errors stand in for our syntax problems, which the editor does not publish.
      const codes = [...ours.map((p) => p.code), ...json.map(() => 'json-syntax')].sort();
      const expected = [c.code, ...(c.also ?? [])].sort();
      if (codes.join() !== expected.join()) wrong.push(`${c.file} ${c.name}: ${codes.join(', ')} (${json.map((d) => said(d)).join('; ')})`);
      if (json.length > 0 && c.code !== 'json-syntax') wrong.push(`${c.file} ${c.name}: VS Code reported ${json.map((d) => said(d)).join('; ')}`);
    }
    assert.deepEqual(wrong, []);
  });

  it('VS Code reports nothing for any example or valid variation', async () => {
    const files = listFiles(path.join(root, 'examples'), (f) => PROVIDERS.some((p) => f.endsWith(p.suffix)) || f.endsWith('.template.json'));
    assert.ok(files.length > 40 && files.some((f) => f.endsWith('.template.json')), `${files.length} examples`);
    const reported: string[] = [];
    for (const [file, text] of [...files.map((f) => [f, fs.readFileSync(f, 'utf8')]), ...VALID.map((c) => [c.file, textOf(c.payload)])]) {
      for (const d of await jsonServiceDiagnostics(editor, file, text)) reported.push(`${path.basename(file)}: ${said(d)}`);
    }
    assert.deepEqual(reported, []);
  });

  it('VS Code reports nothing for any field of any example broken any of 11 ways (so the editor shows our one problem per fault)', async function () {
    this.timeout(120000);
    // Four times as many items too: lists over their limits are what VS Code reported before.
    const breakers: Breaker[] = [...BREAKERS, ['four times as many items', (v) => (Array.isArray(v) ? [...v, ...v, ...v, ...v] : undefined)]];
    const reported: string[] = [];
    let checked = 0;
    for (const file of listFiles(path.join(root, 'examples'), (f) => PROVIDERS.some((p) => f.endsWith(p.suffix)) || f.endsWith('.template.json'))) {
      for (const { at, how, payload } of brokenVariants(JSON.parse(fs.readFileSync(file, 'utf8')), breakers)) {
        checked++;
        for (const d of await jsonServiceDiagnostics(editor, file, JSON.stringify(payload, null, 2))) reported.push(`${path.basename(file)} /${at.join('/')} ${how}: ${said(d)}`);
      }
    }
    assert.ok(checked > 2000, `${checked} variants`);
    assert.deepEqual(reported.slice(0, 20), []);
  });

  it('completion offers the fields of the message type the payload names, not every type\'s', async () => {
    // (A Cloud API body's top level lists every type's key by design, src/providers/common/fields.ts.)
    const legacy = await complete('x.vonage-legacy.json', '{"message": {"content": {"type": "image", |}}}');
    assert.deepEqual(legacy.labels, ['image']);
    const buttons = await complete('x.whatsapp.json', '{"type": "interactive", "interactive": {"type": "button", "action": {|}}}');
    assert.ok(buttons.labels.includes('buttons') && !buttons.labels.includes('sections'), buttons.labels.join());
    const list = await complete('x.whatsapp.json', '{"type": "interactive", "interactive": {"type": "list", "action": {|}}}');
    assert.ok(list.labels.includes('sections') && !list.labels.includes('buttons'), list.labels.join());

    const sms = await complete('x.vonage.json', '{"channel": "sms", "message_type": "text", |}');
    assert.ok(sms.labels.includes('text') && sms.labels.includes('sms') && !sms.labels.includes('image') && !sms.labels.includes('whatsapp'), sms.labels.join());
  });

  it('completion offers what the validating schema offered, insert texts included, at each place in half-written payloads', async () => {
    const before = validatingService();
    const differences: string[] = [];
    for (const [file, marked] of PLACES) {
      const offset = marked.indexOf('|');
      const doc = document(file, marked.slice(0, offset) + marked.slice(offset + 1));
      const offered = async (ls: LanguageService) => ((await ls.doComplete(doc, doc.positionAt(offset), ls.parseJSONDocument(doc)))?.items ?? []).map((i) => `${i.label} => ${i.insertText}`).sort();
      const [was, now] = [await offered(before), await offered(editor)];
      // One known addition: a string field without listed values offers `""` (the same snippet that makes completing its name insert `"key": "|"`).
      const added = now.filter((x) => !was.includes(x) && x !== '"" => "$1"');
      const lost = was.filter((x) => !now.includes(x));
      if (added.length || lost.length) differences.push(`${file} ${marked}: added ${added.join(' | ')}; lost ${lost.join(' | ')}`);
    }
    assert.deepEqual(differences, []);
  });

  it('completion still offers the values an enum or const allowed, and inserts a string field as "key": "…"', async () => {
    const types = await complete('x.whatsapp.json', '{"messaging_product": "whatsapp", "type": |}');
    for (const t of ['"text"', '"image"', '"interactive"', '"template"', '"reaction"']) assert.ok(types.labels.includes(t), `${t} not offered: ${types.labels.join()}`);
    const smsTypes = await complete('x.vonage.json', '{"channel": "sms", "message_type": |}');
    assert.deepEqual(smsTypes.labels.filter((l) => /^"\w/.test(l)), ['"text"']);
    const body = await complete('x.whatsapp.json', '{"type": "text", "text": {|}}');
    assert.equal(body.insert('body'), '"body": "$1"');
    const preview = await complete('x.whatsapp.json', '{"type": "text", "text": {"body": "hi", "preview_url": |}}');
    assert.ok(preview.labels.includes('true') && preview.labels.includes('false'), preview.labels.join());
  });

  it('hover says what it said with the validating schema, on keys and on values', async () => {
    const before = validatingService();
    const places: [string, string][] = [
      ['x.whatsapp.json', '{"messaging_product": "whatsapp", "type": "text", "text": {"bo|dy": "hi"}}'],
      ['x.whatsapp.json', '{"messaging_product": "whatsapp", "t|o": "447700900000", "type": "text", "text": {"body": "hi"}}'],
      ['x.whatsapp.json', '{"type": "interactive", "interactive": {"type": "button", "action": {"buttons": [{"type": "reply", "reply": {"ti|tle": "A"}}]}}}'],
      ['x.whatsapp.json', '{"type": "interactive", "interactive": {"type": "button", "action": {"butt|ons": []}}}'],
      ['x.vonage.json', '{"channel": "sms", "message_type": "text", "te|xt": "hi"}'],
      ['x.vonage-legacy.json', '{"message": {"content": {"type": "text", "te|xt": "hi"}}}'],
      ['x.gateway.json', '{"phone": "+447700900000", "mess|age": "hi"}'],
    ];
    for (const [file, marked] of places) {
      const offset = marked.indexOf('|');
      const doc = document(file, marked.replace('|', ''));
      const hover = async (ls: LanguageService) => JSON.stringify((await ls.doHover(doc, doc.positionAt(offset), ls.parseJSONDocument(doc)))?.contents ?? null);
      const now = await hover(editor);
      assert.match(now, /\w{4,}/, `no hover at ${marked}`);
      assert.equal(now, await hover(before), marked);
    }
  });
});

describe('schemas: forEditor', () => {
  it('keeps descriptions, turns enum and const into examples, and drops every validating keyword', () => {
    const out = forEditor({
      type: 'object',
      required: ['kind'],
      additionalProperties: false,
      properties: {
        kind: { type: 'string', enum: ['a', 'b'], description: 'Which.' },
        name: { type: 'string', minLength: 1, maxLength: 20, pattern: '^x', description: 'A name.' },
        flag: { type: 'boolean', description: 'On or off.' },
        tags: { type: 'object', additionalProperties: { type: 'string', const: 't' }, description: 'Free-form.' },
      },
    });
    assert.deepEqual(out, {
      properties: {
        kind: { description: 'Which.', examples: ['a', 'b'] },
        name: { description: 'A name.', defaultSnippets: [{ label: '""', body: '^"$1"' }] },
        flag: { description: 'On or off.', examples: [true, false] },
        tags: { description: 'Free-form.', additionalProperties: { examples: ['t'] }, defaultSnippets: [{ label: '{}', body: '^{$1}' }] },
      },
    });
  });

  it('puts each branch of a union picked by a key under an `if` on that key; merges the others', () => {
    const picked = forEditor({ oneOf: [{ type: 'object', properties: { type: { const: 'a' }, a: { type: 'string' } } }, { type: 'object', properties: { type: { const: 'b' }, b: { type: 'number' } } }] }) as Record<string, unknown>;
    assert.equal(picked.anyOf, undefined);
    assert.deepEqual((picked.properties as Record<string, unknown>).type, { examples: ['a', 'b'] });
    assert.deepEqual((picked.allOf as Record<string, unknown>[]).map((x) => x.if), [{ not: { required: ['type'] } }, { properties: { type: { const: 'a' } }, required: ['type'] }, { properties: { type: { const: 'b' } }, required: ['type'] }]);
    assert.deepEqual(validatingKeywords(picked), []);
    const merged = forEditor({ anyOf: [{ type: 'string' }, { type: 'number' }] }) as Record<string, unknown>;
    assert.deepEqual(merged, { anyOf: [{}, {}] });
  });
});
