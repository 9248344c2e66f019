import * as assert from 'node:assert/strict';
import { run } from '../../../../src/cli/commands/sms';
import { UsageError, sink } from '../../../../src/cli/output';

/** Runs `mwb sms` in-process, capturing what it writes to stdout. */
async function mwbSms(...argv: string[]): Promise<{ code: number; stdout: string }> {
  const write = sink.write;
  let stdout = '';
  sink.write = (fd, s) => {
    if (fd === 1) stdout += s.endsWith('\n') ? s : `${s}\n`;
  };
  try {
    const code = await run(argv);
    return { code, stdout };
  } finally {
    sink.write = write;
  }
}

describe('mwb sms', () => {
  it('--json prints exactly the DESIGN.md fields', async () => {
    const { code, stdout } = await mwbSms('--json', 'a'.repeat(161));
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(stdout), { encoding: 'GSM-7', segments: 2, units: 161, perSegment: 153, remaining: 145, graphemeSafeSegments: 2 });
  });

  it('--json reports UCS-2 and the grapheme-safe count', async () => {
    const { stdout } = await mwbSms('--json', `${'x'.repeat(65)}👍🏽${'x'.repeat(65)}`);
    assert.deepEqual(JSON.parse(stdout), { encoding: 'UCS-2', segments: 2, units: 134, perSegment: 67, remaining: 0, graphemeSafeSegments: 3 });
  });

  it('joins several words into one text, as the shell split it', async () => {
    const { stdout } = await mwbSms('--json', 'hello', 'world');
    assert.equal(JSON.parse(stdout).units, 11);
  });

  it('honours --encoding-type', async () => {
    const { stdout } = await mwbSms('--json', '--encoding-type', 'unicode', 'hi');
    assert.equal(JSON.parse(stdout).encoding, 'UCS-2');
  });

  it('prints a readable summary naming the characters that force UCS-2 and their equivalents', async () => {
    const { code, stdout } = await mwbSms('It’s ok');
    assert.equal(code, 0);
    assert.match(stdout, /^UCS-2, 1 segment of up to 70 UTF-16 units: 7 UTF-16 units used, 63 left/);
    assert.match(stdout, /"’" \(U\+2019\) -> "'"/);
    assert.match(stdout, /With their GSM equivalents: GSM-7, 1 segment/);
  });

  it('rejects a missing text and an unknown encoding type as usage errors', async () => {
    await assert.rejects(mwbSms('--json'), UsageError);
    await assert.rejects(mwbSms('--encoding-type', 'utf8', 'hi'), /text, unicode or auto/);
  });
});
