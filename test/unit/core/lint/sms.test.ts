import * as assert from 'node:assert/strict';
import { applyEdits } from '../../../../src/core/edits';
import { createContext } from '../../../../src/core/lint/context';
import { smsRules } from '../../../../src/core/lint/sms';
import type { MessageModel } from '../../../../src/core/model';
import { parseDocument } from '../../../../src/core/parse';
import type { Problem } from '../../../../src/core/problem';
import { analyzeSms, jsonStringOffsets } from '../../../../src/core/sms';
import { createCatalog } from '../../../../src/core/templates';
import { validateText } from '../../../../src/pipeline/validate';

/** A Vonage v1 SMS payload whose text is given as the raw JSON string body (escapes as written). */
function payload(rawText: string, extra = ''): string {
  return `{\n  "message_type": "text",\n  "channel": "sms",\n  "to": "447700900000",\n  "from": "Acme",\n  "text": "${rawText}"${extra}\n}\n`;
}

/** Runs only the SMS rule, on a model that points at /text, as the Vonage provider builds it. */
function lint(file: string, smsEncoding?: MessageModel['smsEncoding']): Problem[] {
  const doc = parseDocument(file);
  const text = (doc.value as { text: string }).text;
  const model: MessageModel = { provider: 'vonage', channel: 'sms', kind: 'text', text: { text, pointer: '/text' }, freeForm: true, smsEncoding };
  const sink: Problem[] = [];
  smsRules(createContext(doc, 'vonage', model, createCatalog(), sink));
  return sink;
}

const textOf = (file: string) => (parseDocument(file).value as { text: string }).text;

describe('jsonStringOffsets', () => {
  it('maps decoded units to file offsets across escapes', () => {
    const file = '{"t": "a\\n\\u2019\\"b\\ud83d\\ude00c"}';
    const quote = file.indexOf('"a');
    const offsets = jsonStringOffsets(file, quote)!;
    const decoded = JSON.parse(file).t as string;
    assert.equal(offsets.length, decoded.length + 1);
    assert.equal(file[offsets[0]], 'a');
    assert.equal(file.slice(offsets[1], offsets[2]), '\\n');
    assert.equal(file.slice(offsets[2], offsets[3]), '\\u2019');
    assert.equal(file.slice(offsets[3], offsets[4]), '\\"');
    assert.equal(file.slice(offsets[5], offsets[7]), '\\ud83d\\ude00');
    assert.equal(file[offsets[decoded.length]], '"');
  });

  it('refuses what is not a string literal', () => {
    assert.equal(jsonStringOffsets('{"t": 1}', 6), undefined);
    assert.equal(jsonStringOffsets('"abc', 0), undefined);
  });
});

describe('SMS lint rule', () => {
  it('flags each character forcing UCS-2 at its exact range, even after escapes', () => {
    const file = payload('Line\\nIt\\u2019s \\"great\\" \u2014 really\u2026');
    const problems = lint(file).filter((p) => p.code === 'sms-ucs2');
    assert.deepEqual(
      problems.map((p) => file.slice(p.start, p.end)),
      ['\\u2019', '\u2014', '\u2026'],
    );
    assert.ok(problems.every((p) => p.severity === 'warning' && p.pointer === '/text'));
    assert.match(problems[0].message, /U\+2019/);
  });

  it('names the cost in segments', () => {
    // 150 GSM characters and one curly apostrophe: 2 UCS-2 parts instead of 1 GSM-7 part.
    const file = payload(`${'a'.repeat(150)}\u2019`);
    const [w] = lint(file).filter((p) => p.code === 'sms-ucs2');
    assert.match(w.message, /3 segments instead of 1/);
    const short = lint(payload('It\u2019s')).filter((p) => p.code === 'sms-ucs2');
    assert.match(short[0].message, /1 segment either way/);
  });

  it('its quick fix gives GSM text, one character or all at once', () => {
    const file = payload('It\\u2019s \u201cok\u201d \u2013 fine\u2026\\u00a0yes');
    const problems = lint(file).filter((p) => p.code === 'sms-ucs2');
    assert.equal(problems.length, 6);
    const one = applyEdits(file, problems[0].fixes![0].edits);
    assert.equal(textOf(one), "It's \u201cok\u201d \u2013 fine\u2026\u00a0yes");
    const all = problems[0].fixes!.find((f) => /all/.test(f.title))!;
    const fixed = applyEdits(file, all.edits);
    assert.equal(textOf(fixed), 'It\'s "ok" - fine... yes');
    assert.equal(analyzeSms(textOf(fixed)).encoding, 'GSM-7');
    assert.deepEqual(lint(fixed), []);
  });

  it('escapes a double quote replacement inside the JSON string', () => {
    const file = payload('\u201cquoted\u201d');
    const fixAll = lint(file)[0].fixes!.find((f) => /all/.test(f.title))!;
    const fixed = applyEdits(file, fixAll.edits);
    assert.equal(parseDocument(fixed).problems.length, 0);
    assert.equal(textOf(fixed), '"quoted"');
  });

  it('flags an emoji without offering a replacement', () => {
    const file = payload('Thanks \\ud83d\\udc4d');
    const [w] = lint(file).filter((p) => p.code === 'sms-ucs2');
    assert.equal(file.slice(w.start, w.end), '\\ud83d\\udc4d');
    assert.equal(w.fixes, undefined);
  });

  it('stays quiet for text that is simply not Latin, and when unicode is chosen', () => {
    assert.deepEqual(lint(payload('\u4f60\u597d'.repeat(10))), []);
    assert.deepEqual(lint(payload('It\u2019s'), 'unicode'), []);
  });

  it('with encoding_type text, warns that the character will not arrive as written', () => {
    const problems = lint(payload('\u00e7a va'), 'text');
    assert.equal(problems.length, 1);
    assert.equal(problems[0].code, 'sms-not-gsm');
    assert.match(problems[0].message, /encoding_type is "text"/);
    const many = lint(payload('\u4f60\u597d'.repeat(10)), 'text');
    assert.equal(many.length, 1);
    assert.match(many[0].message, /^20 characters .* "unicode"/);
  });

  it('reports the segment count when over one segment', () => {
    const info = lint(payload('a'.repeat(200))).find((p) => p.code === 'sms-segments')!;
    assert.equal(info.severity, 'info');
    assert.match(info.message, /2 segments/);
    assert.equal(
      lint(payload('a'.repeat(160))).find((p) => p.code === 'sms-segments'),
      undefined,
    );
  });

  it('runs in the shared pipeline for a Vonage SMS payload', () => {
    const file = payload(`It\\u2019s ${'a'.repeat(80)}`);
    const result = validateText(file, { fileName: 'hello.vonage.json' });
    const w = result.problems.find((p) => p.code === 'sms-ucs2');
    assert.ok(w, JSON.stringify(result.problems.map((p) => p.code)));
    assert.equal(file.slice(w.start, w.end), '\\u2019');
  });

  it('runs for a legacy Vonage SMS payload too', () => {
    const file =
      '{\n  "from": {"type": "sms", "number": "Acme"},\n  "to": {"type": "sms", "number": "447700900000"},\n  "message": {"content": {"type": "text", "text": "Caf\\u00e9 \\u2013 open"}}\n}\n';
    const result = validateText(file, { fileName: 'hello.vonage-legacy.json' });
    const w = result.problems.filter((p) => p.code === 'sms-ucs2');
    assert.equal(w.length, 1, JSON.stringify(result.problems.map((p) => p.code)));
    assert.equal(file.slice(w[0].start, w[0].end), '\\u2013');
    assert.equal(w[0].pointer, '/message/content/text');
  });
});
