/** WhatsApp formatting: parse + render of a 4096-character message (budget < 5 ms, preview path). */
import { formatMessageHtml } from '../../src/core/format';
import { timeMs } from './measure';

const LINES = [
  'Hi *Ana*, your order _#1234_ ships ~today~ tomorrow. Track it at https://a.com/x_y_z',
  '> Reminder: reply *STOP* to opt out; 2 * 3 = *6* and snake_case_word stay plain.',
  '* `inline code` and ```mono *literal*``` side by side',
  '- _*nested*_ styles, (*punctuation*), 😀*emoji*😀 and *é*.',
  '1. First step with <b>escaped</b> & "quoted" text',
  '2. Second step: a*b*c, * x *, **double**, ~~strike~~',
  '```',
  'const x = a_b * c; // *not bold*',
  '```',
];

/** Cycle the sample lines until exactly `size` characters. */
function message(lines: readonly string[], size: number): string {
  let s = '';
  for (let i = 0; s.length < size; i++) s += lines[i % lines.length] + '\n';
  return s.slice(0, size);
}

export async function bench(report: (name: string, value: number, unit: string, budget?: number) => void): Promise<void> {
  const typical = message(LINES, 4096);
  report(
    'format: parse+render 4096-char message',
    timeMs(() => formatMessageHtml(typical), { iterations: 200 }),
    'ms',
    5,
  );
  // One line full of markers that never pair: the worst case for a naive closer search.
  const hostile = '*a `b _c ~d ```e '.repeat(Math.ceil(4096 / 17)).slice(0, 4096);
  report(
    'format: 4096-char line of unpaired markers',
    timeMs(() => formatMessageHtml(hostile), { iterations: 200 }),
    'ms',
    5,
  );
  const short = 'Hi *Ann*, your order _#1234_ ships today. Reply to choose a delivery slot.';
  report(
    'format: typical 75-char body',
    timeMs(() => formatMessageHtml(short), { iterations: 5000 }),
    'ms',
  );
}
