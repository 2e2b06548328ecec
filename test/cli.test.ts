import { execFileSync } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAddedLines } from '../src/filters/changed.js';
import { TACTIC_IDS } from '../src/types.js';
import { CUSTOM_PHRASE, GIFT, runCli, tempTree } from './report/spawn.js';

const config = (extra: object = {}) => JSON.stringify({ phrases: { freebie: [CUSTOM_PHRASE] }, ...extra });
const customLine = `Meet the ${CUSTOM_PHRASE} we made for you. Please donate $20 today.`;

describe('exit status', () => {
  it('0 when nothing fails, 1 when a finding fails, 2 on input error, 2 wins over 1', () => {
    const dir = tempTree({ 'clean.txt': 'Our office is closed on Monday.\n', 'gift.txt': `${GIFT}\n` });
    expect(runCli(['clean.txt'], { cwd: dir }).code).toBe(0);
    expect(runCli(['gift.txt'], { cwd: dir }).code).toBe(1);
    const missing = runCli(['missing.txt'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('quidpro: missing.txt: no such file or directory');
    expect(runCli(['gift.txt', 'missing.txt'], { cwd: dir }).code).toBe(2);
  });

  it('2 for usage errors, each on one line', () => {
    const bad = runCli(['--fail-on', 'freebie,giveaway', '-']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('"giveaway"');
    expect(runCli(['--fail-level', 'fatal', '-']).code).toBe(2);
    expect(runCli(['--max-findings', 'many', '-']).code).toBe(2);
    expect(runCli(['--format', 'xml', '-']).code).toBe(2);
  });
});

describe('thresholds', () => {
  const files = { 'quidpro.config.json': config(), 'a.txt': `${customLine}\n` };

  it('--fail-on lists the tactics whose findings fail the run', () => {
    const dir = tempTree(files);
    expect(runCli(['a.txt'], { cwd: dir }).code).toBe(1);
    expect(runCli(['--fail-on', 'obligation,door-in-the-face', 'a.txt'], { cwd: dir }).code).toBe(0);
    expect(runCli(['--fail-on', 'obligation, freebie', 'a.txt'], { cwd: dir }).code).toBe(1);
    expect(runCli(['--fail-on', 'none', 'a.txt'], { cwd: dir }).code).toBe(0);
    expect(runCli(['--fail-on', 'any', 'a.txt'], { cwd: dir }).code).toBe(1);
  });

  it('--fail-level compares with each tactic\'s (configured) severity', () => {
    const dir = tempTree(files);
    expect(runCli(['--fail-level', 'error', 'a.txt'], { cwd: dir }).code).toBe(0);
    expect(runCli(['--fail-level', 'info', 'a.txt'], { cwd: dir }).code).toBe(1);
    writeFileSync(join(dir, 'quidpro.config.json'), config({ tactics: { freebie: 'error' } }));
    expect(runCli(['--fail-level', 'error', 'a.txt'], { cwd: dir }).code).toBe(1);
    writeFileSync(join(dir, 'quidpro.config.json'), config({ tactics: { freebie: 'info' } }));
    const r = runCli(['a.txt'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(not failing)');
  });

  it('--max-findings N fails only past N failing findings', () => {
    const dir = tempTree({ 'quidpro.config.json': config(), 'a.txt': `${customLine}\n\n${customLine}\n` });
    expect(runCli(['--max-findings', '2', 'a.txt'], { cwd: dir }).code).toBe(0);
    expect(runCli(['--max-findings', '1', 'a.txt'], { cwd: dir }).code).toBe(1);
    expect(runCli(['--max-findings', '0', 'a.txt'], { cwd: dir }).code).toBe(1);
  });

  it('json summary counts failing findings', () => {
    const dir = tempTree(files);
    const r = JSON.parse(runCli(['-f', 'json', '--fail-on', 'obligation', 'a.txt'], { cwd: dir }).stdout);
    expect(r.summary.findings).toBeGreaterThanOrEqual(1);
    expect(r.summary.failing).toBe(0);
  });
});

describe('--changed-since', () => {
  function git(dir: string, ...args: string[]): string {
    return execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } });
  }

  it('keeps only findings on lines added or changed since the ref', () => {
    const lines = [customLine, 'Plain line.', customLine, 'Another plain line.'];
    const dir = tempTree({ 'quidpro.config.json': config(), 'copy/a.txt': lines.join('\n') + '\n' });
    git(dir, 'init', '-q');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'base');
    lines[1] = customLine; // change line 2
    writeFileSync(join(dir, 'copy/a.txt'), lines.join('\n') + '\n');
    writeFileSync(join(dir, 'copy/new.txt'), `${customLine}\n`);

    const all = JSON.parse(runCli(['-f', 'json', 'copy'], { cwd: dir }).stdout);
    expect(all.files.find((f: { path: string }) => f.path.endsWith('a.txt')).findings.map((f: { line: number }) => f.line)).toEqual([1, 2, 3]);

    const r = runCli(['-f', 'json', '--changed-since', 'HEAD', 'copy'], { cwd: dir });
    expect(r.code).toBe(1);
    const changed = JSON.parse(r.stdout);
    const byFile = Object.fromEntries(changed.files.map((f: { path: string; findings: Array<{ line: number }> }) => [f.path.split('\\').join('/'), f.findings.map((x) => x.line)]));
    expect(byFile).toEqual({ 'copy/a.txt': [2], 'copy/new.txt': [1] }); // untracked: all new

    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'second');
    expect(runCli(['--changed-since', 'HEAD', 'copy'], { cwd: dir }).code).toBe(0);
    appendFileSync(join(dir, 'copy/a.txt'), `${GIFT}\n`);
    const appended = JSON.parse(runCli(['-f', 'json', '--changed-since', 'HEAD', 'copy/a.txt'], { cwd: dir }).stdout);
    expect(appended.files[0].findings.map((f: { line: number }) => f.line)).toEqual([5]);
  });

  it('is a clear error outside a git repository or with an unknown ref', () => {
    const dir = tempTree({ 'a.txt': `${GIFT}\n` });
    const r = runCli(['--changed-since', 'HEAD', 'a.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^quidpro: --changed-since: .* is not inside a git repository\n$/);
    git(dir, 'init', '-q');
    const bad = runCli(['--changed-since', 'no-such-branch', 'a.txt'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('quidpro: --changed-since: "no-such-branch" is not a commit in this git repository\n');
  });

  it('parses unified diff hunk headers', () => {
    const diff = ['@@ -1 +1 @@', '-a', '+b', '@@ -5,0 +6,2 @@', '+c', '+d', '@@ -9,3 +10,0 @@'].join('\n');
    expect([...parseAddedLines(diff)]).toEqual([1, 6, 7]);
  });
});

describe('explain and tactics', () => {
  it('explains every tactic with advice and sources', () => {
    for (const id of TACTIC_IDS) {
      const r = runCli(['explain', id]);
      expect(r.code).toBe(0);
      for (const heading of ['What it is', 'Why it works', 'How it shows up', 'What to do', 'Sources']) expect(r.stdout).toContain(heading);
      expect(r.stdout).toContain('Wait:');
      expect(r.stdout).toContain('Cialdini');
    }
    const freebie = runCli(['explain', 'freebie']).stdout;
    expect(freebie).toContain('Kunz');
    expect(freebie).toContain('Chuan, A., Kessler, J. B., & Milkman, K. L. (2018)');
    expect(runCli(['explain', 'foot-in-the-door']).stdout).toContain('Comello');
    expect(runCli(['explain', 'door-in-the-face']).stdout).toContain('Guéguen');
  });

  it('an unknown tactic is exit 2 with the list of ids', () => {
    const r = runCli(['explain', 'giveaway']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`quidpro: unknown tactic "giveaway"; known tactics: ${TACTIC_IDS.join(', ')}\n`);
  });

  it('lists ids, names and one-liners', () => {
    const r = runCli(['tactics']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.map((l) => l.split(/\s+/)[0])).toEqual([...TACTIC_IDS]);
    expect(lines[0]).toMatch(/^freebie +Free gift: /);
  });
});
