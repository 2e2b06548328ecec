/**
 * Big inputs and --max-bytes: a 50 MB line and a million empty lines are
 * analysed to their end; inputs past --max-bytes (a 2 GB file, a base64 body
 * that decodes to 200 MB, a mailbox message) are skipped with a clear error
 * before they are read into memory; every other input of the run is reported.
 */
import { closeSync, openSync, truncateSync, writeSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budget, crashed, endless, hasTactic, MB, reportsOf, runCli, TACTIC_TEXT, workspace, type Workspace } from './harness.js';

const DEFAULT_LIMIT = 100 * MB;
const tooLarge = (limit: number) => `larger than --max-bytes (${limit} bytes), skipped`;

let ws: Workspace;
beforeAll(() => {
  ws = workspace('large');
});
afterAll(() => ws.remove());

describe('big inputs are read to their end', () => {
  it('a 50 MB single line, then a tactic', async () => {
    const path = ws.write('line.txt', 'a'.repeat(50 * MB) + '\n' + TACTIC_TEXT);
    const run = await runCli(['-f', 'jsonl', path, ws.tactic]);
    expect(crashed(run), run.stderr).toBe(false);
    expect(run.status).toBe(1);
    const reports = reportsOf(run);
    expect(reports.get(path)?.error).toBeNull();
    expect(hasTactic(reports.get(path))).toBe(true);
    expect(reports.get(path)!.findings.find((f) => f.tactic === 'freebie')!.line).toBe(3);
    expect(hasTactic(reports.get(ws.tactic))).toBe(true);
  }, budget(50));

  it('a million empty lines on stdin, then a tactic', async () => {
    const run = await runCli(['-f', 'jsonl', '-', ws.tactic], '\n'.repeat(1_000_000) + TACTIC_TEXT);
    expect(crashed(run), run.stderr).toBe(false);
    const reports = reportsOf(run);
    const stdin = reports.get('<stdin>');
    expect(stdin?.error).toBeNull();
    expect(hasTactic(stdin)).toBe(true);
    expect(stdin!.findings.find((f) => f.tactic === 'freebie')!.line).toBe(1_000_002);
    expect(hasTactic(reports.get(ws.tactic))).toBe(true);
  }, budget(1));
});

describe('--max-bytes', () => {
  it('a 2 GB file is skipped by its size, unread (exit 2), and the other input is reported', async () => {
    // Text at its head, then a sparse 2 GB: reading it would take seconds and gigabytes.
    const path = ws.write('huge.txt', 'Nothing to see here.\n'.repeat(1000));
    truncateSync(path, 2 * 1024 * MB);
    const run = await runCli(['-f', 'jsonl', path, ws.tactic]);
    expect(crashed(run), run.stderr).toBe(false);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${path}: ${tooLarge(DEFAULT_LIMIT)}`);
    const reports = reportsOf(run);
    expect(reports.get(path)?.error?.message).toBe(tooLarge(DEFAULT_LIMIT));
    expect(hasTactic(reports.get(ws.tactic))).toBe(true);
  }, budget(1));

  describe('a base64 body that decodes to 200 MB', () => {
    let mail: string;
    beforeAll(() => {
      // 267 MB of base64 (76-character lines), written in 1 MB blocks.
      mail = ws.write('big-attachment.eml', 'From: a@example.org\r\nSubject: Your free gift\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n');
      const line = Buffer.from('Claim your free gift! Please donate today. Claim your free gift! Pleas', 'utf8').toString('base64').slice(0, 76) + '\r\n';
      const block = Buffer.from(line.repeat(Math.floor(MB / line.length)));
      const fd = openSync(mail, 'a');
      try {
        for (let written = 0; written < (200 * MB * 4) / 3; written += block.length) writeSync(fd, block);
      } finally {
        closeSync(fd);
      }
    }, budget(10));

    it('as a file: skipped by its size, and the other input is reported', async () => {
      const run = await runCli(['-f', 'jsonl', mail, ws.tactic]);
      expect(crashed(run), run.stderr).toBe(false);
      expect(run.status).toBe(2);
      expect(reportsOf(run).get(mail)?.error?.message).toBe(tooLarge(DEFAULT_LIMIT));
      expect(hasTactic(reportsOf(run).get(ws.tactic))).toBe(true);
    }, budget(1));

    it('on stdin: reading stops at the limit, and the other input is reported', async () => {
      const run = await runCli(['-f', 'jsonl', '-', ws.tactic], { file: mail });
      expect(crashed(run), run.stderr).toBe(false);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`<stdin>: ${tooLarge(DEFAULT_LIMIT)}`);
      expect(hasTactic(reportsOf(run).get(ws.tactic))).toBe(true);
    }, budget(100));
  });

  it('stdin that never ends: reading stops at the limit, both with one job and with a pool', async () => {
    for (const jobs of ['1', '2']) {
      const run = await runCli(['-f', 'jsonl', '--jobs', jobs, '--max-bytes', '20MB', '-', ws.tactic], endless('Claim your free gift! '));
      expect(crashed(run), run.stderr).toBe(false);
      expect(run.status, jobs).toBe(2);
      expect(reportsOf(run).get('<stdin>')?.error?.message).toBe(tooLarge(20_000_000));
      expect(hasTactic(reportsOf(run).get(ws.tactic))).toBe(true);
    }
  }, budget(40));

  it('accepts bytes and units: 500k is 512000 bytes, 1MB 1000000, 1MiB 1048576', async () => {
    const text = 'a '.repeat(600_000) + TACTIC_TEXT; // 1.2 MB
    for (const [value, bytes] of [['500k', 512_000], ['1MB', 1_000_000], ['1MiB', 1_048_576], ['1100000', 1_100_000]] as const) {
      const run = await runCli(['-f', 'jsonl', '--max-bytes', value, '-'], text);
      expect(run.status, value).toBe(2);
      expect(run.stderr).toContain(`<stdin>: ${tooLarge(bytes)}`);
    }
    const within = await runCli(['-f', 'jsonl', '--max-bytes', '2MB', '-'], text);
    expect(within.status).toBe(1);
    expect(hasTactic(reportsOf(within).get('<stdin>'))).toBe(true);
  }, budget(10));

  it('rejects a size it cannot read, and --help documents it', async () => {
    const bad = await runCli(['--max-bytes', '12 apples', ws.tactic]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--max-bytes.*invalid/);
    const help = await runCli(['--help']);
    expect(help.stdout).toMatch(/--max-bytes <size>/);
  }, budget(1));

  for (const jobs of ['1', '2']) {
    it(`a mailbox: the limit applies to each message, not the mailbox (--jobs ${jobs})`, async () => {
      const postmark = 'From sender@example.org Mon Jan  5 10:00:00 2026\n';
      const big = `${postmark}Subject: big\n\n${'filler words here\n'.repeat(120_000)}\n`; // ~2 MB
      const small = `${postmark}Subject: appeal\n\n${TACTIC_TEXT}\n`;
      const path = ws.write(`limits-${jobs}.mbox`, small + big + small);
      const run = await runCli(['-f', 'jsonl', '--jobs', jobs, '--max-bytes', '1MB', path, ws.tactic]);
      expect(crashed(run), run.stderr).toBe(false);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`${path}#2: ${tooLarge(1_000_000)}`);
      const reports = reportsOf(run);
      expect(reports.get(`${path}#2`)?.error?.message).toBe(tooLarge(1_000_000));
      expect(hasTactic(reports.get(`${path}#1`))).toBe(true);
      expect(hasTactic(reports.get(`${path}#3`))).toBe(true);
      expect(hasTactic(reports.get(ws.tactic))).toBe(true);
      // The same mailbox piped in.
      const piped = await runCli(['-f', 'jsonl', '--jobs', jobs, '--max-bytes', '1MB', '-'], small + big + small);
      expect(reportsOf(piped).get('<stdin>#2')?.error?.message).toBe(tooLarge(1_000_000));
      expect(hasTactic(reportsOf(piped).get('<stdin>#3'))).toBe(true);
    }, budget(10));
  }
});
