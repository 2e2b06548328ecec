import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { splitMailbox } from '../../src/decode/mbox.js';
import { positionOf } from './helpers.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'decode');

async function split(text: string, chunkSize = Infinity): Promise<string[]> {
  const bytes = Buffer.from(text, 'utf8');
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += Math.min(chunkSize, bytes.length)) yield bytes.subarray(i, i + chunkSize);
  }
  const out: string[] = [];
  for await (const m of splitMailbox(chunks())) out.push(m.toString('utf8'));
  return out;
}

const MAILBOX = [
  'From a@example.org Mon Jan  5 10:00:00 2026',
  'Subject: one',
  '',
  'First body.',
  '>From here on, quoted.',
  '>>From deeper.',
  'From inside a paragraph is not a postmark.',
  '',
  'From b@example.org Mon Jan  5 11:00:00 2026',
  'Subject: two',
  '',
  'Second body, no final newline.',
].join('\n');

describe('mbox splitting', () => {
  it('splits on postmarks after a blank line, unquotes >From, keeps a last line without newline', async () => {
    expect(await split(MAILBOX)).toEqual([
      'Subject: one\n\nFirst body.\nFrom here on, quoted.\n>From deeper.\nFrom inside a paragraph is not a postmark.\n',
      'Subject: two\n\nSecond body, no final newline.',
    ]);
  });

  it('gives the same messages whatever the chunk boundaries', async () => {
    const whole = await split(MAILBOX);
    for (const size of [1, 2, 3, 5, 7, 64]) expect(await split(MAILBOX, size), `chunk ${size}`).toEqual(whole);
  });

  it('handles CRLF line ends', async () => {
    const crlf = MAILBOX.replace(/\n/g, '\r\n');
    expect(await split(crlf, 4)).toEqual([
      'Subject: one\r\n\r\nFirst body.\r\nFrom here on, quoted.\r\n>From deeper.\r\nFrom inside a paragraph is not a postmark.\r\n',
      'Subject: two\r\n\r\nSecond body, no final newline.',
    ]);
  });
});

describe('mbox fixture', () => {
  it('gives one e-mail report per message, in order, with meta and body positions', async () => {
    const path = join(FIXTURES, 'three-messages.mbox');
    const reports = await analyze(readFileSync(path), { path });
    expect(reports.map((r) => r.path)).toEqual([`${path}#1`, `${path}#2`, `${path}#3`]);
    expect(reports.map((r) => r.format)).toEqual(['email', 'email', 'email']);
    expect(reports.map((r) => r.meta?.subject)).toEqual(['A free calendar for you', 'Spring in the garden', 'Reading room hours']);
    expect(reports[0].meta?.from).toBe('Riverside Animal Rescue <appeals@rescue.example>');
    expect(reports[1].findings).toEqual([]);
    const [first] = reports[0].findings.filter((f) => f.part === 'body' && f.tactic === 'freebie');
    expect(positionOf(first)).toEqual({
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 60,
      text: "We've enclosed a free 2027 wall calendar as our gift to you",
    });
    const [third] = reports[2].findings.filter((f) => f.part === 'body' && f.tactic === 'freebie');
    expect(third).toMatchObject({ line: 1, column: 1, endLine: 1 });
    expect(third.text.startsWith("We've enclosed a free bookmark")).toBe(true);
  });
});
