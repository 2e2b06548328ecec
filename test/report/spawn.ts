/** Runs the real bin (built by test/setup/build.ts) in a folder, with optional stdin. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const BIN = resolve('bin/quidpro.js');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...options.env },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary folder holding `files` (path → content). */
export function tempTree(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'quidpro-'));
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return dir;
}

/** A sentence the freebie detector flags today (a gift given first, plus an ask). */
export const GIFT = "We've enclosed a set of address labels as our gift to you. Please donate today.";
/** A phrase made up for config "phrases", so findings do not depend on the lexicons. */
export const CUSTOM_PHRASE = 'zorblax wibble';
export const CUSTOM = `Meet the ${CUSTOM_PHRASE} we made for you. Please donate $20 today.`;
export const CUSTOM_CONFIG = JSON.stringify({ phrases: { freebie: [CUSTOM_PHRASE] } });
