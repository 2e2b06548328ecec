import { describe, expect, it, vi } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, runCli, tempTree, GIFT, CUSTOM, CUSTOM_CONFIG } from './report/spawn.js';

// A pool must never start for one input: constructing one here fails the test.
vi.mock('../src/parallel/pool.js', () => ({
  WorkerPool: class {
    constructor() {
      throw new Error('a worker pool was started');
    }
  },
}));

const { processInputs } = await import('../src/parallel/index.js');

/**
 * Files of varied content in nested folders, enough of them (100) that they
 * are sent to the threads in several batches.
 */
function corpus(): { dir: string; paths: string[] } {
  const kinds = [
    `Dear friend,\n\n${GIFT}\n\nWith thanks,\nThe team\n`,
    'Our office is closed on Monday for the holiday.\n',
    `# Spring offer\n\n${GIFT}\n\nOrder now and we will also send a second tote bag at no extra cost!\n`,
    `${CUSTOM}\n`,
    `Hello again.\n\n${GIFT}\n`,
  ];
  const files: Record<string, string> = {};
  for (let i = 0; i < 100; i++) {
    const name = `${['a', 'b/c', 'd'][i % 3]}/item-${String(i).padStart(3, '0')}.${i % 5 === 2 ? 'md' : 'txt'}`;
    files[name] = kinds[i % kinds.length];
  }
  const paths = Object.keys(files).sort(); // the walk's order for this layout
  return { dir: tempTree(files), paths };
}

function mailbox(messages: number): string {
  const out: string[] = [];
  for (let i = 1; i <= messages; i++) {
    const body = i % 3 === 0 ? 'Minutes of the meeting are attached.' : `${GIFT}\n\nMessage ${i} of the spring appeal.`;
    out.push(
      `From sender${i}@example.org Mon Jan  1 00:0${i % 10}:00 2024\nFrom: Sender ${i} <sender${i}@example.org>\n` +
        `To: reader@example.com\nSubject: Appeal ${i}\nMessage-ID: <${i}@example.org>\n\n${body}\n`,
    );
  }
  return out.join('\n');
}

describe('--jobs', () => {
  it('gives byte-identical json, jsonl and text output with 1 and 2 threads on a folder', () => {
    const { dir, paths } = corpus();
    for (const format of ['json', 'jsonl', 'text']) {
      const one = runCli(['--format', format, '--jobs', '1', '.'], { cwd: dir });
      const two = runCli(['--format', format, '--jobs', '2', '.'], { cwd: dir });
      expect(one.code).toBe(1);
      expect(two.code).toBe(one.code);
      expect(two.stdout).toBe(one.stdout);
      expect(two.stderr).toBe(one.stderr);
    }
    const lines = runCli(['--format', 'jsonl', '--jobs', '2', '.'], { cwd: dir }).stdout.trimEnd().split('\n');
    // Input order is the walk's name order, whatever thread finished first.
    expect(lines.map((l) => JSON.parse(l).path)).toEqual(paths);
  });

  it('gives byte-identical output with 1 and 3 threads on a mailbox, one record per message, in order', () => {
    const dir = tempTree({ 'inbox.mbox': mailbox(300) });
    for (const format of ['json', 'jsonl']) {
      const one = runCli(['--format', format, '--jobs', '1', 'inbox.mbox'], { cwd: dir });
      const three = runCli(['--format', format, '--jobs', '3', 'inbox.mbox'], { cwd: dir });
      expect(three.stdout).toBe(one.stdout);
      expect(three.code).toBe(one.code);
    }
    const records = runCli(['--format', 'jsonl', '--jobs', '3', 'inbox.mbox'], { cwd: dir }).stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(records.map((r) => r.path)).toEqual(Array.from({ length: 300 }, (_, i) => `inbox.mbox#${i + 1}`));
    expect(records.filter((r) => r.findings.length > 0).length).toBe(200);
  });

  it('prints in the worker threads what one thread prints: text and jsonl, warnings and errors in their place', () => {
    // Messages with an unknown tactic in a disable directive (a warning), messages over --max-bytes (an error),
    // base64 and HTML messages (read by postal-mime), blank ones (no record): batches with notes in their middle.
    const messages: string[] = [];
    for (let i = 1; i <= 120; i++) {
      const head = `From s${i}@example.org Mon Jan  1 00:00:00 2024\nFrom: S <s${i}@example.org>\nSubject: Appeal ${i}\n`;
      if (i % 17 === 0) messages.push(`${head}\n${'x'.repeat(3000)}\n${GIFT}\n`);
      else if (i % 13 === 0) messages.push(`${head}\n${GIFT}\n<!-- quidpro-disable no-such-tactic -->\n${GIFT}\n`);
      else if (i % 11 === 0) messages.push(`${head}Content-Type: text/html; charset=utf-8\n\n<p>${GIFT}</p>\n`);
      else if (i % 7 === 0) messages.push(`${head}Content-Transfer-Encoding: base64\n\n${Buffer.from(GIFT).toString('base64')}\n`);
      else if (i % 5 === 0) messages.push(`From blank@example.org Mon Jan  1 00:00:00 2024\n\n  \n`);
      else messages.push(`${head}\nMessage ${i}. ${GIFT}\n`);
    }
    const dir = tempTree({ 'inbox.mbox': messages.join('\n') });
    // stdout and stderr into one file, as a terminal shows them: each note must come just before its report.
    const merged = (args: string[]) => {
      const fd = openSync(join(dir, 'out'), 'w');
      const r = spawnSync(process.execPath, [BIN, ...args, 'inbox.mbox'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', fd, fd] });
      closeSync(fd);
      return { code: r.status, out: readFileSync(join(dir, 'out'), 'utf8') };
    };
    for (const format of ['text', 'jsonl']) {
      for (const extra of [[], ['--max-bytes', '2000']]) {
        const one = merged(['--format', format, '--jobs', '1', ...extra]);
        const three = merged(['--format', format, '--jobs', '3', ...extra]);
        expect(three.code).toBe(one.code);
        expect(three.out).toBe(one.out);
        expect(one.out).toContain('unknown tactic "no-such-tactic"');
        if (extra.length > 0) expect(one.out).toContain('larger than --max-bytes');
      }
    }
  });

  it('prints the messages of a mailbox piped in slowly while its stdin is still open', async () => {
    // More than the 64 KB read to sniff the format, then the rest later.
    const input = mailbox(600);
    const cut = input.indexOf('From sender500@');
    const child = spawn(process.execPath, [BIN, '--format', 'jsonl', '--jobs', '2'], { env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    child.stdout.setEncoding('utf8');
    const lines = (n: number) =>
      new Promise<void>((resolve) => {
        const check = () => out.split('\n').length > n && (child.stdout.off('data', check), resolve());
        child.stdout.on('data', (s: string) => ((out += s), check()));
        check();
      });
    // 499 messages and the postmark of the 500th: the 499 are complete and must be reported now.
    child.stdin.write(input.slice(0, cut + 5));
    await lines(499);
    expect(out.trimEnd().split('\n')).toHaveLength(499);
    child.stdin.end(input.slice(cut + 5));
    await new Promise((resolve) => child.on('close', resolve));
    expect(out).toBe(runCli(['--format', 'jsonl', '--jobs', '1'], { input }).stdout);
  });

  it('splits a mailbox piped on stdin over threads the same way', () => {
    const input = mailbox(50);
    const one = runCli(['--format', 'jsonl', '--jobs', '1'], { input });
    const two = runCli(['--format', 'jsonl', '--jobs', '2'], { input });
    expect(two.stdout).toBe(one.stdout);
    expect(two.stdout.trimEnd().split('\n')).toHaveLength(50);
  });

  it('still applies the configuration and inline suppressions in the worker threads', () => {
    const files: Record<string, string> = {
      'quidpro.config.json': JSON.stringify({ ...JSON.parse(CUSTOM_CONFIG), tactics: { 'freebie': 'info' }, allow: ['address labels'] }),
      'a.txt': `${CUSTOM}\n`,
      'b.txt': `<!-- quidpro-disable-next-line -->\n${CUSTOM}\n`,
      'c.txt': `${GIFT}\n`,
    };
    // Enough files that they go to the threads in several batches.
    for (let i = 0; i < 80; i++) files[`more/m-${String(i).padStart(2, '0')}.txt`] = i % 2 ? `${GIFT}\n` : `<!-- quidpro-disable-next-line -->\n${CUSTOM}\n`;
    const dir = tempTree(files);
    const run = (jobs: string, ...extra: string[]) =>
      runCli(['--format', 'jsonl', '--jobs', jobs, ...extra, '.'], { cwd: dir }).stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    const two = run('2');
    expect(JSON.stringify(two)).toBe(JSON.stringify(run('1')));
    const byPath = Object.fromEntries(two.map((r) => [r.path, r.findings]));
    // Config phrases found the made-up phrase; config severity applied.
    expect(byPath['a.txt'].length).toBeGreaterThan(0);
    expect(byPath['a.txt'].every((f: { severity: string }) => f.tactic !== 'freebie' || f.severity === 'info')).toBe(true);
    // The inline directive suppressed the next line.
    expect(byPath['b.txt']).toEqual([]);
    expect(byPath['more/m-78.txt']).toEqual([]);
    // Without the inline directives the same line is reported, so it was the filter that removed it.
    const unfiltered = Object.fromEntries(run('2', '--no-inline-config').map((r) => [r.path, r.findings]));
    expect(unfiltered['b.txt'].length).toBeGreaterThan(0);
    expect(unfiltered['more/m-78.txt'].length).toBeGreaterThan(0);
    // The allowed phrase is not reported with the config, and is without it.
    const allowed = (findings: Array<{ text: string }>) => findings.some((f) => f.text.includes('address labels'));
    expect(allowed(byPath['c.txt'])).toBe(false);
    const noConfig = Object.fromEntries(run('2', '--no-config').map((r) => [r.path, r.findings]));
    expect(allowed(noConfig['c.txt'])).toBe(true);
  });

  it('rejects 0, negative and fractional thread counts as usage errors', () => {
    for (const bad of ['0', '-1', '1.5', 'two', '']) {
      const r = runCli(['--jobs', bad, '-'], { input: GIFT });
      expect(r.code, bad).toBe(2);
      expect(r.stderr).toContain('--jobs');
    }
    expect(runCli(['--jobs', '3', '-'], { input: GIFT }).code).toBe(1);
  });

  it('analyses a few small inputs on the main thread, without a pool (a pre-commit hook on changed files)', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 5; i++) files[`changed-${i}.md`] = `# Appeal ${i}\n\n${GIFT}\n`;
    const dir = tempTree(files);
    const saved = process.env.QUIDPRO_LOCAL_WORK_BYTES;
    delete process.env.QUIDPRO_LOCAL_WORK_BYTES; // the tests' 0 sends everything to the workers
    try {
      const reports = [];
      for await (const r of processInputs(Object.keys(files).map((f) => `${dir}/${f}`), {}, {}, 8)) if (!('kind' in r)) reports.push(r.file);
      expect(reports.map((r) => r.path.slice(dir.length + 1))).toEqual(Object.keys(files));
      expect(reports.every((r) => r.findings.length > 0)).toBe(true);
    } finally {
      process.env.QUIDPRO_LOCAL_WORK_BYTES = saved;
    }
  });

  it('analyses a single input on the main thread, without a pool', async () => {
    const dir = tempTree({ 'one.txt': `${GIFT}\n` });
    const reports = [];
    for await (const r of processInputs([`${dir}/one.txt`], {}, {}, 8)) if (!('kind' in r)) reports.push(r.file);
    expect(reports).toHaveLength(1);
    expect(reports[0].findings.length).toBeGreaterThan(0);
  });
});
