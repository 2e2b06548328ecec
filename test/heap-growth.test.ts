/**
 * The command bounds how far V8 lets the heap grow past its live data (see
 * HEAP_GROWING_PERCENT in bin/heap-growth.js), unless the user chose a growth of their own.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { BIN, GIFT, tempTree } from './report/spawn.js';

const { boundHeapGrowth, HEAP_GROWING_PERCENT } = createRequire(import.meta.url)('../bin/heap-growth.js') as {
  boundHeapGrowth: (execArgv?: string[]) => boolean;
  HEAP_GROWING_PERCENT: number;
};

/** Records, in the CLI's process, every V8 flag it sets at run time. */
const PRELOAD = `
const v8 = require('node:v8');
const fs = require('node:fs');
const set = v8.setFlagsFromString;
v8.setFlagsFromString = (flags) => { fs.appendFileSync(process.env.FLAGS_FILE, flags + '\\n'); return set(flags); };
require('node:module').syncBuiltinESMExports();
`;

function flagsSetBy(args: string[], nodeFlags: string[], input: string): { flags: string[]; code: number; stdout: string } {
  const dir = tempTree({ 'preload.cjs': PRELOAD, 'flags.txt': '' });
  const r = spawnSync(process.execPath, ['--require', join(dir, 'preload.cjs'), ...nodeFlags, BIN, ...args], {
    cwd: dir,
    input,
    encoding: 'utf8',
    env: { ...process.env, FLAGS_FILE: join(dir, 'flags.txt') },
  });
  return { flags: readFileSync(join(dir, 'flags.txt'), 'utf8').split('\n').filter(Boolean), code: r.status ?? -1, stdout: r.stdout };
}

/** A two-message mailbox: a large input, whatever its size. */
const MAILBOX = ['From a@example.org Mon Jan  1 00:00:00 2024', 'Subject: one', '', GIFT, '', 'From b@example.org Mon Jan  1 00:00:00 2024', 'Subject: two', '', GIFT, ''].join('\n');

describe('heap growth', () => {
  it('is set to 1.5 x the live heap by the CLI before a mailbox, which it still analyses', () => {
    const r = flagsSetBy(['--format', 'jsonl', '-'], [], MAILBOX);
    expect(r.flags).toEqual([`--heap-growing-percent=${HEAP_GROWING_PERCENT}`]);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
  });

  it('is left alone for a short text, which does not need it', () => {
    const r = flagsSetBy(['--format', 'jsonl', '-'], [], `${GIFT}\n`);
    expect(r.flags).toEqual([]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings.length).toBeGreaterThan(0);
  });

  it("is left alone when the user sets V8's heap growth", () => {
    const r = flagsSetBy(['--format', 'jsonl', '-'], ['--heap-growing-percent=80'], MAILBOX);
    expect(r.flags).toEqual([]);
    expect(r.code).toBe(1);
    expect(boundHeapGrowth(['--heap_growing_percent=10'])).toBe(false);
    expect(boundHeapGrowth(['--max-old-space-size=4096'])).toBe(true);
  });
});
