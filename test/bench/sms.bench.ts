/** SMS maths: analyzeSms on 1000-character texts (the Vonage SMS maximum) and the SMS lint in the pipeline. */
import { analyzeSms } from '../../src/core/sms';
import { validateText } from '../../src/pipeline/validate';
import { timeMs } from './measure';

/** Text of exactly `length` UTF-16 units, cycling through `alphabet`. */
function textOf(alphabet: readonly string[], length: number): string {
  let s = '';
  for (let i = 0; s.length < length; i++) s += alphabet[i % alphabet.length];
  return s.slice(0, length);
}

export async function bench(report: (name: string, value: number, unit: string, budget?: number) => void): Promise<void> {
  const words = 'Your parcel {ref} is on its way. Track it at example.com/t or reply STOP to opt out. '.split('');
  const gsm = textOf(words, 1000);
  // UCS-2 with curly quotes, emoji sequences, flags and combining accents: the slow path (grapheme segmentation).
  const mixed = textOf([...'It’s “on” its way — ', '👍🏽', ' ', '🇬🇧', ' cafe\u0301 ', ...'reply STOP… '], 1000);

  // Curly quotes, dashes and plain emoji: UCS-2 without any grapheme joiner.
  const quotes = textOf([...'It’s “on” its way — reply STOP… 😀 '], 1000);

  // Budgets are ours (DESIGN.md has none for SMS): the lint runs on every keystroke.
  report(
    'analyzeSms 1000-char GSM-7 text',
    timeMs(() => analyzeSms(gsm), { iterations: 500 }),
    'ms',
    1,
  );
  report(
    'analyzeSms 1000-char UCS-2 text, quotes + emoji',
    timeMs(() => analyzeSms(quotes), { iterations: 300 }),
    'ms',
    1,
  );
  report(
    'analyzeSms 1000-char UCS-2, dense emoji sequences',
    timeMs(() => analyzeSms(mixed), { iterations: 200 }),
    'ms',
    2,
  );

  const payload = JSON.stringify({ message_type: 'text', channel: 'sms', to: '447700900000', from: 'Acme', text: mixed.slice(0, 900) }, null, 2);
  report(
    'validate + lint SMS payload, 900 chars, fixes',
    timeMs(() => validateText(payload, { fileName: 'bench.vonage.json' }), { iterations: 100 }),
    'ms',
    2,
  );
}
