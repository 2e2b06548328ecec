/** The decoders as a user meets them: bin/quidpro.js on files and on stdin. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileReport } from '../../src/types.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'quidpro.js');
const FIXTURES = join(ROOT, 'fixtures', 'decode');

function run(args: string[], input?: Buffer | string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(stdout: string): { files: FileReport[] } {
  return JSON.parse(stdout) as { files: FileReport[] };
}

describe('quidpro on real inputs', () => {
  it('reads an mbox piped on stdin as one report per message', () => {
    const r = run(['--format', 'json'], readFileSync(join(FIXTURES, 'three-messages.mbox')));
    expect(r.code).toBe(1);
    const { files } = json(r.stdout);
    expect(files.map((f) => f.path)).toEqual(['<stdin>#1', '<stdin>#2', '<stdin>#3']);
    expect(files.map((f) => f.meta?.subject)).toEqual(['A free calendar for you', 'Spring in the garden', 'Reading room hours']);
  });

  it('streams an mbox named on the command line, sniffed without the extension', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quidpro-mbox-'));
    const path = join(dir, 'Inbox');
    writeFileSync(path, readFileSync(join(FIXTURES, 'three-messages.mbox')));
    const { files } = json(run(['--format', 'json', path]).stdout);
    expect(files.map((f) => f.path)).toEqual([`${path}#1`, `${path}#2`, `${path}#3`]);
    expect(files.every((f) => f.format === 'email')).toBe(true);
  });

  it('sniffs a raw message on stdin and prints its meta and subject finding', () => {
    const r = run([], readFileSync(join(FIXTURES, 'appeal-alternative.eml')));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('From: Riverside Animal Rescue <appeals@rescue.example>');
    expect(r.stdout).toContain('Subject: Our gift to you—a free 2027 calendar');
    expect(r.stdout).toMatch(/subject 1:1 +freebie/);
    expect(r.stdout).toMatch(/body 3:1 +freebie/);
  });

  it('reports a binary file named on the command line and skips one found in a folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quidpro-bin-'));
    writeFileSync(join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
    writeFileSync(join(dir, 'note.txt'), 'Nothing to see here.\n');
    const named = run(['--format', 'json', join(dir, 'image.txt')]);
    expect(named.code).toBe(2);
    expect(json(named.stdout).files[0].error).toEqual({ message: 'binary file, skipped' });
    const walked = run(['--format', 'json', dir]);
    expect(walked.code).toBe(0);
    expect(json(walked.stdout).files.map((f) => f.path)).toEqual([join(dir, 'note.txt')]);
  });

  it('lets --input-format override sniffing', () => {
    const r = run(['--format', 'json', '--input-format', 'text'], readFileSync(join(FIXTURES, 'three-messages.mbox')));
    const { files } = json(r.stdout);
    expect(files).toHaveLength(1);
    expect(files[0].format).toBe('text');
  });
});

