/**
 * Validate + lint: a typical payload (< 2 ms) and a 1 MB payload (< 100 ms), the editor's path and
 * the CLI's. The editor runs the schema too (VS Code's schemas do not validate), so its path per
 * keystroke is the CLI's check plus locating the problems for the preview and the diagnostics.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { validateText } from '../../src/pipeline/validate';
import { locateProblems } from '../../src/preview/problems';
import { publishedProblems } from '../../src/extension/published-problems';
import { timeMs } from './measure';

function root(): string {
  for (let d = __dirname; path.dirname(d) !== d; d = path.dirname(d)) if (fs.existsSync(path.join(d, 'esbuild.js'))) return d;
  return process.cwd();
}

export async function bench(report: (name: string, value: number, unit: string, budget?: number) => void): Promise<void> {
  const typical = JSON.stringify(
    {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '447700900000',
      type: 'interactive',
      interactive: {
        type: 'button',
        header: { type: 'text', text: 'Your order' },
        body: { text: 'Hi *Ann*, your order _#1234_ ships today. Reply to choose a delivery slot.' },
        footer: { text: 'Acme Shop' },
        action: { buttons: [1, 2, 3].map((i) => ({ type: 'reply', reply: { id: `slot-${i}`, title: `Slot ${i}` } })) },
      },
    },
    null,
    2,
  );
  report(
    'validate + lint, typical payload (CLI path)',
    timeMs(() => validateText(typical, { fileName: 'x.whatsapp.json' })),
    'ms',
    2,
  );
  const editorPath = (text: string, fileName: string) => {
    const result = validateText(text, { fileName });
    return [publishedProblems(result.problems), locateProblems(text, result.problems)];
  };
  report(
    'editor per keystroke, typical payload (schema + lint, located)',
    timeMs(() => editorPath(typical, 'x.whatsapp.json')),
    'ms',
    2,
  );
  // A 4th button: the schema reports it, located on the items past the limit.
  const withFourth = JSON.parse(typical);
  withFourth.interactive.action.buttons.push({ type: 'reply', reply: { id: 'slot-4', title: 'Slot 4' } });
  const fourth = JSON.stringify(withFourth, null, 2);
  if (validateText(fourth, { fileName: 'x.whatsapp.json' }).problems.length !== 1) throw new Error('the 4th-button bench payload should have one problem');
  report(
    'editor per keystroke, typical payload with a 4th button',
    timeMs(() => editorPath(fourth, 'x.whatsapp.json')),
    'ms',
    2,
  );

  // 1 MB: a Vonage custom payload carrying a large free-form object (what makes real files big).
  const rows = Array.from({ length: 6900 }, (_, i) => ({ id: `row-${i}`, title: `Row ${i}`, description: 'd'.repeat(60) }));
  const big = JSON.stringify({ message_type: 'custom', channel: 'whatsapp', to: '447700900000', from: '447700900001', custom: { type: 'interactive', data: rows } }, null, 2);
  report(
    `validate + lint, ${(big.length / 1048576).toFixed(2)} MB payload`,
    timeMs(() => validateText(big, { fileName: 'x.vonage.json' }), { iterations: 3, warmup: 2, batches: 5 }),
    'ms',
    100,
  );
  report(
    `editor per keystroke, ${(big.length / 1048576).toFixed(2)} MB payload`,
    timeMs(() => editorPath(big, 'x.vonage.json'), { iterations: 3, warmup: 2, batches: 5 }),
    'ms',
    100,
  );
  // 1 MB of WhatsApp list with 2,000 sections: every section past the 10th is one problem, located.
  const sections = Array.from({ length: 2000 }, (_, i) => ({ title: `Section ${i}`, rows: [{ id: `r${i}`, title: `Row ${i}`, description: 'd'.repeat(350) }] }));
  const list = JSON.stringify(
    { messaging_product: 'whatsapp', to: '447700900000', type: 'interactive', interactive: { type: 'list', body: { text: 'Pick' }, action: { button: 'Choose', sections } } },
    null,
    2,
  );
  report(
    `editor per keystroke, ${(list.length / 1048576).toFixed(2)} MB list over its limits`,
    timeMs(() => editorPath(list, 'x.whatsapp.json'), { iterations: 3, warmup: 2, batches: 5 }),
    'ms',
    100,
  );

  // Activation: the cost of loading the extension's main bundle (the domain loads on first use).
  const dist = path.join(root(), 'dist', 'extension.js');
  if (fs.existsSync(dist)) {
    // A stand-in `vscode` module: every name the bundle uses, each a callable/constructible proxy.
    const names = [...new Set([...fs.readFileSync(dist, 'utf8').matchAll(/\bvscode\d*\.(\w+)/g)].map((m) => m[1]))];
    const script = `const M=require('module');const o=M._load;const deep=new Proxy(function(){},{get:(t,k)=>k===Symbol.toPrimitive?()=>0:deep,apply:()=>deep,construct:()=>deep});const stub=Object.fromEntries(${JSON.stringify(names)}.map(n=>[n,deep]));M._load=function(r,...a){return r==='vscode'?stub:o.call(this,r,...a)};const t=process.hrtime.bigint();require(${JSON.stringify(dist)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
    const samples = Array.from({ length: 7 }, () => Number(spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' }).stdout)).sort((a, b) => a - b);
    report('activation: require dist/extension.js', samples[3], 'ms', 25);
    const domainJs = path.join(root(), 'dist', 'domain.js');
    const d = `const t=process.hrtime.bigint();require(${JSON.stringify(domainJs)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
    const ds = Array.from({ length: 7 }, () => Number(spawnSync(process.execPath, ['-e', d], { encoding: 'utf8' }).stdout)).sort((a, b) => a - b);
    report('first use: require dist/domain.js (lazy)', ds[3], 'ms');
  }
}
