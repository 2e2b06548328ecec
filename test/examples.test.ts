/**
 * The README's promise: the bundled examples show every tactic, the headline
 * appeal alone shows all six, and the commands a newcomer runs behave as
 * documented (exit codes, stdin, folders, a missing path among good ones).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TACTIC_IDS } from '../src/types.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'quidpro.js');

function quidpro(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('bundled examples', () => {
  it('the headline appeal shows all six tactics, each at a position whose words match', () => {
    const r = quidpro(['--format', 'json', 'fixtures/examples/charity-appeal.txt']);
    expect(r.code).toBe(1);
    const [file] = JSON.parse(r.stdout).files;
    expect(new Set(file.findings.map((f: { tactic: string }) => f.tactic))).toEqual(new Set(TACTIC_IDS));
    const lines = readFileSync(join(ROOT, 'fixtures/examples/charity-appeal.txt'), 'utf8').split('\n');
    for (const f of file.findings) {
      if (f.line === f.endLine) expect(lines[f.line - 1].slice(f.column - 1, f.endColumn - 1)).toBe(f.text);
      else expect(lines[f.line - 1].slice(f.column - 1)).toBe(f.text.split('\n')[0]);
    }
  });

  it('every example file in the folder yields findings, and every tactic appears somewhere', () => {
    const r = quidpro(['--format', 'json', 'fixtures/examples/']);
    expect(r.code).toBe(1);
    const { files, summary } = JSON.parse(r.stdout);
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const f of files) expect(f.findings.length, f.path).toBeGreaterThan(0);
    for (const id of TACTIC_IDS) expect(summary.byTactic[id], id).toBeGreaterThan(0);
  });

  it('reads stdin when no path is given, and exits 0 on text without tactics', () => {
    const clean = quidpro([], 'Hi Sam, the meeting moved to 3 pm. Feel free to call our toll-free line.\n');
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('<stdin>');
    expect(clean.stdout).toContain('no reciprocity tactics found');
    const dirty = quidpro(['-'], "We've enclosed a free tote bag as our gift to you. Please donate today.\n");
    expect(dirty.code).toBe(1);
    expect(dirty.stdout).toMatch(/1:1\s+freebie/);
  });

  it('a missing path among good ones: one error line, the others still reported, exit 2', () => {
    const r = quidpro(['--format', 'json', 'no/such/file.txt', 'fixtures/examples/charity-appeal.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual(['quidpro: no/such/file.txt: no such file or directory']);
    const { files } = JSON.parse(r.stdout);
    expect(files.map((f: { path: string }) => f.path)).toEqual(['no/such/file.txt', 'fixtures/examples/charity-appeal.txt']);
    expect(files[0].error.message).toBe('no such file or directory');
    expect(files[1].findings.length).toBeGreaterThan(0);
  });
});
