/**
 * The pieces behind --max-bytes, without a process: size parsing, and the
 * mailbox splitter dropping an oversized message's bytes as they come,
 * whatever the chunk boundaries (long lines, postmarks and ">From" lines cut
 * anywhere).
 */
import { describe, expect, it } from 'vitest';
import { parseByteSize } from '../../src/decode/limits.js';
import { isOversize, splitMailboxLimited } from '../../src/decode/mbox.js';

describe('parseByteSize', () => {
  it('reads bytes and units (K, M, G in 1024s; KB, MB, GB in 1000s; KiB, MiB, GiB)', () => {
    const cases: Array<[string, number | null]> = [
      ['1048576', 1048576], ['500k', 512_000], ['500K', 512_000], ['500KB', 500_000], ['500 kB', 500_000], ['10MB', 10_000_000],
      ['10MiB', 10 * 1024 * 1024], ['10m', 10 * 1024 * 1024], ['1.5G', 1.5 * 1024 ** 3], ['2GB', 2e9], ['100B', 100], [' 7 ', 7],
      ['0', null], ['-5', null], ['', null], ['MB', null], ['10 apples', null], ['10  MB', null], ['1e9', null],
    ];
    for (const [value, bytes] of cases) expect(parseByteSize(value), JSON.stringify(value)).toBe(bytes);
  });
});

async function split(text: string, chunkSize: number, maxBytes: number | undefined): Promise<string[]> {
  const bytes = Buffer.from(text, 'latin1');
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
  }
  const out: string[] = [];
  for await (const m of splitMailboxLimited(chunks(), maxBytes)) out.push(isOversize(m) ? `<too large: ${m.maxBytes}>` : m.toString('latin1'));
  return out;
}

describe('the mailbox splitter under a limit', () => {
  const postmark = 'From sender@example.org Mon Jan  5 10:00:00 2026';
  const long = 'x'.repeat(5000);
  const mbox = [
    postmark, 'Subject: one', '', 'short body', '>From quoted', '',
    postmark + ' ' + long, 'Subject: two', '', long, long, '',
    postmark, 'Subject: three', '', `>>From ${long}`, '\r', 'last',
  ].join('\n');

  it('drops the oversized message, keeps the others, whatever the chunk size', async () => {
    const expected = [
      'Subject: one\n\nshort body\nFrom quoted\n',
      '<too large: 4000>',
      `Subject: three\n\n>From ${long}\n\r\nlast`,
    ];
    // Message three (5,029 bytes) is past 4,000 too.
    for (const size of [1, 2, 3, 5, 7, 64, 1000, 4096, 1 << 20]) expect(await split(mbox, size, 4000), `chunk ${size}`).toEqual([...expected.slice(0, 2), '<too large: 4000>']);
    for (const size of [1, 7, 4096]) expect(await split(mbox, size, 6000), `chunk ${size}`).toEqual([expected[0], '<too large: 6000>', expected[2]]);
    const second = `Subject: two\n\n${long}\n${long}\n`;
    for (const size of [1, 5, 4096]) expect(await split(mbox, size, undefined), `chunk ${size}`).toEqual([expected[0], second, expected[2]]);
  });
});
