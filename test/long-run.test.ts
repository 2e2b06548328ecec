/**
 * Before the long part of a run the command bounds how far V8 lets the heap
 * grow past its live data (a mailbox, a text of megabytes, worker threads)
 * and, when worker threads start, delays TurboFan's tier-up
 * (bin/long-run.js), unless the user set the flag; a short run is left as
 * V8 starts.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { BIN, GIFT, tempTree } from './report/spawn.js';

const { boundHeapGrowth, delayTierUp, HEAP_GROWING_PERCENT, INTERRUPT_BUDGET } = createRequire(import.meta.url)('../bin/long-run.js') as {
  boundHeapGrowth: (execArgv?: string[]) => boolean;
  delayTierUp: (execArgv?: string[]) => boolean;
  HEAP_GROWING_PERCENT: number;
  INTERRUPT_BUDGET: number;
};

const HEAP_FLAG = `--heap-growing-percent=${HEAP_GROWING_PERCENT}`;
const TIER_UP_FLAG = `--interrupt-budget=${INTERRUPT_BUDGET}`;

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

/** A folder of 70 small files: enough batches for a pool (the tests run every file through the workers). */
function manyFiles(): string {
  const files: Record<string, string> = {};
  for (let i = 0; i < 70; i++) files[`many/${String(i).padStart(2, '0')}.txt`] = `${GIFT}\n`;
  return join(tempTree(files), 'many');
}

describe('V8 settings for a long run', () => {
  it('bound the heap before a mailbox, which is still analysed, and leave tier-up to V8 on one thread', () => {
    const r = flagsSetBy(['--format', 'jsonl', '--jobs', '1', '-'], [], MAILBOX);
    expect(r.flags).toEqual([HEAP_FLAG]);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
  });

  it('are left alone for a short text, which does not need them', () => {
    const r = flagsSetBy(['--format', 'jsonl', '-'], [], `${GIFT}\n`);
    expect(r.flags).toEqual([]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings.length).toBeGreaterThan(0);
  });

  it('delay tier-up (and bound the heap) once, when worker threads start, and not for a run on one thread', () => {
    const dir = manyFiles();
    const threads = flagsSetBy(['--format', 'jsonl', '--jobs', '2', dir], [], '');
    expect(threads.flags).toEqual([HEAP_FLAG, TIER_UP_FLAG]);
    expect(threads.stdout.trim().split('\n')).toHaveLength(70);
    const one = flagsSetBy(['--format', 'jsonl', '--jobs', '1', dir], [], '');
    expect(one.flags).toEqual([]);
    expect(one.stdout).toBe(threads.stdout);
  });

  it('leave alone each flag the user set', () => {
    expect(flagsSetBy(['--format', 'jsonl', '--jobs', '1', '-'], ['--heap-growing-percent=80'], MAILBOX).flags).toEqual([]);
    expect(flagsSetBy(['--format', 'jsonl', '--jobs', '2', manyFiles()], ['--interrupt-budget=100000'], '').flags).toEqual([HEAP_FLAG]);
    expect(boundHeapGrowth(['--heap_growing_percent=10'])).toBe(false);
    expect(delayTierUp(['--interrupt_budget=10'])).toBe(false);
    expect(boundHeapGrowth(['--max-old-space-size=4096'])).toBe(true);
    expect(delayTierUp(['--max-old-space-size=4096'])).toBe(true);
  });
});
