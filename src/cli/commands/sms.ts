/** `mwb sms [--json] [--encoding-type text|unicode|auto] TEXT` (`-` reads stdin as is) */
import { parseArgs } from 'node:util';
import { analyzeSms, withGsmEquivalents, type NonGsmChar, type SmsAnalysis, type SmsEncodingType } from '../../core/sms';
import { EXIT_OK, UsageError, out, printJson } from '../output';
import { readStdin } from '../stdin';

export const usage = 'mwb sms [--json] [--encoding-type text|unicode|auto] TEXT   (TEXT "-" reads stdin, a trailing newline included)';

const ENCODING_TYPES: readonly string[] = ['text', 'unicode', 'auto'];

function codePoint(char: string): string {
  return [...char].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
}

function describeChar(c: NonGsmChar): string {
  const shown = /^\s$|^[\u200b-\u200f\u2060\ufeff\u00ad]$/.test(c.char) ? '' : `"${c.char}" `;
  const fix = c.replacement === undefined ? '' : c.replacement === '' ? ' -> remove' : ` -> ${c.replacement.includes('"') ? `'${c.replacement}'` : `"${c.replacement}"`}`;
  return `${shown}(${codePoint(c.char)})${fix}`;
}

function summary(text: string, a: SmsAnalysis): string {
  const unit = a.encoding === 'GSM-7' ? 'septets' : 'UTF-16 units';
  const lines = [
    `${a.encoding}, ${a.segments} segment${a.segments === 1 ? '' : 's'} of up to ${a.perSegment} ${unit}: ${a.units} ${unit} used, ${a.remaining} left in the ${a.segments === 1 ? 'segment' : 'last segment'}.`,
  ];
  if (a.segments > 1) lines.push(`Segments end at characters (UTF-16 offsets): ${a.parts.map((p) => p.end).join(', ')}.`);
  if (a.graphemeSafeSegments !== a.segments) lines.push(`A sender that never splits a grapheme cluster (emoji sequence, flag, accented letter) needs ${a.graphemeSafeSegments} segments.`);
  if (a.nonGsm.length > 0) {
    const counts = new Map<string, { c: NonGsmChar; n: number }>();
    for (const c of a.nonGsm) {
      const seen = counts.get(c.char);
      if (seen) seen.n++;
      else counts.set(c.char, { c, n: 1 });
    }
    const distinct = [...counts.values()];
    const shown = distinct
      .slice(0, 20)
      .map(({ c, n }) => `${describeChar(c)}${n > 1 ? ` x${n}` : ''}`)
      .join(', ');
    const more = distinct.length > 20 ? `, and ${distinct.length - 20} more` : '';
    const why = a.encoding === 'UCS-2' ? 'force UCS-2' : 'are not in the GSM-7 alphabet and will not arrive as written';
    lines.push(`Characters that ${why}: ${shown}${more}.`);
    if (a.encoding === 'UCS-2' && a.nonGsm.every((c) => c.replacement !== undefined)) {
      const b = analyzeSms(withGsmEquivalents(text, a.nonGsm));
      lines.push(`With their GSM equivalents: ${b.encoding}, ${b.segments} segment${b.segments === 1 ? '' : 's'}.`);
    }
  }
  if (text.endsWith('\n')) lines.push('The text ends with a line break, which counts.');
  return lines.join('\n');
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean' }, 'encoding-type': { type: 'string' } } });
  const encodingType = values['encoding-type'];
  if (encodingType !== undefined && !ENCODING_TYPES.includes(encodingType)) throw new UsageError(`--encoding-type must be text, unicode or auto, not "${encodingType}".`);
  if (positionals.length === 0) throw new UsageError('sms needs the TEXT to analyse (or "-" to read it from stdin).');
  // Several words without quotes are one message, as the shell split it.
  const text = positionals.length === 1 && positionals[0] === '-' ? readStdin() : positionals.join(' ');
  const a = analyzeSms(text, { encodingType: encodingType as SmsEncodingType | undefined });
  if (values.json) {
    printJson({ encoding: a.encoding, segments: a.segments, units: a.units, perSegment: a.perSegment, remaining: a.remaining, graphemeSafeSegments: a.graphemeSafeSegments });
  } else {
    out(summary(text, a));
  }
  return EXIT_OK;
}
